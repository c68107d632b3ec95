package dev.cameltiledb.arraylake.emulator;

import java.nio.file.Path;
import java.util.Map;

import dev.cameltiledb.emulator.common.CommandLineValues;

/**
 * {@code java -jar arraylake-emulator-VERSION-standalone.jar [--port 8282] [--bind 127.0.0.1] [--seed seed.json]
 * [--page [--page-any-address] [--page-exchanges N]]}; {@code --page} serves the emulator page
 * ({@link ArraylakeEmulator.Builder#emulatorPage()}).
 * Without a seed it serves a demo org whose tokens are listed in {@code ARRAYLAKE.md}; it never prints a token.
 */
public final class ArraylakeEmulatorCommandLine {

    static final int DEFAULT_PORT = 8282;
    /** The demo service account's token, documented in ARRAYLAKE.md: for trying the emulator out, never a secret. */
    static final String DEMO_TOKEN = "ema_demo0000000000000000000000000000";

    private ArraylakeEmulatorCommandLine() {}

    public static void main(String[] args) throws InterruptedException {
        ArraylakeEmulator.Builder builder;
        try {
            builder = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: [--port N] [--bind ADDRESS] [--seed seed.json] [--page] [--page-any-address]"
                    + " [--page-exchanges N]");
            System.exit(2);
            return;
        }
        ArraylakeEmulator emulator = builder.build().start();
        System.out.println("Arraylake emulator listening on " + emulator.url());
        if (builder.emulatorPageOn()) {
            System.out.println("Emulator page: " + emulator.pageUrl());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::stop));
        Thread.currentThread().join();
    }

    static ArraylakeEmulator.Builder parse(String[] args) {
        ArraylakeEmulator.Builder builder = ArraylakeEmulator.builder().port(DEFAULT_PORT);
        boolean seeded = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--page")) {
                builder.emulatorPage();
                continue;
            }
            if (args[i].equals("--page-any-address")) {
                builder.emulatorPageFromAnyAddress();
                continue;
            }
            String value = i + 1 < args.length ? args[++i] : null;
            if (value == null) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            switch (args[i - 1]) {
                case "--port" -> builder.port(CommandLineValues.number(value, "--port"));
                case "--page-exchanges" ->
                    builder.emulatorPageExchanges(CommandLineValues.number(value, "--page-exchanges"));
                case "--bind" -> builder.bindAddress(value);
                case "--seed" -> {
                    builder.seedFile(Path.of(value));
                    seeded = true;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i - 1]);
            }
        }
        if (!seeded) {
            demo(builder);
            System.out.println("No seed given: org 'demo' with service account etl@demo.example (admin); its token is"
                    + " in ARRAYLAKE.md");
        }
        return builder;
    }

    private static void demo(ArraylakeEmulator.Builder builder) {
        builder.org("demo", "Demo org of the Arraylake emulator")
                .serviceAccount("demo", "etl@demo.example", DEMO_TOKEN, "admin")
                .bucket(
                        "demo",
                        "demo-bucket",
                        "s3",
                        "demo-data",
                        "",
                        Map.of("region_name", "us-east-1"),
                        Map.of("method", "anonymous"))
                .repo("demo", "example", "demo-bucket");
    }
}
