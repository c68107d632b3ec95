package dev.cameltiledb.component;

import java.util.List;

import dev.cameltiledb.camel.testing.DescriptorDiff;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What users see of the component, its options, headers, defaults and values as Camel's tooling, the docs and the
 * starter read them, stays as it was: the descriptor {@code camel-package-maven-plugin} generates is compared with
 * the snapshot in {@code src/test/resources/descriptor-snapshot/tiledb.json}, entry by entry. A deliberate change
 * (a new option) replaces the snapshot with the new descriptor in the same commit.
 */
class DescriptorSnapshotTest {

    /**
     * The differences from the snapshot that change nothing a route, a header or a property can send or receive, as
     * patterns that must each match a difference in full; each says why.
     */
    private static final List<String> ACCEPTED = List.of();

    @Test
    void theDescriptorIsTheSnapshot() {
        List<String> differences = DescriptorDiff.between(
                "/descriptor-snapshot/tiledb.json", "/META-INF/dev/cameltiledb/component/tiledb.json");
        assertEquals(List.of(), DescriptorDiff.unexplained(differences, ACCEPTED));
    }
}
