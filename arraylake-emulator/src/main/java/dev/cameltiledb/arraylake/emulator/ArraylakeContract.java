package dev.cameltiledb.arraylake.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.cameltiledb.emulator.common.ContractCheck;
import dev.cameltiledb.emulator.common.page.ExchangeJudge;
import dev.cameltiledb.emulator.common.page.Verdict;

/**
 * A recorded exchange against our description of Arraylake ({@code openapi/arraylake-api.yaml}, in this jar), with
 * the rules the contract tests apply: the {@code Accept} header the clients send is not negotiated on; a 422 answers
 * a request refused as invalid (often on purpose), so only its answer has to match; an empty log is the one body
 * allowed to be missing. The contract tests ({@code ApiDescription}) and the emulator page judge with it.
 */
final class ArraylakeContract implements ExchangeJudge<RecordedExchange> {

    static final String DESCRIPTION = "/openapi/arraylake-api.yaml";

    private OpenApiInteractionValidator validator;

    static OpenApiInteractionValidator validator() {
        return OpenApiInteractionValidator.createForSpecificationUrl(
                        ArraylakeContract.class.getResource(DESCRIPTION).toString())
                // The Python client (and ours, like it) sends Accept: application/vnd.earthmover+json and the service
                // answers application/json: it does not negotiate on Accept, which OpenAPI cannot say. Every other
                // rule, the answers' content type included, stays an error.
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.accept.notAllowed", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** Whether only the answer is checked: a 422 refused the request as invalid. */
    static boolean answerOnly(RecordedExchange exchange) {
        return exchange.status() == 422;
    }

    static ValidationReport validate(OpenApiInteractionValidator validator, RecordedExchange exchange) {
        return answerOnly(exchange)
                ? validator.validateResponse(
                        exchange.path(), Request.Method.valueOf(exchange.method()), response(exchange))
                : validator.validate(request(exchange), response(exchange));
    }

    /**
     * A log with no line in the asked window is an empty text answer, which OpenAPI cannot call optional: the one body
     * allowed to be missing. A JSON answer without its body stays an error.
     */
    static boolean excused(RecordedExchange exchange, ValidationReport.Message message) {
        return message.getKey().equals("validation.response.body.missing")
                && exchange.responseHeaders().getOrDefault("content-type", List.of()).stream()
                        .anyMatch(type -> type.startsWith("text/plain"));
    }

    @Override
    public synchronized Verdict judge(RecordedExchange exchange) {
        if (validator == null) {
            validator = validator();
        }
        return Verdict.of(validate(validator, exchange), m -> excused(exchange, m), !answerOnly(exchange));
    }

    /** The request as sent; the bearer was left out of the record, and a placeholder stands for it. */
    private static Request request(RecordedExchange exchange) {
        Map<String, List<String>> headers = new LinkedHashMap<>(exchange.requestHeaders());
        if (exchange.authorizationPresent()) {
            headers.put("Authorization", List.of("Bearer redacted"));
        }
        return ContractCheck.request(
                exchange.method(), exchange.path(), exchange.query(), headers, exchange.requestBody());
    }

    private static Response response(RecordedExchange exchange) {
        return ContractCheck.response(exchange.status(), exchange.responseHeaders(), exchange.responseBody());
    }
}
