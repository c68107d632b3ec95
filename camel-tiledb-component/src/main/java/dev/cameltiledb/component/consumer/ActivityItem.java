package dev.cameltiledb.component.consumer;

import java.util.Comparator;

import dev.cameltiledb.client.AssetRef;
import dev.cameltiledb.client.model.ArrayActivityLog;

/**
 * One event waiting for delivery: the stream whose cursor it moves (an array's URI, or a group's), and the asset it
 * happened to.
 */
record ActivityItem(String stream, AssetRef asset, ArrayActivityLog event) {

    /** Oldest first; events of one second in a stable order. */
    static final Comparator<ActivityItem> DELIVERY_ORDER = Comparator.comparing(
                    (ActivityItem i) -> i.event().eventAt())
            .thenComparing(i -> i.asset().namespace())
            .thenComparing(i -> i.asset().name())
            .thenComparing(i -> i.event().id());
}
