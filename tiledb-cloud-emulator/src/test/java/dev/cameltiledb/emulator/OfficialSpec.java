package dev.cameltiledb.emulator;

import java.util.List;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.cameltiledb.emulator.common.ContractCheck;
import dev.cameltiledb.emulator.page.ClassicSpecDefects;

/**
 * The official TileDB Cloud specs ({@code openapi-v1.yaml}, {@code openapi-v2.yaml} in {@code ../shared/spec}, the
 * folder the build names in {@code tiledb.spec.dir}) as validators of what crossed the wire: the request a test sent
 * and the answer the emulator gave, both as {@link RecordedExchange}s. Without the folder the tests still run and
 * their exchanges go unchecked (see {@link OfficialSpecs#available()}), except on CI, where its absence fails them.
 */
final class OfficialSpec {

    /**
     * A request header (lower case, as recorded) a test sets on a request that breaks the spec on purpose, to see the
     * emulator refuse it: the request's findings are expected, its answer must still conform.
     */
    static final String INVALID_ON_PURPOSE = "x-test-invalid-on-purpose";

    private static OfficialSpec loaded;

    private final OpenApiInteractionValidator v1;
    private final OpenApiInteractionValidator v2;

    private OfficialSpec(OpenApiInteractionValidator v1, OpenApiInteractionValidator v2) {
        this.v1 = v1;
        this.v2 = v2;
    }

    static OfficialSpec load() {
        return new OfficialSpec(OfficialSpecs.validator("v1"), OfficialSpecs.validator("v2"));
    }

    /** The specs, or null (after a notice) when {@code ../shared/spec} is missing outside CI. */
    static OfficialSpec loadIfAvailable() {
        return OfficialSpecs.available() ? load() : null;
    }

    /**
     * The findings of every exchange, loading the specs once for the test run; none (after a notice) when the specs
     * are missing outside CI, since the behaviour the exchanges show is checked by the tests themselves.
     */
    static synchronized List<String> violations(List<RecordedExchange> exchanges) {
        if (!OfficialSpecs.available()) {
            return List.of();
        }
        if (loaded == null) {
            loaded = load();
        }
        List<String> violations = new java.util.ArrayList<>();
        exchanges.forEach(x -> violations.addAll(loaded.violations(x)));
        return violations;
    }

    /**
     * The errors the spec finds in the exchange, each as "METHOD path -> status: key: message"; empty when none.
     * Findings caused by the spec itself or by what a record cannot hold ({@link ClassicSpecDefects}, each explained)
     * are left out.
     */
    List<String> violations(RecordedExchange x) {
        OpenApiInteractionValidator validator =
                x.rawPath().startsWith("/v1/") ? v1 : x.rawPath().startsWith("/v2/") ? v2 : null;
        if (validator == null) {
            return List.of(x.method() + " " + x.rawPath() + ": not a path the specs describe");
        }
        return ContractCheck.errors(
                x.method(),
                x.rawPath(),
                x.status(),
                validator.validate(OfficialSpecs.request(x), OfficialSpecs.response(x)),
                m -> ClassicSpecDefects.excused(x, m) || refusedOnPurpose(x, m));
    }

    private static boolean refusedOnPurpose(RecordedExchange x, ValidationReport.Message m) {
        return x.requestHeaders().containsKey(INVALID_ON_PURPOSE) && m.getKey().startsWith("validation.request.");
    }
}
