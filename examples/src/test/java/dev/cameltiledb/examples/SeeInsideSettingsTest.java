package dev.cameltiledb.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The environment switches of the examples' "See inside": bad values are refused naming the variable. */
class SeeInsideSettingsTest {

    @TempDir
    Path dir;

    @Test
    void thePagesAreOnUnlessSwitchedOff() {
        assertTrue(SeeInside.of(Map.of()).page());
        assertFalse(SeeInside.of(Map.of(SeeInside.PAGE, "false")).page());
        assertTrue(SeeInside.of(Map.of(SeeInside.PAGE, " TRUE ")).page());
    }

    @Test
    void aSwitchThatIsNeitherTrueNorFalseIsRefusedNamingIt() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> SeeInside.of(Map.of(SeeInside.PAGE, "yes please")));
        assertTrue(
                e.getMessage().contains("TILEDB_EXAMPLES_PAGE")
                        && e.getMessage().contains("yes please"),
                e.getMessage());
    }

    @Test
    void aSpecFolderHoldingBothSpecsIsTakenAndOneWithoutThemIsRefusedNamingTheVariable() throws Exception {
        Files.writeString(dir.resolve("openapi-v1.yaml"), "openapi: 3.0.0");
        Files.writeString(dir.resolve("openapi-v2.yaml"), "openapi: 3.0.0");
        assertEquals(
                dir, SeeInside.of(Map.of(SeeInside.SPEC_DIR, dir.toString())).specDirectory());

        Path empty = Files.createDirectory(dir.resolve("empty"));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> SeeInside.of(Map.of(SeeInside.SPEC_DIR, empty.toString())));
        assertTrue(
                e.getMessage().contains("TILEDB_SPEC_DIR") && e.getMessage().contains("openapi-v1.yaml"),
                e.getMessage());
    }
}
