package dev.cameltiledb.camel;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.TypeConverter;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.cameltiledb.camel.DemoConfiguration.TABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OptionValuesTest {

    private static CamelContext camel;
    private static TypeConverter converter;

    @BeforeAll
    static void start() {
        camel = new DefaultCamelContext();
        camel.start();
        converter = camel.getTypeConverter();
    }

    @AfterAll
    static void stop() throws Exception {
        camel.close();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "size; 0; The size option (header CamelDemoSize) must be 1 to 100, was 0",
                "size; abc; The size option (header CamelDemoSize) must be a whole number, was 'abc'",
                "maxResults; -1; The maxResults option (header CamelDemoMaxResults) must be zero or more, was -1",
                "timeout; 0; The timeout option must be positive, was 0",
                "timeout; soon; The timeout option must be a whole number of milliseconds or a duration such as 30s, was 'soon'",
                "mode; paused; The mode option (header CamelDemoMode) must be one of [online, offline], was 'paused'"
            })
    void aUriValueAnOptionCannotTakeIsNamedBeforeCamelBindsIt(String option, String value, String says) {
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> TABLE.values().checkParameters(Map.of(option, value), converter));
        assertEquals(says, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"size, 100", "timeout, 6h", "timeout, 30", "mode, ONLINE", "name, anything", "unknown, -1"})
    void whatAnOptionTakesPasses(String option, String value) {
        TABLE.values().checkParameters(Map.of(option, value), converter);
    }

    @org.junit.jupiter.api.Test
    void configuredValuesAreCheckedWhereverTheyCameFrom() {
        DemoConfiguration config = new DemoConfiguration();
        TABLE.values().checkConfigured(config);
        config.connection.timeout = 0;
        assertEquals(
                "The timeout option must be positive, was 0",
                assertThrows(IllegalStateException.class, () -> TABLE.values().checkConfigured(config))
                        .getMessage());
    }
}
