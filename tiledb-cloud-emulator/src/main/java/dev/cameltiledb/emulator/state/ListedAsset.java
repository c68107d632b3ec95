package dev.cameltiledb.emulator.state;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What the browser listings filter and sort on, the same for arrays and groups. */
public interface ListedAsset {

    String namespace();

    String name();

    String description();

    List<String> tags();

    /** The namespaces the asset is shared with ({@code public} included). */
    Set<String> sharedWith();

    long sizeForOrder();

    Instant lastTouched();
}
