package dev.cameltiledb.client;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of path segments and query values. Everything but RFC 3986's unreserved characters is encoded,
 * so a storage URI such as {@code s3://bucket/x} stays one segment and a name with {@code /}, spaces or {@code %}
 * cannot leave its segment. The dot-segments {@code .} and {@code ..} are encoded too, because servers and proxies
 * would otherwise resolve them as "this" and "parent" directory.
 */
final class UriEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {}

    static String segment(String value) {
        if (value.equals(".") || value.equals("..")) {
            return value.replace(".", "%2E");
        }
        return encode(value);
    }

    static String encode(String value) {
        if (isAllUnreserved(value)) {
            return value; // the common case (names, numbers, ids): nothing to encode, nothing to copy
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0x0F]);
            }
        }
        return sb.toString();
    }

    private static boolean isAllUnreserved(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!isUnreserved(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUnreserved(int c) {
        return c >= 'a' && c <= 'z'
                || c >= 'A' && c <= 'Z'
                || c >= '0' && c <= '9'
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }
}
