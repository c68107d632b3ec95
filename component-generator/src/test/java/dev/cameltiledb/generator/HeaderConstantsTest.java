package dev.cameltiledb.generator;

import dev.cameltiledb.camel.OptionTable;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HeaderConstantsTest {

    @UriParams
    static class Connection {
        @UriParam(description = "Where to connect.")
        String host;
    }

    static class Config {
        @UriParam(description = "How many \"items\" per page.")
        int pageSize;

        @UriParam(description = "The sort order.", enums = "asc,desc")
        String sortOrder;

        @UriParam
        Connection connection = new Connection();
    }

    private static final OptionTable<Config> TABLE = OptionTable.of(Config.class, c -> c)
            .headerPrefix("CamelDemo")
            .endpointOnly(Connection.class)
            .build();

    /** As palantir-java-format lays it out: each annotation is too long for one line. */
    private static final String GENERATED = """
                @Metadata(
                        label = "producer",
                        description = "Overrides the pageSize option. How many \\"items\\" per page.",
                        javaType = "Integer")
                public static final String PAGE_SIZE = "CamelDemoPageSize";

                @Metadata(
                        label = "producer",
                        description = "Overrides the sortOrder option. The sort order.",
                        javaType = "String",
                        enums = "asc,desc")
                public static final String SORT_ORDER = "CamelDemoSortOrder";\
            """;

    private static String source(String section) {
        return "class DemoConstants {\n\n    // option headers: START (generated)\n" + section
                + "    // option headers: END\n\n    public static final String REPLY = \"CamelDemoReply\";\n}\n";
    }

    @Test
    void theSectionHoldsOneConstantPerMessageOptionAndKeepsItsBlankLines() {
        String stale = source("\n    public static final String OLD = \"CamelDemoOld\";\n\n");
        assertEquals(source("\n" + GENERATED + "\n\n"), HeaderConstants.regenerated(stale, TABLE.messageOptions()));
    }

    @Test
    void aSectionThatDiffersOnlyInLayoutIsLeftAsTheFormatterMadeIt() {
        String formatted = source("\n"
                + GENERATED
                        .replace("description = ", "\n            description =\n   ")
                        .replace("How many", "How \" + \"many")
                + "\n");
        assertSame(formatted, HeaderConstants.regenerated(formatted, TABLE.messageOptions()));
    }

    @Test
    void withoutTheMarkersTheGeneratorSaysWhatIsMissing() {
        Exception e = assertThrows(
                IllegalArgumentException.class,
                () -> HeaderConstants.regenerated("class A {}", TABLE.messageOptions()));
        assertEquals(
                "the constants class lacks the lines '// option headers: START' and '// option headers: END' around"
                        + " its option headers",
                e.getMessage());
    }
}
