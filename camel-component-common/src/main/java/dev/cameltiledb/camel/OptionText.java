package dev.cameltiledb.camel;

import java.util.Arrays;
import java.util.List;

/** How the text of a list option becomes its items, as a URI writes it: {@code "a, b,,c"} → {@code [a, b, c]}. */
public final class OptionText {

    private OptionText() {}

    /** The comma-separated items, blanks dropped; null when there is nothing. */
    public static List<String> list(String text) {
        return split(text, ",");
    }

    /** The items between {@code separator}s, blanks dropped; null when there is nothing. */
    public static List<String> split(String text, String separator) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Arrays.stream(text.split(separator))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
    }
}
