package dev.cameltiledb.component;

import dev.cameltiledb.component.state.StateFencedException;
import org.apache.camel.RuntimeCamelException;

/**
 * A poll of an activity consumer whose partition another consumer took over: it delivers and saves nothing more. Under
 * {@code master:} this ends when the cluster stops the consumer (it lost the leadership); without it, two consumers
 * watch the same partition, and the one started last keeps it.
 */
public final class TileDBFencedException extends RuntimeCamelException {

    public TileDBFencedException(StateFencedException cause) {
        super(cause.getMessage(), cause);
    }
}
