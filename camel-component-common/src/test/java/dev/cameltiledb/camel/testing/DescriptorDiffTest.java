package dev.cameltiledb.camel.testing;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DescriptorDiffTest {

    @Test
    void namesEveryChangedAddedAndRemovedEntryButNotTheOrderOrTheVersion() {
        assertEquals(
                List.of(
                        "headers.CamelDemoKind: removed",
                        "headers.CamelDemoSize: added",
                        "properties.kind.enum: [a, b] -> [a, c]",
                        "properties.kind.javaType: java.lang.String -> dev.example.Kind"),
                DescriptorDiff.between("/descriptor-diff/before.json", "/descriptor-diff/after.json"));
    }

    @Test
    void acceptedDifferencesExplainThemOnlyWhereTheyMatch() {
        List<String> differences =
                List.of("properties.kind.javaType: java.lang.String -> dev.example.Kind", "headers.X: added");
        assertEquals(
                List.of("headers.X: added", "accepted, but no longer differs: headers\\.Y: added"),
                DescriptorDiff.unexplained(
                        differences,
                        List.of("properties\\.\\w+\\.javaType: java\\.lang\\.String -> .*", "headers\\.Y: added")));
    }

    @Test
    void aDescriptorIsItsOwnSnapshot() {
        assertEquals(List.of(), DescriptorDiff.between("/descriptor-diff/after.json", "/descriptor-diff/after.json"));
    }
}
