package dev.cameltiledb.arraylake.component;

import dev.cameltiledb.camel.OptionTable;

/**
 * The rule tying an option to its header: every option of {@link ArraylakeConfiguration} and of its message-option
 * groups (all but {@link ConnectionOptions} and {@link ConsumerOptions}, read once when an endpoint starts) is
 * overridden for one message by the header {@code CamelArraylake} + the option's name with a capital first letter
 * ({@code bucketNickname} → {@code CamelArraylakeBucketNickname}), matched in any case. The table is read from the
 * declarations ({@link OptionTable}), so an option added there has its header at once; the constants of
 * {@link ArraylakeConstants} are generated from it (by {@code OptionHeadersTest}).
 */
public final class OptionHeaders {

    public static final String PREFIX = "CamelArraylake";

    /** Every option, its header, its conversion and its checks. */
    public static final OptionTable<ArraylakeConfiguration> TABLE = OptionTable.of(
                    ArraylakeConfiguration.class, ArraylakeConfiguration::copy)
            .headerPrefix(PREFIX)
            .endpointOnly(ConnectionOptions.class, ConsumerOptions.class)
            .errors(ArraylakeOptionException::new)
            .build();

    private OptionHeaders() {}

    /** {@code bucketNickname} → {@code CamelArraylakeBucketNickname}. */
    public static String headerOf(String option) {
        return TABLE.headerOf(option);
    }
}
