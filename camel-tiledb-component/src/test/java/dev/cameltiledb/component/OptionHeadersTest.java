package dev.cameltiledb.component;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.camel.OptionTable.Option;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Options and their headers come from one declaration. From the generated descriptor: every producer option (all but
 * the connection and consumer groups) is listed with its {@code CamelTileDB<Option>} header, and that header changes
 * exactly that option for one message, and {@link TileDBConstants} holds its constant (the build generates them from
 * the options, component-generator).
 */
class OptionHeadersTest {

    private static final Set<String> ENDPOINT_ONLY =
            Set.of(ConnectionOptions.class.getName(), ConsumerOptions.class.getName());

    private static CamelContext context;
    private static JsonNode descriptor;

    @BeforeAll
    static void start() throws Exception {
        context = new DefaultCamelContext();
        context.start();
        try (InputStream in =
                OptionHeadersTest.class.getResourceAsStream("/META-INF/dev/cameltiledb/component/tiledb.json")) {
            descriptor = new ObjectMapper().readTree(in);
        }
    }

    @AfterAll
    static void stop() {
        context.stop();
    }

    /** The endpoint options of the descriptor that a header may override: all but connection and consumer ones. */
    static Stream<Arguments> producerOptions() throws Exception {
        JsonNode json;
        try (InputStream in =
                OptionHeadersTest.class.getResourceAsStream("/META-INF/dev/cameltiledb/component/tiledb.json")) {
            json = new ObjectMapper().readTree(in);
        }
        List<Arguments> options = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.get("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> option = it.next();
            JsonNode model = option.getValue();
            if (model.get("kind").asText().equals("parameter")
                    && model.has("configurationClass")
                    && !ENDPOINT_ONLY.contains(model.get("configurationClass").asText())) {
                options.add(Arguments.of(option.getKey(), model));
            }
        }
        return options.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("producerOptions")
    void everyProducerOptionIsOverriddenByItsHeader(String option, JsonNode model) throws Exception {
        String header = "CamelTileDB" + Character.toUpperCase(option.charAt(0)) + option.substring(1);
        JsonNode documented = descriptor.get("headers").get(header);
        assertNotNull(documented, "the descriptor lists no header " + header + " for the option " + option);
        assertTrue(
                documented
                        .get("description")
                        .asText()
                        .contains(model.get("description").asText()),
                "the header's description is the option's");

        TileDBConfiguration endpointConfig = new TileDBConfiguration();
        Object before = read(endpointConfig, option);
        Object value = valueOtherThan(model, before);

        Message message = new DefaultExchange(context).getMessage();
        message.setHeader(header, value);
        TileDBConfiguration effective = OptionHeaders.TABLE.apply(message, endpointConfig);

        assertEquals(String.valueOf(value), String.valueOf(read(effective, option)), "the header sets " + option);
        assertEquals(before, read(endpointConfig, option), "the endpoint's own configuration is left as it was");
        for (Option other : OptionHeaders.TABLE.messageOptions()) {
            if (!other.name().equals(option)) {
                assertEquals(other.get(endpointConfig), other.get(effective), "the header changes " + other.name());
            }
        }
    }

    @Test
    void connectionAndConsumerOptionsAreNeverTakenFromHeaders() {
        TileDBConfiguration config = new TileDBConfiguration();
        config.getConnection().setHost("https://api.tiledb.com");
        Message message = new DefaultExchange(context).getMessage();
        message.setHeader("CamelTileDBHost", "https://attacker.example");
        message.setHeader("CamelTileDBApiKey", "stolen");
        message.setHeader("CamelTileDBStateKey", "other");
        assertSame(config, OptionHeaders.TABLE.apply(message, config), "no copy: none of these is a message option");
        assertEquals("https://api.tiledb.com", config.getConnection().getHost());
    }

    @Test
    void withoutOptionHeadersTheEndpointsConfigurationIsUsedAsItIs() {
        TileDBConfiguration config = new TileDBConfiguration();
        Message message = new DefaultExchange(context).getMessage();
        message.setHeader(TileDBConstants.RESULT_PAGE, 3);
        message.setHeader("CamelFileName", "x.ipynb");
        assertSame(config, OptionHeaders.TABLE.apply(message, config));
    }

    @Test
    void headerValuesAreConvertedAsRoutesWriteThem() {
        Message message = new DefaultExchange(context).getMessage();
        message.setHeader("CamelTileDBOnExists", "OVERWRITE");
        message.setHeader("camelTileDBOperation", "listShared");
        message.setHeader("CamelTileDBTags", List.of("a", " b ", ""));
        message.setHeader("CamelTileDBFileProperties", List.of("size=1", "kind=raw"));
        message.setHeader("CamelTileDBStartTime", java.util.Date.from(java.time.Instant.parse("2026-01-02T03:04:05Z")));
        message.setHeader("CamelTileDBSamples", "7");
        TileDBConfiguration effective = OptionHeaders.TABLE.apply(message, new TileDBConfiguration());
        assertEquals(OnExists.overwrite, effective.getNotebookOptions().getOnExists(), "enum names in any case");
        assertEquals(TileDBOperation.listShared, effective.getOperation(), "header names in any case");
        assertEquals("a,b", effective.getListing().getTags(), "a Collection joins into the list option");
        assertEquals(List.of("size,1", "kind,raw"), effective.getListing().filePropertyPairs());
        assertEquals("2026-01-02T03:04:05Z", effective.getArrayOptions().getStartTime());
        assertEquals(7, effective.getArrayOptions().getSamples());
    }

    @Test
    void aHeaderOfTheWrongTypeNamesItselfAndTheAcceptedValues() {
        Message message = new DefaultExchange(context).getMessage();
        message.setHeader("CamelTileDBOnExists", "replace");
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.cameltiledb.client.TileDBConfigurationException.class,
                () -> OptionHeaders.TABLE.apply(message, new TileDBConfiguration()));
        assertEquals("The header CamelTileDBOnExists must be one of [fail, overwrite], was 'replace'", e.getMessage());
    }

    @Test
    void replyHeadersNeverShadowAnOption() throws Exception {
        Set<String> optionHeaders = new java.util.HashSet<>();
        OptionHeaders.TABLE
                .messageOptions()
                .forEach(o -> optionHeaders.add(o.header().toLowerCase(Locale.ROOT)));
        for (Field field : TileDBConstants.class.getDeclaredFields()) {
            String name = (String) field.get(null);
            String constant = constantName(name.substring("CamelTileDB".length()));
            boolean generated = OptionHeaders.TABLE.messageOptions().stream()
                    .anyMatch(o -> constantName(o.name()).equals(field.getName()));
            if (!generated) {
                assertTrue(
                        !optionHeaders.contains(name.toLowerCase(Locale.ROOT)),
                        "the reply header " + name + " would override an option on the next call");
            }
            assertNotNull(constant);
        }
    }

    @Test
    void everyMessageOptionHasItsHeaderConstant() throws Exception {
        for (Option option : OptionHeaders.TABLE.messageOptions()) {
            Field field = TileDBConstants.class.getField(constantName(option.name()));
            assertTrue(Modifier.isStatic(field.getModifiers()));
            assertEquals(option.header(), field.get(null));
        }
    }

    /** {@code tiledbUri} → {@code TILEDB_URI}. */
    static String constantName(String option) {
        return option.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private static Object read(TileDBConfiguration config, String option) {
        TileDBEndpoint endpoint = new TileDBEndpoint("tiledb:arrays", null, TileDBResource.arrays, config);
        PropertyConfigurerGetter getter = new TileDBEndpointConfigurer();
        return getter.getOptionValue(endpoint, option, false);
    }

    /** A value of the option's type that differs from what the endpoint has. */
    private static Object valueOtherThan(JsonNode model, Object current) {
        String type = model.get("type").asText();
        if (model.has("enum")) {
            for (JsonNode value : model.get("enum")) {
                if (!value.asText().equals(String.valueOf(current))) {
                    return value.asText();
                }
            }
        }
        return switch (type) {
            case "boolean" -> !Boolean.TRUE.equals(current);
            case "integer" -> current instanceof Long ? (Object) 4242L : (Object) 4242;
            case "duration" -> 4242L;
            default -> "from-header-" + model.get("displayName").asText().replace(' ', '-');
        };
    }
}
