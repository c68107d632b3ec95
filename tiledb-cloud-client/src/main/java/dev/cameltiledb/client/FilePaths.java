package dev.cameltiledb.client;

/**
 * The rule for the path of a file in a teamspace's file store ({@code /v4/files}), which this client applies before
 * sending: segments joined by {@code /}, none empty, {@code .} or {@code ..}, not starting with {@code /} (the service
 * would not keep {@code /abs/x.txt} as written), without a backslash, control characters (NUL, line breaks, tabs, the
 * escape of ANSI sequences) or marks that reorder text (a right-to-left override makes {@code evil\u202Etxt.exe} read
 * as another name), at most {@value #MAX_SEGMENT} characters a segment and {@value #MAX_PATH} the path. It is the rule
 * notebook names follow, for paths.
 */
public final class FilePaths {

    public static final int MAX_SEGMENT = 255;
    public static final int MAX_PATH = 1024;

    private FilePaths() {}

    /** Why {@code path} cannot name a file, or null when it can. */
    public static String problem(String path) {
        if (path == null || path.isBlank()) {
            return "is empty";
        }
        if (path.length() > MAX_PATH) {
            return "is " + path.length() + " characters long, more than " + MAX_PATH;
        }
        if (path.startsWith("/")) {
            return "starts with '/' (paths are relative to the teamspace)";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "has an empty, '.' or '..' segment";
            }
            if (segment.length() > MAX_SEGMENT) {
                return "has a name of " + segment.length() + " characters, more than " + MAX_SEGMENT;
            }
            if (segment.contains("\\")) {
                return "holds a backslash";
            }
        }
        if (path.codePoints().anyMatch(FilePaths::isHiddenControl)) {
            return "holds control characters (line breaks, tabs, NUL, escapes or direction overrides)";
        }
        return null;
    }

    /** Control characters, and the marks and overrides that reorder text (U+061C, U+200E/F, U+202A-E, U+2066-9). */
    public static boolean isHiddenControl(int c) {
        return Character.isISOControl(c)
                || c == 0x061C
                || c == 0x200E
                || c == 0x200F
                || c >= 0x202A && c <= 0x202E
                || c >= 0x2066 && c <= 0x2069;
    }

    /** {@code text} as a message can hold it: each control character or override as a backslash, u and four digits. */
    public static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (isHiddenControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** The path, or a {@link TileDBConfigurationException} saying what is wrong with it. */
    static String require(String path) {
        String problem = problem(path);
        if (problem != null) {
            throw new TileDBConfigurationException(
                    "The file path '" + escaped(shortened(path)) + "' " + problem + "; nothing was sent");
        }
        return path;
    }

    /** The first 120 characters of a long path, enough to recognise it in a message. */
    public static String shortened(String path) {
        return path == null || path.length() <= 120 ? String.valueOf(path) : path.substring(0, 120) + "...";
    }
}
