package dev.cameltiledb.client;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssetRefTest {

    @Test
    void classicFormsNameUuidAndStorageUri() {
        AssetRef byName = AssetRef.parse("tiledb://acme/sales");
        assertEquals(new AssetRef("acme", "sales"), byName);
        assertFalse(byName.isWorkspace());
        assertEquals(List.of("acme", "sales"), byName.segments());
        assertEquals(new AssetRef("acme", "s3://bucket/sales"), AssetRef.parse("tiledb://acme/s3://bucket/sales"));
        assertEquals(
                new AssetRef("acme", "7f1c0a52-6a2e-4c7b-9f4e-1f2d3c4b5a69"),
                AssetRef.parse("tiledb://acme/7f1c0a52-6a2e-4c7b-9f4e-1f2d3c4b5a69"));
        assertEquals("tiledb://acme/sales", new AssetRef("acme", "sales").toUri());
    }

    @Test
    void workspaceFormKeepsTheWholePathAsOneSegment() {
        AssetRef ref = AssetRef.parse("tiledb://genomics/research/cohorts/2026/variants");
        assertTrue(ref.isWorkspace());
        assertEquals("genomics", ref.namespace());
        assertEquals("research", ref.teamspace());
        assertEquals("cohorts/2026/variants", ref.name());
        assertEquals(List.of("genomics", "research", "cohorts/2026/variants"), ref.segments());
        assertEquals("tiledb://genomics/research/cohorts/2026/variants", ref.toUri());
        assertEquals(ref, AssetRef.inWorkspace("genomics", "research", "cohorts/2026/variants"));
        assertEquals(ref, AssetRef.parse(ref.toUri()), "printing and parsing round-trip");

        AssetRef top = AssetRef.parse("tiledb://genomics/research/variants");
        assertEquals(List.of("genomics", "research", "variants"), top.segments());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "s3://x/y",
                "tiledb://acme",
                "tiledb://acme/",
                "tiledb:///x",
                "tiledb://ws//path",
                "tiledb://ws/ts/",
                "tiledb://ws/ts/a//b"
            })
    void rejectsWhatIsNotAnAddress(String uri) {
        TileDBConfigurationException e = assertThrows(TileDBConfigurationException.class, () -> AssetRef.parse(uri));
        assertEquals(
                "Not a TileDB URI: '" + uri + "'; expected tiledb://<namespace>/<name> or"
                        + " tiledb://<workspace>/<teamspace>/<path>",
                e.getMessage());
    }

    @Test
    void emptyPartsAreNamed() {
        assertEquals(
                "The namespace must not be empty",
                assertThrows(TileDBConfigurationException.class, () -> new AssetRef(" ", "x"))
                        .getMessage());
        assertEquals(
                "The teamspace must not be empty",
                assertThrows(TileDBConfigurationException.class, () -> AssetRef.inWorkspace("ws", " ", "p"))
                        .getMessage());
    }

    @Test
    void aNamespaceWithATeamspaceMakesWorkspaceAddresses() {
        AssetRef inTeamspace = new AssetRef("genomics/research", "cohorts/variants");
        assertEquals(AssetRef.parse("tiledb://genomics/research/cohorts/variants"), inTeamspace);
        assertEquals(List.of("genomics", "research", "cohorts/variants"), inTeamspace.segments());
        assertEquals("genomics/research", inTeamspace.home().toString());
        assertEquals(AssetRef.parse("tiledb://genomics/research/other"), inTeamspace.withName("other"));
        assertEquals(List.of("acme"), NamespaceRef.parse("acme").segments());
        assertEquals(
                List.of("genomics", "research"),
                NamespaceRef.parse("genomics/research").segments());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/research", "genomics/", "genomics/research/extra", " "})
    void aMalformedNamespaceNamesBothForms(String namespace) {
        TileDBConfigurationException e =
                assertThrows(TileDBConfigurationException.class, () -> NamespaceRef.parse(namespace));
        assertTrue(e.getMessage().contains("namespace"), e.getMessage());
    }

    /** Issue 27, item 16: a workspace path that climbs out of where it points is no address. */
    @ParameterizedTest
    @ValueSource(strings = {"tiledb://ws/ts/x/../../ESCAPED", "tiledb://ws/ts/../other", "tiledb://ws/ts/a/.."})
    void aWorkspacePathWithADotDotSegmentIsNoAddress(String uri) {
        TileDBConfigurationException e = assertThrows(TileDBConfigurationException.class, () -> AssetRef.parse(uri));
        assertTrue(e.getMessage().contains("'..' segment"), e.getMessage());
        assertEquals(
                "tiledb://acme/s3://bucket/a/../b",
                AssetRef.parse("tiledb://acme/s3://bucket/a/../b").toUri(),
                "a storage URI is a classic name, left as it is");
    }
}
