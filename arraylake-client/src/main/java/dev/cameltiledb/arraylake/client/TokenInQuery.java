package dev.cameltiledb.arraylake.client;

import java.io.IOException;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cameltiledb.rest.SecretHeader;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.impl.io.DefaultHttpRequestWriter;
import org.apache.hc.core5.http.message.BasicLineFormatter;
import org.apache.hc.core5.http.message.RequestLine;
import org.apache.hc.core5.util.CharArrayBuffer;

/**
 * Keeps a token that the service wants in the query ({@code /refresh_token?token=}, {@code
 * api-clients/authenticate?token=}) out of HttpClient's DEBUG logs, which print the request line in several places.
 * The request is built with a placeholder in the query and the real value in a marker header whose toString is
 * redacted (HttpClient copies requests, but keeps their header objects); only the {@link Writer} on each connection,
 * when it writes the request line to the socket, swaps the value in and drops the marker.
 */
final class TokenInQuery {

    static final String MARKER = "x-camel-arraylake-query-token";
    static final String PLACEHOLDER = "REDACTED";
    private static final Pattern TOKEN_PARAM = Pattern.compile("([?&]token=)([^&]*)");

    private TokenInQuery() {}

    /** The URI to give HttpClient: {@code real} with the token masked; the real value goes on {@code request}. */
    static URI mask(URI real, HttpRequest request) {
        String raw = real.toString();
        Matcher m = TOKEN_PARAM.matcher(raw);
        if (!m.find()) {
            return real;
        }
        request.setHeader(new SecretHeader(MARKER, m.group(2)));
        return URI.create(raw.substring(0, m.start(2)) + PLACEHOLDER + raw.substring(m.end(2)));
    }

    /** Writes request lines as usual, except that a masked token is put back, on the wire only. */
    static final class Writer extends DefaultHttpRequestWriter {

        @Override
        protected void writeHeadLine(ClassicHttpRequest message, CharArrayBuffer lineBuf) throws IOException {
            Header marker = message.getFirstHeader(MARKER);
            if (marker == null) {
                super.writeHeadLine(message, lineBuf);
                return;
            }
            // removed before the headers are written and logged, which happens after the request line
            message.removeHeaders(MARKER);
            String uri = message.getRequestUri().replace("token=" + PLACEHOLDER, "token=" + marker.getValue());
            BasicLineFormatter.INSTANCE.formatRequestLine(
                    lineBuf, new RequestLine(message.getMethod(), uri, protocolVersion(message)));
        }
    }
}
