package dev.cameltiledb.arraylake.component;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Camel's catalog (camel-catalog, what IDE tooling, Camel JBang and Karavan validate URIs with) reading our generated
 * descriptor accepts every URI a route accepts: each resource under its canonical name and its other spelling
 * ({@code arraylake:repo}, {@code arraylake:users}), and refuses a resource no route accepts.
 */
class CatalogValidationTest {

    private static CamelCatalog catalog;

    @BeforeAll
    static void loadTheCatalogWithOurDescriptor() {
        catalog = new DefaultCamelCatalog();
        catalog.addComponent(
                "arraylake",
                ArraylakeComponent.class.getName(),
                Descriptor.json().toString());
    }

    @Test
    void everyResourceSpellingARouteAcceptsValidates() {
        List<String> refused = new ArrayList<>();
        for (String spelling : ArraylakeResource.spellings()) {
            ArraylakeResource.of(spelling); // what a route accepts
            EndpointValidationResult result = catalog.validateEndpointProperties("arraylake:" + spelling + "?org=acme");
            if (!result.isSuccess()) {
                refused.add(spelling + ": " + result.summaryErrorMessage(false));
            }
        }
        assertEquals(List.of(), refused);
    }

    @Test
    void aResourceNoRouteAcceptsIsRefused() {
        EndpointValidationResult result = catalog.validateEndpointProperties("arraylake:repoz?org=acme");
        assertFalse(result.isSuccess());
        assertTrue(result.summaryErrorMessage(false).contains("repoz"), result.summaryErrorMessage(false));
    }

    /** The descriptor lists exactly the spellings a route accepts: a new resource or alias cannot be forgotten. */
    @Test
    void theDescriptorListsExactlyTheAcceptedSpellings() {
        List<String> listed = new ArrayList<>();
        Descriptor.json().get("properties").get("resourceType").get("enum").forEach(v -> listed.add(v.asText()));
        assertEquals(ArraylakeResource.spellings(), listed);
    }
}
