package dev.cameltiledb.generator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The drift check: a build that changes a committed generated file fails naming it; the next build passes. */
class GeneratedFilesTest {

    @TempDir
    Path dir;

    @Test
    void aStaleCommittedFileIsRewrittenAndTheCheckNamesIt() throws Exception {
        Path file = dir.resolve("src/Constants.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "stale");
        GeneratedFiles files = new GeneratedFiles(dir.resolve("target/generated-files"));

        assertTrue(files.write(file, "fresh"));
        assertEquals("fresh", Files.readString(file), "the build leaves the regenerated file for the commit");
        Exception e = assertThrows(RuntimeException.class, files::check);
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("commit the regenerated file"), e.getMessage());

        // the next build, with the regenerated file committed
        GeneratedFiles next = new GeneratedFiles(dir.resolve("target/generated-files"));
        assertFalse(next.write(file, "fresh"), "nothing to write");
        next.check();
    }

    @Test
    void anUpToDateFileIsNotTouched() throws Exception {
        Path file = dir.resolve("page.adoc");
        Files.writeString(file, "tables");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(0));
        GeneratedFiles files = new GeneratedFiles(dir.resolve("state"));

        assertFalse(files.write(file, "tables"));
        assertEquals(0, Files.getLastModifiedTime(file).toMillis(), "not rewritten, so nothing recompiles");
        files.check();
    }

    @Test
    void aRewriteTheFormatterLaysOutAsCommittedPasses() throws Exception {
        Path file = dir.resolve("Constants.java");
        Files.writeString(file, "    int a =\n            1;\n");
        GeneratedFiles files = new GeneratedFiles(dir.resolve("state"));
        files.write(file, "int a = 1;");
        Files.writeString(file, "    int a =\n            1;\n"); // what the formatter makes of it
        assertEquals(List.of(), files.drifted());
    }

    @Test
    void aNewFileCountsAsDrift() throws Exception {
        Path file = dir.resolve("resources/META-INF/metadata.json");
        GeneratedFiles files = new GeneratedFiles(dir.resolve("state"));
        files.write(file, "{}");
        assertEquals(List.of(file.toAbsolutePath().normalize()), files.drifted());
        assertEquals(List.of(), new GeneratedFiles(dir.resolve("state")).drifted(), "the record is cleared");
    }
}
