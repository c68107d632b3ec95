package dev.cameltiledb.component.consumer;

import java.util.List;

/** Where an activity consumer's events come from: one array, a group's contents, or every array of a namespace. */
interface ActivitySource {

    /** Asks the service for what may be new and returns the events that are due by their stream's cursor, in any order. */
    List<ActivityItem> read();

    /**
     * Events of this stream that a read returned were not delivered (an exchange failed, or the consumer stopped
     * before reaching them): read it again on the next poll. Sources that read every stream on every poll need not
     * act.
     */
    default void readAgain(String stream) {}

    /** The source is no longer read (its consumer stopped, or lost the lead); it lets go of what it shares. */
    default void close() {}

    /** Requests sent by the last {@link #read}, for the poll's debug line. */
    int lastRequests();

    /**
     * A stream the last {@link #read} could not read while it delivered what the others had, or null: the consumer
     * reports it, and the stream is read again on a later poll. A source whose read fails as a whole answers null.
     */
    default StreamFailure skipped() {
        return null;
    }

    /** Why one stream was left out of a read. */
    record StreamFailure(String stream, RuntimeException error) {}
}
