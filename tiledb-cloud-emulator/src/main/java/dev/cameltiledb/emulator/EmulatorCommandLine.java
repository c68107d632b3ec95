package dev.cameltiledb.emulator;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The emulator's command line: {@code java -jar tiledb-cloud-emulator-standalone.jar --port 8181 [--bind ADDRESS]
 * [--seed seed.json] [--data-dir DIR] [--workspace]}. Only parses arguments and starts a {@link TileDBEmulator};
 * {@code --workspace} makes it a workspace-platform server ({@link TileDBEmulator.Builder#workspaceServer()}).
 */
public final class EmulatorCommandLine {

    private EmulatorCommandLine() {}

    /**
     * Standalone use: {@code --port N} (default 8181), {@code --seed file.json}, {@code --data-dir dir},
     * {@code --workspace} (takes no value).
     */
    public static void main(String[] args) throws InterruptedException {
        TileDBEmulator.Builder builder = TileDBEmulator.builder().port(8181);
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (args[i].equals("--workspace")) {
                builder.workspaceServer();
                continue;
            }
            switch (args[i]) {
                case "--port" -> builder.port(Integer.parseInt(required(value, "--port")));
                case "--bind" -> builder.bindAddress(required(value, "--bind"));
                case "--seed" -> builder.seedFile(Path.of(required(value, "--seed")));
                case "--data-dir" -> builder.dataDirectory(Path.of(required(value, "--data-dir")));
                default -> {
                    System.err.println(
                            "usage: --port N [--bind ADDRESS] [--seed seed.json] [--data-dir DIR] [--workspace]");
                    System.exit(2);
                }
            }
            i++;
        }
        if (builder.dataDirectory != null
                && (Files.isDirectory(builder.dataDirectory.resolve("state"))
                        || Files.exists(builder.dataDirectory.resolve("state.json")))) {
            System.out.println("Restoring the state saved in " + builder.dataDirectory
                    + " (a seed applies to a new data directory only)");
        } else if (builder.seed.users().isEmpty()) {
            builder.user("demo", "demo-token");
            if (builder.workspaceServer) {
                builder.teamspace("demo", "default", java.util.Map.of("demo", "owner"))
                        .workspace("demo", java.util.Map.of("demo", "owner"));
                System.out.println("No seed given: user 'demo' with API key 'demo-token', owner of demo/default");
            } else {
                System.out.println("No seed given: user 'demo' with API key 'demo-token'");
            }
        }
        TileDBEmulator emulator = builder.build().start();
        System.out.println("TileDB Cloud emulator listening on " + emulator.url());
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::stop));
        Thread.currentThread().join();
    }

    private static String required(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
