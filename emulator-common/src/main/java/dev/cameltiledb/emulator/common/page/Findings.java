package dev.cameltiledb.emulator.common.page;

import com.atlassian.oai.validator.report.ValidationReport;

/**
 * A validator's finding as the page may show it. Its messages quote what was sent (a parameter's value, a string too
 * long, the text that is no JSON), and a body may carry a password or a bucket's keys: every quoted value is left
 * out ({@code '…'}), except inside square brackets, where the validator names the spec's side (the field's path,
 * the allowed types, the required properties). A message about unreadable JSON quotes the body itself: only its key
 * is shown.
 */
final class Findings {

    private Findings() {}

    static String line(ValidationReport.Message m) {
        if (m.getKey().startsWith("validation.schema.")) {
            return m.getKey();
        }
        return m.getKey() + ": " + withoutQuotedValues(m.getMessage());
    }

    static String withoutQuotedValues(String message) {
        StringBuilder out = new StringBuilder(message.length());
        int brackets = 0;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '[') {
                brackets++;
            } else if (c == ']' && brackets > 0) {
                brackets--;
            } else if ((c == '"' || c == '\'') && brackets == 0) {
                int end = message.indexOf(c, i + 1);
                if (end < 0) {
                    // an unclosed quote: what follows may be the value itself
                    out.append(c).append('…');
                    return out.toString();
                }
                out.append(c).append('…').append(c);
                i = end;
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }
}
