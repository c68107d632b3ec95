package dev.cameltiledb.emulator.common;

import java.util.List;

/** An emulator that records the exchanges it answers, in its own form {@code R}: what {@link Await} counts. */
public interface RecordsExchanges<R> {

    /** Every exchange answered so far (none unless the emulator was built to record them). */
    List<R> recordedExchanges();
}
