package dev.cameltiledb.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.client.model.ApiError;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends {@link RestRequest}s over one pooled Apache HttpClient and turns answers into models or
 * {@link TileDBApiException}s. Response bodies are parsed straight from the stream, never buffered whole.
 */
final class RestTransport implements AutoCloseable {

    static final String API_KEY_HEADER = "X-TILEDB-REST-API-KEY";
    /** Error bodies are read for their message only; a proxy's HTML page must not fill the heap. */
    private static final int MAX_ERROR_BODY_BYTES = 16 * 1024;

    private final ClientSettings settings;
    private final CloseableHttpClient http;
    private final ObjectMapper mapper = TileDBJson.mapper();

    RestTransport(ClientSettings settings) {
        this.settings = settings;
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(settings.connectTimeoutMillis()))
                        .setSocketTimeout(Timeout.ofMilliseconds(settings.responseTimeoutMillis()))
                        .setValidateAfterInactivity(Timeout.ofSeconds(2))
                        .setTimeToLive(5, TimeUnit.MINUTES)
                        .build())
                .build();
        this.http = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.ofMilliseconds(settings.connectionRequestTimeoutMillis()))
                        .setResponseTimeout(Timeout.ofMilliseconds(settings.responseTimeoutMillis()))
                        .build())
                .setUserAgent(settings.userAgent())
                // retries and redirects are decided by the client's own policy, not silently by HttpClient
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .build();
    }

    /** Sends the request and maps a 2xx JSON body to {@code type}; null for an empty (204) answer. */
    <T> T call(RestRequest request, JavaType type) {
        HttpUriRequestBase http = toHttp(request);
        try {
            return this.http.execute(http, response -> {
                int status = response.getCode();
                HttpEntity entity = response.getEntity();
                if (status < 200 || status >= 300) {
                    throw toApiException(request, response);
                }
                if (type == null || entity == null || status == 204) {
                    EntityUtils.consume(entity);
                    return null;
                }
                try (InputStream in = entity.getContent()) {
                    return mapper.readValue(in, type);
                } catch (JacksonException e) {
                    throw new TileDBException("TileDB Cloud answered " + request.method() + " " + request.path()
                                              + " with a body that is not the expected JSON (" + type.getRawClass().getSimpleName()
                                              + "): " + e.getOriginalMessage(), e);
                }
            });
        } catch (TileDBException e) {
            throw e;
        } catch (IOException e) {
            throw new TileDBConnectionException("Could not complete " + request.method() + " " + settings.host()
                                                + request.path() + ": " + e, e);
        }
    }

    /** Sends a request whose answer carries no body worth reading. */
    void call(RestRequest request) {
        call(request, null);
    }

    JavaType type(Class<?> type) {
        return mapper.constructType(type);
    }

    JavaType listOf(Class<?> element) {
        return mapper.getTypeFactory().constructCollectionType(java.util.List.class, element);
    }

    JavaType mapOf(Class<?> value) {
        return mapper.getTypeFactory().constructMapType(java.util.LinkedHashMap.class, String.class, value);
    }

    private HttpUriRequestBase toHttp(RestRequest request) {
        HttpUriRequestBase http = new HttpUriRequestBase(request.method(),
                java.net.URI.create(settings.host() + request.pathAndQuery()));
        http.setHeader(HttpHeaders.ACCEPT, "application/json");
        http.setHeader(new SecretHeader(API_KEY_HEADER, settings.apiToken()));
        request.headers().forEach(http::setHeader);
        if (request.jsonBody() != null) {
            try {
                http.setEntity(new ByteArrayEntity(mapper.writeValueAsBytes(request.jsonBody()), ContentType.APPLICATION_JSON));
            } catch (JacksonException e) {
                throw new TileDBConfigurationException("Cannot write the " + request.jsonBody().getClass().getSimpleName()
                                                       + " body as JSON: " + e.getOriginalMessage(), e);
            }
        }
        return http;
    }

    private TileDBApiException toApiException(RestRequest request, ClassicHttpResponse response) throws IOException {
        String body = readLimited(response.getEntity());
        Long code = null;
        String message = null;
        String requestId = null;
        if (body != null && body.startsWith("{")) {
            try {
                ApiError error = mapper.readValue(body, ApiError.class);
                code = error.code();
                message = error.message();
                requestId = error.requestId();
            } catch (JacksonException notJson) {
                message = null;
            }
        }
        if (message == null) {
            message = body == null || body.isBlank() ? response.getReasonPhrase() : "response body: " + abbreviate(body);
        }
        if (requestId == null) {
            Header header = response.getFirstHeader("X-Request-Id");
            requestId = header != null ? header.getValue() : null;
        }
        return TileDBApiException.of(response.getCode(), code, message, requestId, request.method(), request.path());
    }

    private static String readLimited(HttpEntity entity) throws IOException {
        if (entity == null) {
            return null;
        }
        try (InputStream in = entity.getContent()) {
            return new String(in.readNBytes(MAX_ERROR_BODY_BYTES), StandardCharsets.UTF_8).strip();
        }
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
