package dev.cameltiledb.component;

import dev.cameltiledb.camel.OptionTable;
import dev.cameltiledb.client.TileDBConfigurationException;

/**
 * The one rule that ties an option to its message header: every option of {@link TileDBConfiguration} and of its
 * message-option groups (all groups except {@link ConnectionOptions} and {@link ConsumerOptions}, which are read once
 * when an endpoint starts) is overridden for one message by the header {@code CamelTileDB} + the option's name with
 * its first letter in upper case: {@code samples} by {@code CamelTileDBSamples}. Nothing is written per option: the
 * table is read from the option declarations ({@link OptionTable}), and {@link TileDBConstants}' option headers are
 * generated from it (by {@code OptionHeadersTest}).
 */
public final class OptionHeaders {

    public static final String PREFIX = "CamelTileDB";

    /** Every option, its header, its conversion and its checks. */
    public static final OptionTable<TileDBConfiguration> TABLE = OptionTable.of(
                    TileDBConfiguration.class, TileDBConfiguration::copy)
            .headerPrefix(PREFIX)
            .endpointOnly(ConnectionOptions.class, ConsumerOptions.class)
            // file properties are key=value pairs, and a value may hold a comma
            .listSeparator("fileProperties", ";")
            .errors(TileDBConfigurationException::new)
            .build();

    private OptionHeaders() {}

    /** {@code samples} → {@code CamelTileDBSamples}. */
    public static String headerOf(String option) {
        return TABLE.headerOf(option);
    }
}
