package dev.cameltiledb.arraylake.component;

import dev.cameltiledb.camel.ServiceDevConsole;
import org.apache.camel.spi.annotations.DevConsole;

/** The {@code arraylake} dev console: see {@link ServiceDevConsole} for what it shows. */
@DevConsole(
        group = "camel",
        name = "arraylake",
        displayName = "Arraylake",
        description = "arraylake endpoints, repo feeds (cursor, last poll, last error) and clients (pool, retries)")
public class ArraylakeDevConsole extends ServiceDevConsole {

    public ArraylakeDevConsole() {
        super(
                "arraylake",
                "Arraylake",
                "arraylake endpoints, repo feeds (cursor, last poll, last error) and clients (pool, retries)",
                ArraylakeComponent.class);
    }
}
