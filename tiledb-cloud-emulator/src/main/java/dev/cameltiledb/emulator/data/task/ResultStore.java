package dev.cameltiledb.emulator.data.task;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Tasks' results, one file per task ({@code <task id>}), under the data directory or in a temporary folder removed
 * when the engine closes. A result is written to {@code <id>.part} and appears only when complete, so a reader never
 * sees half of one.
 */
public final class ResultStore implements AutoCloseable {

    private final Path directory;
    private final boolean temporary;

    private ResultStore(Path directory, boolean temporary) {
        this.directory = directory;
        this.temporary = temporary;
        try {
            Files.createDirectories(directory);
            try (Stream<Path> parts = Files.list(directory)) {
                for (Path p : (Iterable<Path>) parts.filter(f -> f.toString().endsWith(".part"))::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use " + directory + " for task results", e);
        }
    }

    public static ResultStore inDirectory(Path directory) {
        return new ResultStore(directory, false);
    }

    public static ResultStore temporary() {
        try {
            return new ResultStore(Files.createTempDirectory("tiledb-emulator-results"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stream to write a task's result to; {@link Writer#commit()} keeps it, closing without commit drops it. */
    public Writer open(String taskId) {
        Path part = directory.resolve(taskId + ".part");
        try {
            return new Writer(Files.newOutputStream(part), part, directory.resolve(taskId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the result of task " + taskId, e);
        }
    }

    /** The stored result of a task. */
    public Optional<Path> find(String taskId) {
        Path file = directory.resolve(taskId);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** A task's result as it is being written. */
    public static final class Writer extends FilterOutputStream {
        private final Path part;
        private final Path target;
        private boolean committed;
        private boolean closed;

        private Writer(OutputStream out, Path part, Path target) {
            super(out);
            this.part = part;
            this.target = target;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        /** Keeps what was written as the task's result. */
        public void commit() throws IOException {
            out.close();
            closed = true;
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                out.close();
            }
            if (!committed) {
                Files.deleteIfExists(part);
            }
        }
    }

    @Override
    public void close() {
        if (!temporary) {
            return;
        }
        try (Stream<Path> all = Files.walk(directory)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder: the system cleans it up eventually
        }
    }
}
