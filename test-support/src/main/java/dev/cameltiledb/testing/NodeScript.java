package dev.cameltiledb.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A Node script run against our servers with an npm package beside it (TileDB's JavaScript client): the package is
 * installed once into a build folder (never committed), the script copied next to it so Node resolves its import.
 */
public final class NodeScript {

    private final Path script;

    private NodeScript(Path script) {
        this.script = script;
    }

    /**
     * Installs {@code npmPackage} into {@code dir} unless it is there, and copies {@code source} beside it.
     *
     * @param installedDir the folder the package lands in under {@code node_modules} (to tell it is installed)
     */
    public static NodeScript install(Path dir, String npmPackage, String installedDir, Path source) {
        try {
            Files.createDirectories(dir);
            Path script = dir.resolve(source.getFileName());
            Files.copy(source, script, StandardCopyOption.REPLACE_EXISTING);
            if (!Files.isDirectory(dir.resolve("node_modules").resolve(installedDir))) {
                String out = run(
                        dir,
                        List.of("npm", "install", "--no-save", "--silent", "--prefix", dir.toString(), npmPackage));
                if (!Files.isDirectory(dir.resolve("node_modules").resolve(installedDir))) {
                    throw new IllegalStateException("npm install " + npmPackage + " failed: " + out);
                }
            }
            return new NodeScript(script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the script with {@code args}; a non-zero exit fails with what it printed. Returns its output. */
    public String run(String... args) {
        List<String> command = new ArrayList<>(List.of("node", script.toString()));
        command.addAll(List.of(args));
        return run(script.getParent(), command);
    }

    private static String run(Path dir, List<String> command) {
        try {
            Process p = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = p.waitFor();
            if (exit != 0) {
                throw new AssertionError(String.join(" ", command.subList(0, Math.min(3, command.size())))
                        + " exited with " + exit + ":\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
