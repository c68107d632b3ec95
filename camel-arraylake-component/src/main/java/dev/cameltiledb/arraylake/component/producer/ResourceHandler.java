package dev.cameltiledb.arraylake.component.producer;

import dev.cameltiledb.arraylake.client.ArraylakeClient;
import dev.cameltiledb.arraylake.component.ArraylakeOperation;
import dev.cameltiledb.arraylake.component.ArraylakeResource;
import org.apache.camel.Message;

/** Performs the operations of one resource ({@code repos}, ...) on a message, writing the result to it. */
interface ResourceHandler {

    /**
     * Runs an operation that {@link ArraylakeOperation#checkFor} already admitted for this handler's resource; a
     * handler never decides what its resource offers.
     */
    void handle(ArraylakeOperation operation, MessageOptions options, Message message, ArraylakeClient client);

    /** An admitted operation without a case: a bug of ours, not of the route (EveryOperationTest walks every pair). */
    static IllegalStateException notHandled(ArraylakeResource resource, ArraylakeOperation operation) {
        return new IllegalStateException(
                "arraylake:" + resource + " offers " + operation + " but has no handler for it; please report this");
    }
}
