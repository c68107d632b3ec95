package dev.cameltiledb.emulator.data.udf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.cameltiledb.emulator.data.EngineException;

/**
 * Runs one UDF in a local Python 3 process ({@code udf_runner.py}, passed with {@code -c}): the request goes in on
 * stdin as it is produced (array slices stream), the output is kept as logs (the last {@code maxLogBytes}), the result
 * comes back in a file of the run's folder. Past its timeout the process and everything it started are killed.
 */
final class PythonProcess {

    private static final String RUNNER = runner();
    /** How long to wait for the output of a process that has ended to drain. */
    private static final long DRAIN_MILLIS = 5000;

    private final String executable;
    private final int maxLogBytes;

    PythonProcess(String executable, int maxLogBytes) {
        this.executable = executable;
        this.maxLogBytes = maxLogBytes;
    }

    /** Writes the request to the process's stdin. */
    interface Input {
        void write(OutputStream stdin) throws IOException;
    }

    /**
     * Runs the UDF in {@code folder}; a 501 naming the Python executable when it cannot be started. A failure of the
     * input (an array slice that cannot be read) ends the run and is thrown.
     */
    UdfOutcome run(Path folder, Input input, Duration timeout, Cancellation cancellation) {
        Path result = folder.resolve("result");
        Path status = folder.resolve("status");
        ProcessBuilder builder = new ProcessBuilder(
                        executable, "-u", "-c", RUNNER, result.toString(), status.toString())
                .directory(folder.toFile())
                .redirectErrorStream(true);
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new EngineException(
                    501,
                    "the emulator runs Python UDFs with '" + executable + "' (its python executable), which could not"
                            + " be started: " + e.getMessage() + ". Install Python 3 (python3 on the PATH) or point the"
                            + " emulator at one");
        }
        cancellation.attach(process);
        BoundedLog log = new BoundedLog(maxLogBytes);
        Thread reader = daemon("udf-output", () -> drain(process.getInputStream(), log));
        AtomicReference<Throwable> inputFailure = new AtomicReference<>();
        Thread feeder = daemon("udf-input", () -> {
            try (OutputStream stdin = process.getOutputStream()) {
                input.write(stdin);
            } catch (IOException e) {
                // the process ended before reading everything: its status says why
            } catch (RuntimeException e) {
                inputFailure.set(e);
                kill(process);
            }
        });
        UdfOutcome.End end;
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                end = cancellation.stopped() ? UdfOutcome.End.CANCELLED : UdfOutcome.End.TIMED_OUT;
            } else {
                end = cancellation.stopped() ? UdfOutcome.End.CANCELLED : ended(status);
            }
            reader.join(DRAIN_MILLIS);
            feeder.join(DRAIN_MILLIS);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            end = UdfOutcome.End.CANCELLED;
        }
        if (inputFailure.get() instanceof RuntimeException failure) {
            throw failure;
        }
        return new UdfOutcome(end, result, log.toString(), process.isAlive() ? -1 : process.exitValue());
    }

    private static UdfOutcome.End ended(Path status) {
        try {
            String s = Files.isRegularFile(status) ? Files.readString(status, StandardCharsets.UTF_8) : "";
            switch (s) {
                case "ok":
                    return UdfOutcome.End.COMPLETED;
                case "raised":
                    return UdfOutcome.End.RAISED;
                case "invalid":
                    return UdfOutcome.End.INVALID;
                default:
                    return UdfOutcome.End.CRASHED;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Kills a process and all it started, and waits (bounded) until they are gone, so nothing of a stopped UDF is left
     * running when its call answers.
     */
    static void kill(Process process) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
        try {
            process.waitFor(DRAIN_MILLIS, TimeUnit.MILLISECONDS);
            // what it started is not the JVM's child: its end is seen by looking (onExit backs off to seconds)
            while (all.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void drain(InputStream in, BoundedLog log) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                log.append(buf, 0, n);
            }
        } catch (IOException e) {
            // the process is gone; what it wrote so far is the log
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String runner() {
        try (InputStream in =
                PythonProcess.class.getResourceAsStream("/dev/cameltiledb/emulator/data/udf/udf_runner.py")) {
            if (in == null) {
                throw new IllegalStateException("udf_runner.py is missing from the emulator's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
