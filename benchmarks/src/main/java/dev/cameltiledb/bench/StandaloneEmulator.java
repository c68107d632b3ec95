package dev.cameltiledb.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.Seed;

/**
 * The emulator in a JVM of its own ({@code EmulatorCommandLine}, the standalone main), started from a seed: what a
 * benchmark measures in its own process is then the client's work alone, neither the emulator's CPU time nor its heap.
 * Its output goes to {@code <name>-emulator.log} in the benchmark's work directory.
 */
final class StandaloneEmulator implements AutoCloseable {

    private final Process process;
    private final String url;

    private StandaloneEmulator(Process process, int port) {
        this.process = process;
        this.url = "http://127.0.0.1:" + port;
    }

    /** Writes the seed, starts the emulator on a free port and returns once it accepts connections. */
    static StandaloneEmulator start(String name, Seed seed) throws IOException, InterruptedException {
        Path work = Files.createDirectories(Benchmarks.DIR.resolve("target").resolve("bench"));
        Path seedFile = work.resolve(name + "-seed.json");
        // fields left out rather than written as null: a null schema would read back as a JSON null, not as none
        new ObjectMapper()
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .writeValue(seedFile.toFile(), seed);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process process = Benchmarks.java(
                        "-Xmx1g",
                        "dev.cameltiledb.emulator.EmulatorCommandLine",
                        "--port",
                        String.valueOf(port),
                        "--seed",
                        seedFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(name + "-emulator.log").toFile())
                .start();
        StandaloneEmulator emulator = new StandaloneEmulator(process, port);
        emulator.awaitListening(port);
        return emulator;
    }

    String url() {
        return url;
    }

    /** The emulator opens its port after the seed is applied: a connection accepted means it serves the seed. */
    private void awaitListening(int port) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || attempt > 600) {
                    close();
                    throw new IllegalStateException("the emulator did not start; see its log", notYet);
                }
                Thread.sleep(100);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
