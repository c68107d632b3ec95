package dev.cameltiledb.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One call to the REST API, described before it is sent: method, encoded path, query and headers, and a body to
 * serialise as JSON. Built by the resource APIs, executed by {@link RestTransport}.
 */
final class RestRequest {

    private final String method;
    private final StringBuilder path = new StringBuilder();
    private final StringBuilder query = new StringBuilder();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Object jsonBody;
    private UploadBody body;
    /** The asset or namespace the call is about, if any: its form must fit the server's generation. */
    private Address address;
    /** Whether the call does work each time it is sent (SQL, a UDF): it is then never sent twice ({@link #once}). */
    private boolean once;

    private RestRequest(String method) {
        this.method = method;
    }

    static RestRequest get(String... segments) {
        return new RestRequest("GET").segments(segments);
    }

    static RestRequest post(String... segments) {
        return new RestRequest("POST").segments(segments);
    }

    static RestRequest put(String... segments) {
        return new RestRequest("PUT").segments(segments);
    }

    static RestRequest patch(String... segments) {
        return new RestRequest("PATCH").segments(segments);
    }

    static RestRequest delete(String... segments) {
        return new RestRequest("DELETE").segments(segments);
    }

    static RestRequest head(String... segments) {
        return new RestRequest("HEAD").segments(segments);
    }

    /**
     * {@code version/resource/<the address's segments>/tail...}: the path of a call on one asset or namespace, either
     * form.
     */
    static String[] path(String version, String resource, Address address, String... tail) {
        List<String> segments = new ArrayList<>(List.of(version, resource));
        segments.addAll(address.segments());
        segments.addAll(List.of(tail));
        return segments.toArray(String[]::new);
    }

    private RestRequest segments(String... segments) {
        for (String s : segments) {
            path.append('/').append(UriEncoding.segment(s));
        }
        return this;
    }

    /** Adds a query parameter; a null value is left out, as the Python client leaves out {@code None}. */
    RestRequest query(String name, Object value) {
        if (value != null) {
            query.append(query.length() == 0 ? '?' : '&')
                    .append(UriEncoding.encode(name))
                    .append('=')
                    .append(UriEncoding.encode(String.valueOf(value)));
        }
        return this;
    }

    /** Adds a repeated parameter ({@code collectionFormat: multi}): {@code tag=a&tag=b}. */
    RestRequest queryAll(String name, Collection<String> values) {
        if (values != null) {
            values.forEach(v -> query(name, v));
        }
        return this;
    }

    RestRequest header(String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
        return this;
    }

    /** The spec declares a required {@code Content-Type} header on some GET and DELETE calls; send what it asks. */
    RestRequest jsonContentType() {
        return header("Content-Type", "application/json");
    }

    RestRequest json(Object body) {
        this.jsonBody = body;
        return jsonContentType();
    }

    /** A raw body (a file, bytes, a stream) sent as {@code application/octet-stream}; never buffered whole. */
    RestRequest body(UploadBody body) {
        this.body = body;
        return this;
    }

    UploadBody body() {
        return body;
    }

    /** Names the asset or namespace the call is about, so the transport can check its form against the server. */
    RestRequest about(Address address) {
        this.address = address;
        return this;
    }

    Address address() {
        return address;
    }

    /**
     * Marks a call that does its work each time it is sent (runs SQL, a UDF, a task graph): it is not sent again once
     * it may have reached the service, whatever the retry mode ({@link RetryPolicy#retriesStatus}).
     */
    RestRequest once() {
        this.once = true;
        return this;
    }

    boolean isOnce() {
        return once;
    }

    /** Whether the request can be sent again: a stream that was read once cannot. */
    boolean isRepeatable() {
        return body == null || body.repeatable();
    }

    String method() {
        return method;
    }

    String path() {
        return path.toString();
    }

    String pathAndQuery() {
        return path.toString() + query;
    }

    Map<String, String> headers() {
        return headers;
    }

    Object jsonBody() {
        return jsonBody;
    }
}
