package dev.cameltiledb.client;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ArrayRefTest {

    @Test
    void parsesNameAndStorageUriForms() {
        assertEquals(new ArrayRef("acme", "sales"), ArrayRef.parse("tiledb://acme/sales"));
        assertEquals(new ArrayRef("acme", "s3://bucket/sales"), ArrayRef.parse("tiledb://acme/s3://bucket/sales"));
        assertEquals("tiledb://acme/sales", new ArrayRef("acme", "sales").toUri());
    }

    @Test
    void rejectsWhatIsNotATileDBUri() {
        assertEquals(
                "Not a TileDB URI: 's3://x/y'; expected tiledb://<namespace>/<name>",
                assertThrows(TileDBConfigurationException.class, () -> ArrayRef.parse("s3://x/y"))
                        .getMessage());
        assertThrows(TileDBConfigurationException.class, () -> ArrayRef.parse("tiledb://acme"));
        assertThrows(TileDBConfigurationException.class, () -> ArrayRef.parse("tiledb://acme/"));
        assertThrows(TileDBConfigurationException.class, () -> ArrayRef.parse("tiledb:///x"));
        assertEquals(
                "The namespace must not be empty",
                assertThrows(TileDBConfigurationException.class, () -> new ArrayRef(" ", "x"))
                        .getMessage());
    }
}
