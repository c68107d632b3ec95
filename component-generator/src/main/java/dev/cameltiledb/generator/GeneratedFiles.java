package dev.cameltiledb.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes generated files into the source tree and remembers what each held before, so that a later step of the same
 * build ({@link #check}) fails when the build changed a committed file: the committed copy was stale. A file is only
 * written when its content changes, so an up-to-date tree is left untouched (no recompilation, no formatter run).
 *
 * <p>The record lives in the module's {@code target/} folder: {@code written.txt} lists the rewritten files, and
 * {@code before/<n>} holds the content the n-th of them had (empty for a file that did not exist). The check reads the
 * files again after the formatter had its turn, so a rewrite the formatter lays out exactly as committed passes.
 */
final class GeneratedFiles {

    private final Path state;

    GeneratedFiles(Path state) {
        this.state = state;
    }

    /** Writes {@code content} to {@code file} unless it holds it already; returns whether it wrote. */
    boolean write(Path file, String content) throws IOException {
        String before = Files.exists(file) ? Files.readString(file) : null;
        if (content.equals(before)) {
            return false;
        }
        remember(file, before);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, content);
        return true;
    }

    /** Records that the file is about to be rewritten, with what it held (the first record of a file wins). */
    private void remember(Path file, String before) throws IOException {
        List<Path> written = written();
        Path absolute = file.toAbsolutePath().normalize();
        if (written.contains(absolute)) {
            return;
        }
        Files.createDirectories(state.resolve("before"));
        Files.writeString(
                state.resolve("before").resolve(String.valueOf(written.size())), before == null ? "" : before);
        Files.writeString(
                state.resolve("written.txt"),
                absolute + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private List<Path> written() throws IOException {
        Path list = state.resolve("written.txt");
        List<Path> paths = new ArrayList<>();
        if (Files.exists(list)) {
            for (String line : Files.readAllLines(list)) {
                if (!line.isBlank()) {
                    paths.add(Path.of(line));
                }
            }
        }
        return paths;
    }

    /**
     * The files this build rewrote whose content now differs from what they held before; the record is cleared, so the
     * next build starts afresh.
     */
    List<Path> drifted() throws IOException {
        List<Path> written = written();
        List<Path> drifted = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            Path file = written.get(i);
            String before = Files.readString(state.resolve("before").resolve(String.valueOf(i)));
            String now = Files.exists(file) ? Files.readString(file) : "";
            if (!now.equals(before)) {
                drifted.add(file);
            }
        }
        clear();
        return drifted;
    }

    /** Fails, naming each file, when this build changed a committed generated file. */
    void check() throws IOException {
        List<Path> drifted = drifted();
        if (drifted.isEmpty()) {
            return;
        }
        Path here = Path.of("").toAbsolutePath();
        StringBuilder message = new StringBuilder(
                "The build regenerated files that differ from the committed ones (the committed copies were stale):");
        for (Path file : drifted) {
            message.append("\n  ").append(file.startsWith(here) ? here.relativize(file) : file);
        }
        message.append("\nReview the change, commit the regenerated file")
                .append(drifted.size() == 1 ? "" : "s")
                .append(" and build again.");
        throw new GeneratedFilesDriftException(message.toString());
    }

    private void clear() throws IOException {
        if (!Files.exists(state)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(state)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The generated files in the source tree are stale. */
    static final class GeneratedFilesDriftException extends RuntimeException {
        GeneratedFilesDriftException(String message) {
            super(message);
        }
    }
}
