package dev.cameltiledb.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cameltiledb.emulator.common.ContractCheck;
import dev.cameltiledb.emulator.page.TileDBContract;
import org.junit.jupiter.api.Assumptions;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * TileDB's official v1 and v2 specs in {@code ../shared/spec} (never copied into the repository): their operations,
 * and validators for recorded exchanges. Without the folder the behaviour tests still run and only their spec checks
 * are left out, with a notice ({@link #available()}); a test that is nothing but a spec check is skipped
 * ({@link #directory()}). In CI ({@code CI=true}) a missing folder fails either kind.
 */
final class OfficialSpecs {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete", "head", "options");

    /** One operation of a spec: method, full path template ({@code /v1/arrays/{namespace}/{array}}), tags. */
    record Operation(String method, String path, String operationId, List<String> tags) {}

    private OfficialSpecs() {}

    /** Whether the notice of a missing spec was printed already: once per test run is enough. */
    private static boolean noticeGiven;

    /** The folder of the specs; a test that only checks against them is skipped without it (failed in CI). */
    static Path directory() {
        if (!available()) {
            Assumptions.abort("no spec at " + configured().toAbsolutePath() + "; this test needs ../shared/spec");
        }
        return configured();
    }

    /**
     * Whether the specs are there. When they are not, a behaviour test runs without its spec check: this prints a
     * notice (once) saying so; in CI ({@code CI=true}) it fails instead, as a missing spec there is a broken checkout.
     */
    static synchronized boolean available() {
        Path dir = configured();
        if (Files.isRegularFile(dir.resolve("openapi-v1.yaml"))) {
            return true;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("The official spec is missing: expected " + dir.toAbsolutePath()
                    + "/openapi-v1.yaml (../shared/spec)");
        }
        if (!noticeGiven) {
            noticeGiven = true;
            System.err.println("NOTICE: no official spec at " + dir.toAbsolutePath() + " (../shared/spec): the"
                    + " emulator's behaviour tests run without checking their exchanges against it");
        }
        return false;
    }

    private static Path configured() {
        return Path.of(System.getProperty("tiledb.spec.dir", "../../shared/spec"));
    }

    /** Every operation of openapi-v1.yaml and openapi-v2.yaml, in the specs' order. */
    static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (String version : List.of("v1", "v2")) {
            JsonNode spec = read(version);
            String basePath = spec.path("basePath").asText("/" + version);
            spec.path("paths")
                    .fields()
                    .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                        if (METHODS.contains(op.getKey())) {
                            List<String> tags = new ArrayList<>();
                            op.getValue().path("tags").forEach(t -> tags.add(t.asText()));
                            operations.add(new Operation(
                                    op.getKey().toUpperCase(java.util.Locale.ROOT),
                                    basePath + path.getKey(),
                                    op.getValue().path("operationId").asText(null),
                                    tags));
                        }
                    }));
        }
        return operations;
    }

    private static JsonNode read(String version) {
        try {
            return new ObjectMapper(new YAMLFactory())
                    .readTree(
                            directory().resolve("openapi-" + version + ".yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A validator of requests and answers against openapi-v1.yaml ({@code "v1"}) or openapi-v2.yaml. */
    static OpenApiInteractionValidator validator(String version) {
        return TileDBContract.classicValidator(directory(), version);
    }

    static Request request(RecordedExchange x) {
        return ContractCheck.request(x.method(), x.rawPath(), x.query(), x.requestHeaders(), x.requestBody());
    }

    static Response response(RecordedExchange x) {
        return ContractCheck.response(x.status(), x.responseHeaders(), x.responseBody());
    }
}
