package dev.cameltiledb.component;

import java.util.List;
import java.util.Map;

import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.emulator.User;

/**
 * One emulator for the whole test run, recording every exchange, so {@link ContractTest} can check all traffic the
 * suite produced against the official spec. Test classes add their own arrays under their own names.
 */
public final class SuiteEmulator {

    static final String ALICE_TOKEN = "alice-key-5f1c9a7e2b";
    static final String BOB_TOKEN = "bob-key-88d03c41aa";
    static final String CAROL_TOKEN = "carol-key-1e2f3a4b5c";

    private static TileDBEmulator emulator;

    private SuiteEmulator() {}

    public static synchronized TileDBEmulator get() {
        SuiteUsers.CLASSIC.note();
        if (emulator == null) {
            emulator = TileDBEmulator.builder()
                    .recordExchanges()
                    .seed(new Seed(
                            List.of(
                                    new User("alice", "alice@example.com", "alice-password", List.of(ALICE_TOKEN)),
                                    new User("bob", "bob@example.com", "bob-password", List.of(BOB_TOKEN)),
                                    new User("carol", "carol@example.com", "carol-password", List.of(CAROL_TOKEN))),
                            null,
                            null))
                    // alice owns acme; bob only reads it
                    .organization("acme", Map.of("alice", "owner", "bob", "read_only"))
                    .build()
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(emulator::stop));
        }
        return emulator;
    }

    /** An organization {@code namespace} owned by alice, with arrays {@code a0} to {@code a<arrays-1>}. */
    public static void namespace(String namespace, int arrays) {
        get().seed(new Seed(
                null,
                List.of(new Organization(namespace, Map.of("alice", "owner"))),
                java.util.stream.IntStream.range(0, arrays)
                        .mapToObj(i -> new Seed.SeedArray(namespace, "a" + i, null, null, null, null, null, null))
                        .toList()));
    }

    /** An endpoint URI for alice on the suite emulator. */
    static String arrays(String options) {
        return uri("arrays", options);
    }

    /** An endpoint URI of any resource for alice on the suite emulator. */
    public static String uri(String resource, String options) {
        return "tiledb:" + resource + "?host=" + get().url() + "&apiKey=" + ALICE_TOKEN
                + (options.isEmpty() ? "" : "&" + options);
    }
}
