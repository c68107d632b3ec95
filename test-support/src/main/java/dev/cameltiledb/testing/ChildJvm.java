package dev.cameltiledb.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the test classpath in a JVM of its own, for tests that must see what a small heap does (an
 * {@code OutOfMemoryError} there ends the child, not the build's JVM). The wait only turns a hang into a failure; no
 * time is asserted.
 */
public final class ChildJvm {

    private static final int OUTPUT_SHOWN = 4000;

    /** How the child ended: its exit code and the start of what it printed (stdout and stderr together). */
    public record Result(int exit, String output) {}

    private ChildJvm() {}

    /** Runs {@code main} with the JVM options (e.g. {@code -Xmx24m}) and arguments, and waits up to five minutes. */
    public static Result run(List<String> jvmOptions, Class<?> main, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(main.getName());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the child JVM did not end: " + main.getSimpleName() + " " + List.of(arguments));
        }
        String text = new String(output, StandardCharsets.UTF_8);
        return new Result(process.exitValue(), text.length() > OUTPUT_SHOWN ? text.substring(0, OUTPUT_SHOWN) : text);
    }
}
