package dev.cameltiledb.component;

import dev.cameltiledb.camel.ServiceDevConsole;
import org.apache.camel.spi.annotations.DevConsole;

/** The {@code tiledb} dev console: see {@link ServiceDevConsole} for what it shows. */
@DevConsole(
        group = "camel",
        name = "tiledb",
        displayName = "TileDB Cloud",
        description = "tiledb endpoints, consumers (cursors, lag, partitions, last poll) and clients (pool, retries)")
public class TileDBDevConsole extends ServiceDevConsole {

    public TileDBDevConsole() {
        super(
                "tiledb",
                "TileDB Cloud",
                "tiledb endpoints, consumers (cursors, lag, partitions, last poll) and clients (pool, retries)",
                TileDBComponent.class);
    }
}
