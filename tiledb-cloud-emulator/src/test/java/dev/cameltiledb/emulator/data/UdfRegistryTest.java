package dev.cameltiledb.emulator.data;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import dev.cameltiledb.emulator.data.udf.UdfCopied;
import dev.cameltiledb.emulator.data.udf.UdfCopy;
import dev.cameltiledb.emulator.data.udf.UdfInfo;
import dev.cameltiledb.emulator.data.udf.UdfInfoUpdate;
import dev.cameltiledb.emulator.data.udf.UdfRegistry;
import dev.cameltiledb.emulator.data.udf.UdfRegistry.Scope;
import dev.cameltiledb.emulator.data.udf.UdfSharing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UdfRegistryTest {

    private final TestCatalog catalog = new TestCatalog();
    private final Caller alice = Caller.of("alice", "acme");
    private final Caller bob = Caller.of("bob");
    private final Caller carol = Caller.of("carol");

    private static UdfInfoUpdate info(String source, String readme, List<String> tags) {
        return new UdfInfoUpdate(null, "python", null, null, "generic", null, source, readme, null, null, tags);
    }

    private static List<String> names(List<UdfRegistry.Listed> listed) {
        return listed.stream().map(l -> l.namespace() + "/" + l.info().name()).toList();
    }

    @Test
    void registerGetUpdateKeepVersionsAndTheLatestIsWhatRuns() {
        Clock at1000 = Clock.fixed(Instant.ofEpochMilli(1000), ZoneOffset.UTC);
        try (DataEngine engine = DataEngine.builder(catalog).clock(at1000).build()) {
            UdfRegistry udfs = engine.udfRegistry();
            udfs.register(alice, "acme", "double", info("def d(x):\n    return 2 * x\n", "doubles", List.of("math")));
            UdfInfo got = udfs.get(alice, "acme", "double");
            assertEquals("double", got.name());
            assertEquals("python", got.language());
            assertEquals("generic", got.type());
            assertEquals(List.of("math"), got.tags());
            udfs.update(alice, "acme", "double", info("def d(x):\n    return x + x\n", null, null));
            assertEquals("doubles", udfs.get(alice, "acme", "double").readme(), "fields not given are kept");
            assertEquals(List.of(1000L, 1001L), udfs.endTimestamps(alice, "acme", "double"));
            assertTrue(udfs.executable(alice, "acme/double").execRaw().contains("x + x"));
            assertTrue(udfs.executable(alice, "acme/double@1970-01-01T00:00:01")
                    .execRaw()
                    .contains("2 * x"));
            EngineException twice = assertThrows(
                    EngineException.class, () -> udfs.register(alice, "acme", "double", UdfInfoUpdate.python("")));
            assertEquals(409, twice.status());
            EngineException badTag = assertThrows(
                    EngineException.class, () -> udfs.register(alice, "acme", "t", info("", null, List.of("Bad Tag"))));
            assertEquals(400, badTag.status());
            assertTrue(badTag.getMessage().contains("tags"));
        }
    }

    @Test
    void sharingDecidesWhoSeesItAndOnlyItsNamespaceChangesIt() {
        try (DataEngine engine = DataEngine.builder(catalog).build()) {
            UdfRegistry udfs = engine.udfRegistry();
            udfs.register(alice, "acme", "secret", UdfInfoUpdate.python("def f():\n    return 1\n"));
            udfs.register(alice, "acme", "open", UdfInfoUpdate.python("def f():\n    return 2\n"));
            assertEquals(
                    404,
                    assertThrows(EngineException.class, () -> udfs.get(bob, "acme", "secret"))
                            .status());

            udfs.share(alice, "acme", "secret", new UdfSharing(List.of("fetch_udf"), "bob", null));
            udfs.share(alice, "acme", "open", new UdfSharing(List.of("fetch_udf"), "public", null));
            assertEquals("secret", udfs.get(bob, "acme", "secret").name());
            assertEquals(List.of("acme/open", "acme/secret"), names(udfs.list(alice, Scope.OWNED)));
            assertEquals(List.of("acme/secret"), names(udfs.list(bob, Scope.SHARED)));
            assertEquals(List.of("acme/open"), names(udfs.list(carol, Scope.PUBLIC)));
            assertEquals(List.of(), names(udfs.list(carol, Scope.SHARED)));
            assertEquals(
                    2,
                    udfs.sharing(alice, "acme", "secret").size()
                            + udfs.sharing(alice, "acme", "open").size());
            assertEquals(
                    403,
                    assertThrows(EngineException.class, () -> udfs.delete(bob, "acme", "secret"))
                            .status());

            // no actions unshares
            udfs.share(alice, "acme", "secret", new UdfSharing(null, "bob", null));
            assertEquals(
                    404,
                    assertThrows(EngineException.class, () -> udfs.get(bob, "acme", "secret"))
                            .status());
            assertEquals(
                    400,
                    assertThrows(
                                    EngineException.class,
                                    () -> udfs.share(
                                            alice,
                                            "acme",
                                            "open",
                                            new UdfSharing(List.of("delete_everything"), "bob", null)))
                            .status());

            udfs.delete(alice, "acme", "secret");
            assertEquals(
                    404,
                    assertThrows(EngineException.class, () -> udfs.get(alice, "acme", "secret"))
                            .status());
        }
    }

    @Test
    void copyFavoritesAndEverythingSurviveARestartFromTheDataDirectory(@TempDir Path dir) {
        try (DataEngine engine = DataEngine.builder(catalog).dataDirectory(dir).build()) {
            UdfRegistry udfs = engine.udfRegistry();
            udfs.register(alice, "acme", "open", UdfInfoUpdate.python("def f():\n    return 2\n"));
            udfs.share(alice, "acme", "open", new UdfSharing(List.of("fetch_udf"), "public", null));
            UdfCopied copied = udfs.copy(bob, "acme", "open", new UdfCopy(null, null, "mine"), null);
            assertEquals("bob", copied.namespace());
            assertEquals("mine", copied.name());
            assertTrue(udfs.executable(bob, "bob/mine").execRaw().contains("return 2"));
            assertEquals(
                    403,
                    assertThrows(
                                    EngineException.class,
                                    () -> udfs.copy(bob, "acme", "open", new UdfCopy(null, "acme", "stolen"), null))
                            .status());
            udfs.favorite(bob, "acme", "open", true);
            udfs.favorite(bob, "bob", "mine", true);
            udfs.favorite(bob, "bob", "mine", false);
            assertEquals(
                    List.of("acme/open"),
                    udfs.favorites(bob).stream()
                            .map(f -> f.namespace() + "/" + f.name())
                            .toList());
        }
        try (DataEngine again = DataEngine.builder(catalog).dataDirectory(dir).build()) {
            assertEquals("mine", again.udfRegistry().get(bob, "bob", "mine").name());
            assertEquals(1, again.udfRegistry().favorites(bob).size());
        }
    }
}
