package dev.cameltiledb.arraylake.component;

import dev.cameltiledb.arraylake.client.ArraylakeClient;

/** The calls of one resource: runs an operation the resource offers and writes the reply to the message. */
interface ResourceCalls {

    void run(MessageCall call, ArraylakeClient client);

    static ResourceCalls of(ArraylakeResource resource) {
        return switch (resource) {
            case repos -> new RepoCalls();
            case buckets -> new BucketCalls();
            case orgs -> new OrgCalls();
            case user -> (call, client) -> call.message.setBody(client.user());
            case services -> new ServiceCalls();
        };
    }

    /** An operation the resource offers without a case here: a bug of ours (a test runs every pair). */
    static IllegalStateException unhandled(MessageCall call) {
        return new IllegalStateException("arraylake:" + call.resource + " offers " + call.operation
                + " but does not run it; please report this");
    }
}
