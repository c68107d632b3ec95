package dev.cameltiledb.emulator.data;

/** {@code tiledb://namespace/name}: how SQL, UDFs and task graphs name an array. */
public record ArrayUri(String namespace, String name) {

    private static final String SCHEME = "tiledb://";

    public static String of(String namespace, String name) {
        return SCHEME + namespace + "/" + name;
    }

    /**
     * Reads a {@code tiledb://namespace/name} URI; {@code what} names the field it came from, for the error. The name
     * is everything after the first slash (a workspace server's namespace has two segments: use {@link #parse(String,
     * String, int)}).
     */
    public static ArrayUri parse(String uri, String what) {
        return parse(uri, what, 1);
    }

    /** Reads a URI whose namespace has {@code namespaceSegments} path segments. */
    public static ArrayUri parse(String uri, String what, int namespaceSegments) {
        if (uri == null || !uri.startsWith(SCHEME)) {
            throw EngineException.badRequest(what + " must be a tiledb://namespace/array URI, was "
                    + (uri == null ? "missing" : "'" + uri + "'"));
        }
        String rest = uri.substring(SCHEME.length());
        int cut = -1;
        for (int i = 0; i < namespaceSegments; i++) {
            cut = rest.indexOf('/', cut + 1);
            if (cut < 0) {
                break;
            }
        }
        if (cut <= 0 || cut == rest.length() - 1) {
            throw EngineException.badRequest(what + " must be a tiledb://namespace/array URI, was '" + uri + "'");
        }
        return new ArrayUri(rest.substring(0, cut), rest.substring(cut + 1));
    }

    @Override
    public String toString() {
        return of(namespace, name);
    }
}
