package dev.cameltiledb.arraylake.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One REST call before it is sent: method, unencoded path segments, query parameters and an optional JSON body.
 * {@code anonymous} calls (the token refresh) go without Authorization.
 */
record Call(
        String method, List<String> segments, List<Map.Entry<String, String>> query, Object body, boolean anonymous) {

    static Call get(String... segments) {
        return new Call("GET", List.of(segments), List.of(), null, false);
    }

    static Call of(String method, String... segments) {
        return new Call(method, List.of(segments), List.of(), null, false);
    }

    /** Adds a query parameter; null values are left out, so optional parameters need no ifs at the call site. */
    Call query(String name, Object value) {
        if (value == null) {
            return this;
        }
        List<Map.Entry<String, String>> q = new ArrayList<>(query);
        q.add(Map.entry(name, String.valueOf(value)));
        return new Call(method, segments, List.copyOf(q), body, anonymous);
    }

    /** The same call one path segment further down. */
    Call segment(String segment) {
        List<String> longer = new ArrayList<>(segments);
        longer.add(segment);
        return new Call(method, List.copyOf(longer), query, body, anonymous);
    }

    Call body(Object json) {
        return new Call(method, segments, query, json, anonymous);
    }

    Call withoutAuthorization() {
        return new Call(method, segments, query, body, true);
    }

    /** The tokens the call carries in its query ({@code token=}): secrets that no message may show. */
    List<String> secrets() {
        return query.stream()
                .filter(q -> q.getKey().equals("token"))
                .map(Map.Entry::getValue)
                .toList();
    }

    /** The path as messages and logs show it: no query, since some calls carry a token there. */
    String path() {
        return "/" + String.join("/", segments);
    }
}
