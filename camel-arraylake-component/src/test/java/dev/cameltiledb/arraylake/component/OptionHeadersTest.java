package dev.cameltiledb.arraylake.component;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameltiledb.camel.OptionTable;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each message option is in the descriptor with its CamelArraylake header, and that header changes exactly that
 * option for one message; connection and consumer options have no header. {@link ArraylakeConstants} holds a constant
 * for each (the build generates them from the options, component-generator).
 */
class OptionHeadersTest {

    private static CamelContext camel;

    @BeforeAll
    static void start() {
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterAll
    static void stop() throws Exception {
        camel.close();
    }

    static Stream<String> messageOptions() {
        return OptionHeaders.TABLE.messageOptions().stream().map(OptionTable.Option::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messageOptions")
    void theHeaderOfAnOptionChangesThatOptionOnlyForOneMessage(String name) {
        OptionTable.Option option = OptionHeaders.TABLE.messageOptions().stream()
                .filter(o -> o.name().equals(name))
                .findFirst()
                .orElseThrow();
        JsonNode endpointOption = Descriptor.json().get("properties").get(name);
        assertNotNull(endpointOption, "the descriptor lists the endpoint option " + name);
        JsonNode header = Descriptor.json().get("headers").get(option.header());
        assertNotNull(header, "the descriptor lists the header " + option.header());
        assertTrue(
                header.get("description")
                        .asText()
                        .contains(endpointOption.get("description").asText()),
                "the header's description carries the option's");

        ArraylakeConfiguration endpoint = new ArraylakeConfiguration();
        Object before = option.get(endpoint);
        Object value = otherValue(option, endpointOption, before);
        Message message = new DefaultExchange(camel).getMessage();
        message.setHeader(option.header(), value);
        ArraylakeConfiguration resolved = OptionHeaders.TABLE.apply(message, endpoint);

        // an enum's value as the URI writes it (create), its constant in any case (CREATE)
        assertTrue(String.valueOf(value).equalsIgnoreCase(String.valueOf(option.get(resolved))), name);
        assertEquals(before, option.get(endpoint), "the endpoint's options stay as they were");
        for (OptionTable.Option other : OptionHeaders.TABLE.messageOptions()) {
            if (other != option) {
                assertEquals(other.get(endpoint), other.get(resolved), other.name() + " is untouched");
            }
        }
    }

    private static Object otherValue(OptionTable.Option option, JsonNode model, Object current) {
        if (model.has("enum")) {
            for (JsonNode v : model.get("enum")) {
                if (!v.asText().equals(String.valueOf(current))) {
                    return v.asText();
                }
            }
        }
        Class<?> type = option.field().getType();
        if (type == boolean.class) {
            return !Boolean.TRUE.equals(current);
        }
        if (type == int.class || type == Integer.class) {
            return 7;
        }
        return "from-header-" + option.name();
    }

    @Test
    void connectionAndConsumerOptionsHaveNoHeader() {
        ArraylakeConfiguration endpoint = new ArraylakeConfiguration();
        endpoint.getConnection().setServiceUri("https://api.earthmover.io");
        Message message = new DefaultExchange(camel).getMessage();
        message.setHeader("CamelArraylakeServiceUri", "https://attacker.example");
        message.setHeader("CamelArraylakeToken", "ema_stolen");
        message.setHeader("CamelArraylakeStateKey", "elsewhere");
        message.setHeader(ArraylakeConstants.CHANGE_TYPE, "created");
        assertSame(endpoint, OptionHeaders.TABLE.apply(message, endpoint), "nothing to override: no copy");
        Set<String> headers = new TreeSet<>();
        Descriptor.json().get("headers").fieldNames().forEachRemaining(headers::add);
        for (String endpointOnly : List.of("serviceUri", "token", "tokenFile", "stateRepository", "initialSnapshot")) {
            assertTrue(!headers.contains(OptionHeaders.headerOf(endpointOnly)), endpointOnly + " has no header");
        }
    }

    @Test
    void headerValuesAreTakenAsRoutesWriteThem() {
        Message message = new DefaultExchange(camel).getMessage();
        message.setHeader("camelarraylakeoperation", "GETORCREATE");
        message.setHeader(ArraylakeConstants.METADATA, Map.of("team", "climate"));
        message.setHeader(ArraylakeConstants.REMOVE_METADATA, List.of("a", " b "));
        message.setHeader(ArraylakeConstants.SIZE, "25");
        message.setHeader(ArraylakeConstants.CONFIRM_DELETE, "true");
        ArraylakeConfiguration resolved = OptionHeaders.TABLE.apply(message, new ArraylakeConfiguration());
        assertEquals(ArraylakeOperation.getOrCreate, resolved.getOperation());
        assertEquals("{\"team\":\"climate\"}", resolved.getRepoOptions().getMetadata());
        assertEquals("a,b", resolved.getRepoOptions().getRemoveMetadata());
        assertEquals(25, resolved.getListing().getSize());
        assertTrue(resolved.getDeleteOptions().isConfirmDelete());
    }

    @Test
    void aHeaderOfTheWrongTypeNamesItself() {
        Message message = new DefaultExchange(camel).getMessage();
        message.setHeader(ArraylakeConstants.CONFIRM_DELETE, "yes please");
        Exception e = assertThrows(
                ArraylakeOptionException.class, () -> OptionHeaders.TABLE.apply(message, new ArraylakeConfiguration()));
        assertEquals("The header CamelArraylakeConfirmDelete must be a Boolean, was 'yes please'", e.getMessage());
        Message other = new DefaultExchange(camel).getMessage();
        other.setHeader(ArraylakeConstants.OPERATION, "drop");
        e = assertThrows(
                ArraylakeOptionException.class, () -> OptionHeaders.TABLE.apply(other, new ArraylakeConfiguration()));
        assertTrue(
                e.getMessage().startsWith("The header CamelArraylakeOperation must be one of [list, get,"),
                e.getMessage());
    }

    @Test
    void everyMessageOptionHasItsHeaderConstant() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (OptionTable.Option option : OptionHeaders.TABLE.messageOptions()) {
            Field field = ArraylakeConstants.class.getField(constant(option.name()));
            if (!option.header().equals(field.get(null))) {
                wrong.add(field.getName());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void replyHeadersNeverOverrideAnOption() throws Exception {
        List<String> shadowing = new ArrayList<>();
        for (Field field : ArraylakeConstants.class.getFields()) {
            String header = (String) field.get(null);
            boolean isOption = OptionHeaders.TABLE.messageOptions().stream()
                    .anyMatch(o -> o.header().equals(header));
            boolean generated = OptionHeaders.TABLE.messageOptions().stream()
                    .anyMatch(o -> constant(o.name()).equals(field.getName()));
            if (isOption && !generated) {
                shadowing.add(header);
            }
        }
        assertEquals(List.of(), shadowing, "a reply header would override an option on the next call");
    }

    static String constant(String option) {
        return option.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }
}
