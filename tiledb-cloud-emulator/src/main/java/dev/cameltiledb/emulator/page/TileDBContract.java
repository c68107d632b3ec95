package dev.cameltiledb.emulator.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.cameltiledb.emulator.RecordedExchange;
import dev.cameltiledb.emulator.common.ContractCheck;
import dev.cameltiledb.emulator.common.page.ExchangeJudge;
import dev.cameltiledb.emulator.common.page.Verdict;

/**
 * Judges the TileDB emulator's exchanges for its page: {@code /v4} ones against the description the emulator ships
 * ({@code openapi/tiledb-v4.yaml}), always; {@code /v1} and {@code /v2} ones against TileDB's official classic specs
 * when a folder holding them was given ({@code specDirectory}), excusing what {@link ClassicSpecDefects} excuses. Any
 * other exchange, and every classic one without the folder or on a workspace server (its v1 and v2 paths take a
 * workspace and a teamspace, which the classic specs do not describe), is "not checked". Each validator is loaded on
 * first need, when the page is asked.
 */
public final class TileDBContract implements ExchangeJudge<RecordedExchange> {

    /** The emulator's own description of {@code /v4}, in its jar. */
    public static final String V4_DESCRIPTION = "/openapi/tiledb-v4.yaml";

    private static final List<String> CREDENTIAL_HEADERS = List.of("authorization", "x-tiledb-rest-api-key");

    private final Path specDirectory;
    private final boolean workspaceServer;
    private OpenApiInteractionValidator v1;
    private OpenApiInteractionValidator v2;
    private OpenApiInteractionValidator v4;

    /** {@code specDirectory} null: the classic exchanges are not checked. */
    public TileDBContract(Path specDirectory, boolean workspaceServer) {
        this.specDirectory = specDirectory;
        this.workspaceServer = workspaceServer;
    }

    /** A validator of {@code openapi-VERSION.yaml} in {@code dir} ({@code "v1"} or {@code "v2"}), on that base path. */
    public static OpenApiInteractionValidator classicValidator(Path dir, String version) {
        try {
            return OpenApiInteractionValidator.createForInlineApiSpecification(
                            Files.readString(dir.resolve("openapi-" + version + ".yaml")))
                    .withBasePathOverride("/" + version)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized Verdict judge(RecordedExchange x) {
        String path = x.rawPath();
        if (path.startsWith("/v4/")) {
            return verdict(v4(), x, m -> false);
        }
        boolean classic = path.startsWith("/v1/") || path.startsWith("/v2/");
        if (!classic) {
            return Verdict.notChecked("no API description covers this path");
        }
        if (workspaceServer) {
            return Verdict.notChecked("a workspace server's v1 and v2 paths take a workspace and a teamspace, which"
                    + " the classic specs do not describe");
        }
        if (specDirectory == null) {
            return Verdict.notChecked("TileDB's classic specs were not given (the specDirectory option)");
        }
        if (path.startsWith("/v1/")) {
            v1 = v1 != null ? v1 : classicValidator(specDirectory, "v1");
            return verdict(v1, x, m -> ClassicSpecDefects.excused(x, m));
        }
        v2 = v2 != null ? v2 : classicValidator(specDirectory, "v2");
        return verdict(v2, x, m -> ClassicSpecDefects.excused(x, m));
    }

    private OpenApiInteractionValidator v4() {
        if (v4 == null) {
            v4 = OpenApiInteractionValidator.createForSpecificationUrl(
                            TileDBContract.class.getResource(V4_DESCRIPTION).toString())
                    .withBasePathOverride("/v4")
                    // the description allows fields it does not name (the service adds fields), as the component's
                    // workspace contract test reads it; the validator's default would report each one
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                            .build())
                    .build();
        }
        return v4;
    }

    private static Verdict verdict(
            OpenApiInteractionValidator validator, RecordedExchange x, Predicate<ValidationReport.Message> excused) {
        return Verdict.of(
                validator.validate(
                        ContractCheck.request(
                                x.method(), x.rawPath(), x.query(), withoutCredentials(x), x.requestBody()),
                        ContractCheck.response(x.status(), x.responseHeaders(), x.responseBody())),
                excused,
                true);
    }

    /** The request's headers with a placeholder for each credential: no finding can quote a key. */
    private static Map<String, List<String>> withoutCredentials(RecordedExchange x) {
        Map<String, List<String>> headers = new LinkedHashMap<>(x.requestHeaders());
        CREDENTIAL_HEADERS.forEach(name -> headers.computeIfPresent(name, (n, v) -> List.of("redacted")));
        return headers;
    }
}
