package dev.cameltiledb.component.producer;

import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.component.TileDBOperation;
import dev.cameltiledb.component.TileDBResource;
import org.apache.camel.Message;

/** Performs the operations of one resource ({@code arrays}, ...) on a message, writing the result to it. */
interface ResourceHandler {

    /**
     * Runs an operation that {@link TileDBOperation#requireOfferedBy} already admitted for this handler's resource; a
     * handler never decides what its resource offers.
     */
    void handle(TileDBOperation operation, MessageOptions options, Message message, TileDBClient client);

    /** An admitted operation without a case: a bug of ours, not of the route (EveryOperationTest walks every pair). */
    static IllegalStateException notHandled(TileDBResource resource, TileDBOperation operation) {
        return new IllegalStateException(
                "tiledb:" + resource + " offers " + operation + " but has no handler for it; please report this");
    }
}
