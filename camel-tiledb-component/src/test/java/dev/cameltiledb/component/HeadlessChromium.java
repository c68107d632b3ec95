package dev.cameltiledb.component;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code chromium} run headless on one URL, as root in a container may run it (no sandbox, no GPU, nothing
 * fetched in the background, a fresh profile each time): the DOM after the page's scripts ran, or a screenshot.
 * Where it is not on the {@code PATH}, a test that needs it is skipped, naming the package to install.
 */
final class HeadlessChromium {

    /** How long the page's scripts may run, in the browser's virtual time (it waits for their fetches). */
    private static final int SCRIPT_BUDGET_MILLIS = 10_000;

    private final Path executable;

    private HeadlessChromium(Path executable) {
        this.executable = executable;
    }

    /** The browser on the PATH; the test is skipped (a JUnit assumption, with the reason) when there is none. */
    static HeadlessChromium onPath() {
        Optional<Path> found = find();
        Assumptions.assumeTrue(
                found.isPresent(),
                "chromium is not on the PATH: install Debian's package chromium (apt-get install -y chromium) to run"
                        + " the emulator page's browser test");
        return new HeadlessChromium(found.get());
    }

    private static Optional<Path> find() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The page's DOM once its scripts ran (their fetches answered). */
    String dumpDom(String url) throws IOException, InterruptedException {
        Path out = Files.createTempFile("chromium-dom-", ".html");
        try {
            run(List.of("--dump-dom", url), out);
            return Files.readString(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** A PNG of the page once its scripts ran, {@code width} x {@code height} pixels, written to {@code file}. */
    void screenshot(String url, Path file, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        run(
                List.of(
                        "--screenshot=" + file.toAbsolutePath(),
                        "--window-size=" + width + "," + height,
                        "--hide-scrollbars",
                        url),
                null);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("chromium wrote no screenshot to " + file);
        }
    }

    private void run(List<String> what, Path stdout) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile-");
        Path stderr = Files.createTempFile("chromium-err-", ".log");
        List<String> command = new ArrayList<>(List.of(
                executable.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--virtual-time-budget=" + SCRIPT_BUDGET_MILLIS));
        command.addAll(what);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        if (stdout != null) {
            builder.redirectOutput(stdout.toFile());
        } else {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        Process process = builder.start();
        try {
            // a bound, not a wait that decides: the run ends as soon as the page is done
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("chromium did not finish within 3 minutes: " + tail(stderr));
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("chromium exited with " + process.exitValue() + ": " + tail(stderr));
            }
        } finally {
            Files.deleteIfExists(stderr);
            deleteTree(profile);
        }
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log);
        return text.length() > 2_000 ? text.substring(text.length() - 2_000) : text;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
