package dev.cameltiledb.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 26, item 25: without {@code ../shared/spec} the behaviour tests run and only their spec check is left out,
 * with one notice; in CI ({@code CI=true}) a missing spec fails instead. The spec helpers run in a child JVM
 * ({@link MissingSpecMain}) so that the folder, the environment and the helpers' once-per-run state are its own.
 */
@Tag("server")
class MissingSpecTest {

    private static final String NOWHERE = "/nonexistent-spec-folder";

    @Test
    void withoutTheSpecTheChecksAreLeftOutWithOneNoticeAndSpecOnlyTestsAbort() throws Exception {
        String out = child(NOWHERE, false);
        assertTrue(out.contains("VIOLATIONS 0\nVIOLATIONS 0\n"), "the exchange goes unchecked, twice: " + out);
        assertTrue(out.contains("ABORTED no spec at " + NOWHERE + "; this test needs ../shared/spec"), out);
        assertEquals(1, out.split("NOTICE: no official spec at " + NOWHERE, -1).length - 1, "one notice: " + out);
    }

    @Test
    void inCiAMissingSpecFailsTheCheck() throws Exception {
        String out = child(NOWHERE, true);
        assertTrue(
                out.contains("FAILED org.opentest4j.AssertionFailedError: The official spec is missing: expected "
                        + NOWHERE + "/openapi-v1.yaml"),
                out);
        assertTrue(!out.contains("VIOLATIONS"), out);
    }

    @Test
    void withTheSpecTheSameExchangeIsAFinding() throws Exception {
        String spec = System.getProperty("tiledb.spec.dir", "../../shared/spec");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.Files.isRegularFile(Path.of(spec, "openapi-v1.yaml")), "needs ../shared/spec");
        String out = child(Path.of(spec).toAbsolutePath().toString(), false);
        assertTrue(out.matches("(?s).*VIOLATIONS [1-9].*"), out);
        assertTrue(out.contains("SPEC AT HAND"), out);
    }

    private static String child(String specDir, boolean ci) throws IOException, InterruptedException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dtiledb.spec.dir=" + specDir,
                        "-cp",
                        classpath,
                        MissingSpecMain.class.getName())
                .redirectErrorStream(true);
        builder.environment().remove("CI");
        if (ci) {
            builder.environment().put("CI", "true");
        }
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the child did not end");
        }
        assertEquals(0, process.exitValue());
        return new String(output, StandardCharsets.UTF_8);
    }
}
