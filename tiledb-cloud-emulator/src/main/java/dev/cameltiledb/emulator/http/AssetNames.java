package dev.cameltiledb.emulator.http;

/**
 * The names the emulator takes for an array, notebook or file (registered, created, uploaded or renamed), and the
 * file paths of a teamspace's file store; anything else is a 400 with the spec's {@code Error}, saying why. The spec
 * publishes no rule for asset names (only usernames and organization names: {@code ^[\w.\-]+$}, at most 63
 * characters), so this refuses what no TileDB address can hold: a classic name is one segment of a
 * {@code tiledb://namespace/name} URI (no {@code /}), a teamspace path is segments joined by {@code /} (none empty,
 * {@code .} or {@code ..}, no leading {@code /}); neither may hold a backslash, a control character (NUL, line breaks,
 * tabs, the escape of ANSI sequences) or a bidirectional override, or run past {@value #MAX_NAME} characters a
 * segment and {@value #MAX_PATH} a path. {@code COMPATIBILITY.md} says so.
 */
public final class AssetNames {

    static final int MAX_NAME = 255;
    static final int MAX_PATH = 1024;

    private AssetNames() {}

    /** A classic asset name, or one segment of a path; {@code what} names the field in the answer. */
    public static String name(String name, String what) {
        if (name == null || name.isBlank()) {
            throw ApiFailure.badRequest(what + " must not be empty");
        }
        if (name.contains("/")) {
            throw refused(what, name, "holds '/', which a name cannot");
        }
        return segment(name, name, what);
    }

    /** A name in {@code namespace}: a path inside a teamspace ({@code workspace/teamspace}), else one segment. */
    public static String nameIn(String namespace, String name, String what) {
        return namespace.contains("/") ? path(name, what) : name(name, what);
    }

    /** A path of segments joined by {@code /}: a file path, or an asset's path inside a teamspace. */
    public static String path(String path, String what) {
        if (path == null || path.isBlank()) {
            throw ApiFailure.badRequest(what + " must not be empty");
        }
        if (path.length() > MAX_PATH) {
            throw refused(what, path, "is " + path.length() + " characters long, more than " + MAX_PATH);
        }
        if (path.startsWith("/")) {
            throw refused(what, path, "starts with '/': paths are relative to the teamspace");
        }
        for (String segment : path.split("/", -1)) {
            segment(segment, path, what);
        }
        return path;
    }

    private static String segment(String segment, String whole, String what) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
            throw refused(what, whole, "has an empty, '.' or '..' segment");
        }
        if (segment.length() > MAX_NAME) {
            throw refused(what, whole, "has a name of " + segment.length() + " characters, more than " + MAX_NAME);
        }
        if (segment.contains("\\")) {
            throw refused(what, whole, "holds a backslash");
        }
        if (segment.codePoints().anyMatch(AssetNames::isInvisibleControl)) {
            throw refused(
                    what, whole, "holds control characters (line breaks, tabs, NUL, escapes or direction overrides)");
        }
        return segment;
    }

    /** Control characters, and the marks and overrides that reorder text (U+061C, U+200E/F, U+202A-E, U+2066-9). */
    static boolean isInvisibleControl(int c) {
        return Character.isISOControl(c)
                || c == 0x061C
                || c == 0x200E
                || c == 0x200F
                || c >= 0x202A && c <= 0x202E
                || c >= 0x2066 && c <= 0x2069;
    }

    private static ApiFailure refused(String what, String value, String why) {
        return ApiFailure.badRequest(what + " '" + shown(value) + "' " + why);
    }

    /** The value as a message can hold it: control characters escaped, and cut after 80 characters. */
    private static String shown(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(80).forEach(c -> {
            if (isInvisibleControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return value.codePointCount(0, value.length()) > 80 ? out + "..." : out.toString();
    }
}
