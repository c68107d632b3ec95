package dev.cameltiledb.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.cameltiledb.arraylake.emulator.ArraylakeEmulator;
import dev.cameltiledb.emulator.TileDBEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListener;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the examples show of themselves while they run (the README's "See inside"): each embedded emulator's page
 * ({@code /_emulator/}, loopback callers only; TileDB's classic exchanges judged against the official specs when their
 * folder is there) and Camel's developer consoles ({@code /q/dev}, on camel-platform-http-main's management server,
 * set up in application.properties); and one line each, at start, saying where they are.
 *
 * @param page          whether the emulators serve their page ({@value #PAGE}, default true)
 * @param specDirectory TileDB's classic specs ({@value #SPEC_DIR}, default {@value #DEFAULT_SPEC_DIR}), or null when
 *                      that folder is missing: the page then reads "not checked" for the classic exchanges
 */
record SeeInside(boolean page, Path specDirectory) {

    private static final Logger LOG = LoggerFactory.getLogger(SeeInside.class);

    /** {@code false} leaves the emulators' pages off. */
    static final String PAGE = "TILEDB_EXAMPLES_PAGE";

    /** The folder of TileDB's official classic specs, {@code openapi-v1.yaml} and {@code openapi-v2.yaml}. */
    static final String SPEC_DIR = "TILEDB_SPEC_DIR";

    /** Beside the checkout, seen from where the README's command runs (the project's root). */
    static final String DEFAULT_SPEC_DIR = "../shared/spec";

    /** The ids of our components' developer consoles, printed when the console registry has them. */
    private static final List<String> OUR_CONSOLES = List.of("tiledb", "arraylake");

    /**
     * From the environment: a {@value #PAGE} other than true or false, or a {@value #SPEC_DIR} without the specs, is
     * refused naming the variable; the default spec folder may be missing.
     */
    static SeeInside of(Map<String, String> env) {
        String page = env.getOrDefault(PAGE, "true").strip().toLowerCase(Locale.ROOT);
        if (!page.equals("true") && !page.equals("false")) {
            throw new IllegalArgumentException(PAGE + " must be true or false, was '" + env.get(PAGE) + "'");
        }
        String given = env.get(SPEC_DIR);
        Path specs = Path.of(given == null || given.isBlank() ? DEFAULT_SPEC_DIR : given);
        boolean present = Files.isRegularFile(specs.resolve("openapi-v1.yaml"))
                && Files.isRegularFile(specs.resolve("openapi-v2.yaml"));
        if (!present && given != null && !given.isBlank()) {
            throw new IllegalArgumentException(SPEC_DIR + " must be a folder holding openapi-v1.yaml and"
                    + " openapi-v2.yaml, was " + specs.toAbsolutePath());
        }
        return new SeeInside(page.equals("true"), present ? specs : null);
    }

    /** The TileDB emulator with its page, and the classic specs to judge by when they are there. */
    TileDBEmulator.Builder onTileDB(TileDBEmulator.Builder builder) {
        if (!page) {
            return builder;
        }
        builder.emulatorPage();
        return specDirectory == null ? builder : builder.specDirectory(specDirectory);
    }

    /** The Arraylake emulator with its page (it judges by the description it ships). */
    ArraylakeEmulator.Builder onArraylake(ArraylakeEmulator.Builder builder) {
        return page ? builder.emulatorPage() : builder;
    }

    /** The line that says where the TileDB emulator's page is, once at start, and what it cannot judge. */
    void announce(TileDBEmulator emulator) {
        if (page) {
            LOG.info(
                    "emulator page (TileDB): {}{}",
                    emulator.pageUrl(),
                    specDirectory != null
                            ? ""
                            : " (classic /v1 and /v2 exchanges not checked: no specs at "
                                    + Path.of(DEFAULT_SPEC_DIR).toAbsolutePath().normalize() + ")");
        }
    }

    /** The line that says where the Arraylake emulator's page is, once at start. */
    void announce(ArraylakeEmulator emulator) {
        if (page) {
            LOG.info("emulator page (Arraylake): {}", emulator.pageUrl());
        }
    }

    /**
     * Says where the developer consoles are once Camel has started (the management server binds then, on a free port
     * unless one was given); nothing when they are off.
     */
    static MainListener consoleAnnouncer() {
        return new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport main) {
                String index = consoleIndex(main.getCamelContext());
                if (index == null) {
                    return;
                }
                DevConsoleRegistry registry =
                        main.getCamelContext().getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class);
                List<String> ours = OUR_CONSOLES.stream()
                        .filter(id ->
                                registry != null && registry.getConsole(id).isPresent())
                        .map(id -> index + "/" + id)
                        .toList();
                if (ours.isEmpty()) {
                    LOG.info("dev consoles: {}", index);
                } else {
                    LOG.info("dev consoles: {} (ours: {})", index, String.join(" and ", ours));
                }
            }
        };
    }

    /**
     * The address of the developer consoles' index ({@code http://host:port/q/dev}), or null when the context has no
     * console or no management server runs. The port is the one the Vert.x server bound, so port 0 reads right.
     */
    static String consoleIndex(CamelContext context) {
        VertxPlatformHttpServer server = context.hasService(VertxPlatformHttpServer.class);
        if (server == null || !context.isDevConsole()) {
            return null;
        }
        String host = server.getHost() == null || server.getHost().equals("0.0.0.0") ? "127.0.0.1" : server.getHost();
        return "http://" + host + ":" + server.getPort() + "/q/dev";
    }
}
