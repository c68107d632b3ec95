package dev.cameltiledb.emulator;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.cameltiledb.emulator.common.CommandLineValues;

/**
 * The emulator's command line: {@code java -jar tiledb-cloud-emulator-standalone.jar --port 8181 [--bind ADDRESS]
 * [--seed seed.json] [--data-dir DIR] [--workspace] [--page [--page-any-address] [--page-exchanges N]] [--spec-dir DIR]}.
 * Only parses arguments and starts a {@link TileDBEmulator}; {@code --workspace} makes it a workspace-platform server
 * ({@link TileDBEmulator.Builder#workspaceServer()}), {@code --page} serves the emulator page
 * ({@link TileDBEmulator.Builder#emulatorPage()}).
 */
public final class EmulatorCommandLine {

    private EmulatorCommandLine() {}

    private static final String USAGE = "usage: --port N [--bind ADDRESS] [--seed seed.json] [--data-dir DIR]"
            + " [--workspace] [--page] [--page-any-address] [--page-exchanges N] [--spec-dir DIR]";

    /**
     * Standalone use: {@code --port N} (default 8181), {@code --seed file.json}, {@code --data-dir dir},
     * {@code --workspace}, {@code --page} and {@code --page-any-address} (these three take no value),
     * {@code --page-exchanges N}, {@code --spec-dir DIR} (TileDB's classic specs, for the page's checks).
     */
    public static void main(String[] args) throws InterruptedException {
        TileDBEmulator.Builder builder;
        try {
            builder = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
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
        if (builder.emulatorPageOn()) {
            System.out.println("Emulator page: " + emulator.pageUrl());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::stop));
        Thread.currentThread().join();
    }

    /** The builder the arguments describe; an IllegalArgumentException naming the option that is wrong. */
    static TileDBEmulator.Builder parse(String[] args) {
        TileDBEmulator.Builder builder = TileDBEmulator.builder().port(8181);
        for (int i = 0; i < args.length; i++) {
            if (flag(builder, args[i])) {
                continue;
            }
            String option = args[i];
            String value = required(i + 1 < args.length ? args[++i] : null, option);
            switch (option) {
                case "--port" -> builder.port(CommandLineValues.number(value, option));
                case "--bind" -> builder.bindAddress(value);
                case "--seed" -> builder.seedFile(Path.of(value));
                case "--data-dir" -> builder.dataDirectory(Path.of(value));
                case "--page-exchanges" -> builder.emulatorPageExchanges(CommandLineValues.number(value, option));
                case "--spec-dir" -> builder.specDirectory(Path.of(value));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return builder;
    }

    /** An option without a value: applied, and true; false for any other argument. */
    private static boolean flag(TileDBEmulator.Builder builder, String arg) {
        switch (arg) {
            case "--workspace" -> builder.workspaceServer();
            case "--page" -> builder.emulatorPage();
            case "--page-any-address" -> builder.emulatorPageFromAnyAddress();
            default -> {
                return false;
            }
        }
        return true;
    }

    private static String required(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
