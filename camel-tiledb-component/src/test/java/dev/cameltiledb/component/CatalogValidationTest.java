package dev.cameltiledb.component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * descriptor accepts every URI a route accepts: each resource under its canonical name and its alias
 * ({@code tiledb:notebook?operation=upload}, {@code tiledb:array}, {@code tiledb:users}), and refuses a resource no
 * route accepts.
 */
class CatalogValidationTest {

    private static String descriptor;
    private static CamelCatalog catalog;

    @BeforeAll
    static void loadTheCatalogWithOurDescriptor() throws IOException {
        try (InputStream in =
                CatalogValidationTest.class.getResourceAsStream("/META-INF/dev/cameltiledb/component/tiledb.json")) {
            descriptor = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catalog = new DefaultCamelCatalog();
        catalog.addComponent("tiledb", TileDBComponent.class.getName(), descriptor);
    }

    @Test
    void everyResourceSpellingARouteAcceptsValidates() {
        List<String> refused = new ArrayList<>();
        for (String spelling : TileDBResource.spellings()) {
            TileDBResource.parse(spelling); // what a route accepts
            EndpointValidationResult result =
                    catalog.validateEndpointProperties("tiledb:" + spelling + "?namespace=acme");
            if (!result.isSuccess()) {
                refused.add(spelling + ": " + result.summaryErrorMessage(false));
            }
        }
        assertEquals(List.of(), refused);
    }

    @Test
    void theUrisOfTheDocsValidate() {
        for (String uri : List.of(
                "tiledb:notebook?operation=upload&namespace=acme&onExists=overwrite",
                "tiledb:array?operation=info&tiledbUri=tiledb://acme/sales",
                "tiledb:users?operation=profile",
                "tiledb:arrays?operation=list&namespace=acme&streamResults=true",
                "tiledb:sql?namespace=acme&resultFormat=arrow",
                "tiledb:udf?udfName=acme/summarize&timeout=300",
                "tiledb:udfs?operation=apply&tiledbUri=tiledb://acme/sales&ranges=[[1,3]]&layout=col-major",
                "tiledb:task_graphs?operation=submit&graphName=acme/nightly&waitForCompletion=true&completionTimeout=30m",
                "tiledb:arrays?operation=query&namespace=acme&array=readings&ranges=[[1,1000],[]]&fields=time,value"
                        + "&streamResults=true",
                "tiledb:tasks?namespace=acme&taskStatus=FAILED")) {
            EndpointValidationResult result = catalog.validateEndpointProperties(uri);
            assertTrue(result.isSuccess(), uri + ": " + result.summaryErrorMessage(false));
        }
    }

    @Test
    void aResourceNoRouteAcceptsIsRefused() {
        EndpointValidationResult result = catalog.validateEndpointProperties("tiledb:arrayz?operation=list");
        assertFalse(result.isSuccess());
        assertTrue(result.summaryErrorMessage(false).contains("arrayz"), result.summaryErrorMessage(false));
    }

    /** The descriptor lists exactly the spellings a route accepts: a new resource or alias cannot be forgotten. */
    @Test
    void theDescriptorListsExactlyTheAcceptedSpellings() throws IOException {
        List<String> listed = new ArrayList<>();
        new ObjectMapper()
                .readTree(descriptor)
                .get("properties")
                .get("resource")
                .get("enum")
                .forEach(v -> listed.add(v.asText()));
        assertEquals(TileDBResource.spellings(), listed);
    }
}
