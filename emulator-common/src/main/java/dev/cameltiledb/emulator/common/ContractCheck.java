package dev.cameltiledb.emulator.common;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

/**
 * A recorded exchange against an OpenAPI description, with swagger-request-validator: what both emulators' contract
 * checks share (TileDB's against the official specs, Arraylake's against our description). Each keeps its own rules
 * of what to excuse; this turns the wire into the validator's model and its findings into lines.
 */
public final class ContractCheck {

    private ContractCheck() {}

    /** The request as it was sent; a body only when one was read. */
    public static Request request(
            String method,
            String path,
            Map<String, List<String>> query,
            Map<String, List<String>> headers,
            byte[] body) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(method, path);
        query.forEach(b::withQueryParam);
        headers.forEach(b::withHeader);
        if (body != null && body.length > 0) {
            b.withBody(new String(body, StandardCharsets.UTF_8));
        }
        return b.build();
    }

    /** The answer as it was sent; a body only when it had one. */
    public static Response response(int status, Map<String, List<String>> headers, byte[] body) {
        SimpleResponse.Builder b = SimpleResponse.Builder.status(status);
        headers.forEach(b::withHeader);
        if (body != null && body.length > 0) {
            b.withBody(new String(body, StandardCharsets.UTF_8));
        }
        return b.build();
    }

    /** Validates request and answer together. */
    public static ValidationReport validate(
            OpenApiInteractionValidator validator,
            String method,
            String path,
            Map<String, List<String>> query,
            Map<String, List<String>> requestHeaders,
            byte[] requestBody,
            int status,
            Map<String, List<String>> responseHeaders,
            byte[] responseBody) {
        return validator.validate(
                request(method, path, query, requestHeaders, requestBody),
                response(status, responseHeaders, responseBody));
    }

    /** The report's errors but the excused ones, each as {@code METHOD path -> status: key: message}. */
    public static List<String> errors(
            String method,
            String path,
            int status,
            ValidationReport report,
            Predicate<ValidationReport.Message> excused) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(excused.negate())
                .map(m -> method + " " + path + " -> " + status + ": " + m.getKey() + ": " + m.getMessage())
                .toList();
    }
}
