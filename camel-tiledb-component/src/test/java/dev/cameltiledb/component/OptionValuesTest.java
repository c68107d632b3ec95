package dev.cameltiledb.component;

import java.util.List;
import java.util.Map;

import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.emulator.RecordedExchange;
import dev.cameltiledb.emulator.common.Await;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 27, item 23: an enumerated option with a value it does not take fails at route start listing the values it
 * takes (not only Camel's "Enum class ... does not have any constant"), and a header sets an option only within the
 * range the URI option has (a negative {@code CamelTileDBMaxResults} is refused, naming the header, before sending).
 */
class OptionValuesTest extends CamelTestSupport {

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }

    private static String routeStartFailure(String uri) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in").to(uri);
                }
            });
            return messages(assertThrows(Exception.class, camel::start));
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "operation=nope; The operation option (header CamelTileDBOperation) must be one of [list, ",
                "retryMode=bogus; The retryMode option must be one of [default, forceful, disabled], was 'bogus'",
                "downloadAs=bogus; The downloadAs option (header CamelTileDBDownloadAs) must be one of [string, bytes, stream], was 'bogus'",
                "onExists=bogus; The onExists option (header CamelTileDBOnExists) must be one of [fail, overwrite], was 'bogus'",
                "serverGeneration=v9; The serverGeneration option must be one of [auto, classic, workspace], was 'v9'",
                "sortOrder=sideways; The sortOrder option (header CamelTileDBSortOrder) must be one of [asc, desc],"
                        + " was 'sideways'",
                "depth=deep; The depth option (header CamelTileDBDepth) must be one of [root, all], was 'deep'",
                "ownershipLevel=mine; The ownershipLevel option (header CamelTileDBOwnershipLevel) must be one of"
                        + " [owned, shared], was 'mine'"
            })
    void aValueAnEnumeratedOptionDoesNotTakeListsTheValuesItTakes(String option, String says) throws Exception {
        String all = routeStartFailure(SuiteEmulator.arrays("namespace=acme&" + option));
        assertTrue(all.contains(says), all);
        assertFalse(all.contains("does not have any constant"), all);
        assertFalse(all.contains(SuiteEmulator.ALICE_TOKEN), "no key in the message");
    }

    @Test
    void theValuesCamelTakesInAnyCaseAreStillTaken() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in")
                            .to(SuiteEmulator.arrays(
                                    "operation=LIST&namespace=acme&retryMode=FORCEFUL&downloadAs=Bytes"));
                }
            });
            camel.start();
            TileDBEndpoint endpoint = camel.getEndpoints().stream()
                    .filter(TileDBEndpoint.class::isInstance)
                    .map(TileDBEndpoint.class::cast)
                    .findFirst()
                    .orElseThrow();
            assertEquals(TileDBOperation.list, endpoint.getConfiguration().getOperation());
        }
    }

    @Test
    void aNegativeMaxResultsHeaderIsRefusedNamingTheHeaderBeforeSending() {
        java.util.function.Predicate<RecordedExchange> listings =
                x -> x.rawPath().startsWith("/v1/arrays/browser");
        long before = Await.count(SuiteEmulator.get(), listings);
        for (Map.Entry<String, Object> header : List.of(
                Map.<String, Object>entry(TileDBConstants.MAX_RESULTS, -5),
                Map.<String, Object>entry(TileDBConstants.MAX_RESULTS, "-5"),
                Map.<String, Object>entry(TileDBConstants.PER_PAGE, 0),
                Map.<String, Object>entry(TileDBConstants.PAGE, -1))) {
            CamelExecutionException e = assertThrows(
                    CamelExecutionException.class,
                    () -> template.requestBodyAndHeader(
                            SuiteEmulator.arrays("operation=list&namespace=acme"),
                            null,
                            header.getKey(),
                            header.getValue()));
            TileDBConfigurationException refused = assertInstanceOf(TileDBConfigurationException.class, e.getCause());
            assertTrue(
                    refused.getMessage().startsWith("The header " + header.getKey() + " must be "),
                    refused.getMessage());
        }
        assertEquals(
                "The header CamelTileDBMaxResults must be zero or more, was -5",
                assertThrows(
                                CamelExecutionException.class,
                                () -> template.requestBodyAndHeader(
                                        SuiteEmulator.arrays("operation=list&namespace=acme"),
                                        null,
                                        TileDBConstants.MAX_RESULTS,
                                        -5))
                        .getCause()
                        .getMessage());
        assertEquals(before, Await.count(SuiteEmulator.get(), listings), "nothing was sent for a refused header");
    }
}
