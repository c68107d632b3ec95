package dev.cameltiledb.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * TileDB's JavaScript client, installed from npm into the build folder (never committed) and driven by
 * {@code benchmarks/js/peer.mjs}. Without node or npm the peer is left out of the table, and the harness says so.
 */
final class JsPeer {

    private static final String PACKAGE = "@tiledb-inc/tiledb-cloud@1.0.8";

    private JsPeer() {}

    /**
     * The info script's path inside an installed folder (the data plane's, {@code data-peer.mjs}, beside it), or null
     * when Node is not available.
     */
    static Path install(Path work) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve("js-peer"));
        Path script = dir.resolve("peer.mjs");
        for (String name : new String[] {"peer.mjs", "data-peer.mjs", "cells-peer.mjs"}) {
            Files.copy(
                    Benchmarks.DIR.resolve("js").resolve(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(dir.resolve("node_modules/@tiledb-inc/tiledb-cloud"))) {
            Process npm;
            try {
                npm = new ProcessBuilder("npm", "install", "--no-save", "--silent", "--prefix", dir.toString(), PACKAGE)
                        .redirectErrorStream(true)
                        .start();
            } catch (IOException noNpm) {
                System.err.println("npm not found: the JavaScript peer is left out");
                return null;
            }
            String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (npm.waitFor() != 0) {
                System.err.println("npm install " + PACKAGE + " failed, the JavaScript peer is left out: " + out);
                return null;
            }
        }
        return script;
    }

    /** Runs the calls in Node; returns the elapsed milliseconds Node measured (its startup excluded). */
    static double run(Path script, String base, String key, String namespace, String array, int calls, int concurrency)
            throws IOException, InterruptedException {
        Process node = new ProcessBuilder(
                        "node",
                        script.toString(),
                        base,
                        key,
                        namespace,
                        array,
                        String.valueOf(calls),
                        String.valueOf(concurrency))
                .redirectErrorStream(true)
                .start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (node.waitFor() != 0) {
            throw new IllegalStateException("the JavaScript peer failed: " + out);
        }
        return Double.parseDouble(out.substring(out.lastIndexOf('\n') + 1));
    }
}
