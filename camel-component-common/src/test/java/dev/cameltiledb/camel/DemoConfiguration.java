package dev.cameltiledb.camel;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** A configuration as the components declare theirs: options of its own, a message-option group, an endpoint one. */
@UriParams
public class DemoConfiguration extends OptionGroup<DemoConfiguration> {

    public enum Mode {
        ONLINE,
        OFFLINE
    }

    @UriParams
    public static class Paging extends OptionGroup<Paging> {

        @UriParam(description = "page size")
        @ValueRange(min = 1, max = 100)
        Integer size;

        @UriParam(description = "stop after")
        int maxResults;

        @UriParam(description = "tags")
        String tags;

        @UriParam(description = "pairs")
        String pairs;
    }

    @UriParams
    public static class Connection extends OptionGroup<Connection> {

        @UriParam(description = "where", javaType = "java.time.Duration")
        @ValueRange(min = 1)
        long timeout = 1000;

        @UriParam(description = "host")
        String host;
    }

    @UriParam(description = "mode", enums = "online,offline")
    Mode mode;

    @UriParam(description = "name")
    String name;

    @UriParam(description = "flag")
    boolean confirm;

    @UriParam(description = "a time")
    String since;

    @UriParam(description = "a JSON object")
    String metadata;

    @UriParam
    Paging paging = new Paging();

    @UriParam
    Connection connection = new Connection();

    static final OptionTable<DemoConfiguration> TABLE = OptionTable.of(DemoConfiguration.class, DemoConfiguration::copy)
            .headerPrefix("CamelDemo")
            .endpointOnly(Connection.class)
            .listSeparator("pairs", ";")
            .errors(IllegalStateException::new)
            .build();
}
