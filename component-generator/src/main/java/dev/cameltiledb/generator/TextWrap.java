package dev.cameltiledb.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a paragraph into lines the way the starters' comments have always been laid out (the rules of Python's
 * {@code textwrap.fill}): words are split at whitespace and, optionally, after the hyphen of a hyphenated word; a line
 * takes words while it fits the width, its indent counted; a word longer than a line is cut. The formatter leaves
 * comments as they are, so the generator lays them out itself.
 */
final class TextWrap {

    private static final String WS = "[\\t\\n\\x0B\\f\\r ]";
    private static final String NWS = "[^\\t\\n\\x0B\\f\\r ]";
    private static final String WORD_PUNCT = "[\\w!\"'&.,?]";
    private static final String LETTER = "[^\\d\\W]";

    /** A chunk: a whitespace run, an em-dash, or a word up to its end or to the hyphen after two letters. */
    private static final Pattern HYPHENATED = Pattern.compile(
            "(" + WS + "+"
                    + "|(?<=" + WORD_PUNCT + ")-{2,}(?=\\w)"
                    + "|" + NWS + "+?(?:"
                    + "-(?:(?<=" + LETTER + "{2}-)|(?<=" + LETTER + "-" + LETTER + "-))(?=" + LETTER + "-?" + LETTER
                    + ")"
                    + "|(?=" + WS + "|\\z)"
                    + "|(?<=" + WORD_PUNCT + ")(?=-{2,}\\w)"
                    + "))",
            Pattern.UNICODE_CHARACTER_CLASS);

    private static final Pattern WHITESPACE = Pattern.compile("(" + WS + "+)");

    private TextWrap() {}

    static String fill(String text, int width, String indent, boolean breakOnHyphens) {
        String munged = text.replaceAll("\\t", "        ").replaceAll("[\\n\\x0B\\f\\r]", " ");
        List<String> chunks = chunks(munged, breakOnHyphens ? HYPHENATED : WHITESPACE);
        List<String> lines = new ArrayList<>();
        int next = 0;
        while (next < chunks.size()) {
            int room = width - indent.length();
            if (!lines.isEmpty() && chunks.get(next).isBlank()) {
                next++;
                continue;
            }
            List<String> line = new ArrayList<>();
            int length = 0;
            while (next < chunks.size() && length + chunks.get(next).length() <= room) {
                length += chunks.get(next).length();
                line.add(chunks.get(next++));
            }
            if (next < chunks.size() && chunks.get(next).length() > room) {
                String chunk = chunks.get(next);
                int end = room < 1 ? 1 : room - length;
                if (breakOnHyphens && chunk.length() > end) {
                    int hyphen = chunk.lastIndexOf('-', end - 1);
                    if (hyphen > 0 && !chunk.substring(0, hyphen).matches("-*")) {
                        end = hyphen + 1;
                    }
                }
                line.add(chunk.substring(0, end));
                chunks.set(next, chunk.substring(end));
            }
            if (!line.isEmpty() && line.get(line.size() - 1).isBlank()) {
                line.remove(line.size() - 1);
            }
            if (!line.isEmpty()) {
                lines.add(indent + String.join("", line));
            }
        }
        return String.join("\n", lines);
    }

    private static List<String> chunks(String text, Pattern separator) {
        List<String> chunks = new ArrayList<>();
        Matcher m = separator.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                chunks.add(text.substring(at, m.start()));
            }
            if (!m.group().isEmpty()) {
                chunks.add(m.group());
            }
            at = m.end();
        }
        if (at < text.length()) {
            chunks.add(text.substring(at));
        }
        return chunks;
    }
}
