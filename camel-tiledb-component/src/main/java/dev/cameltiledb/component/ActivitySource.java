package dev.cameltiledb.component;

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

    /** Requests sent by the last {@link #read}, for the poll's debug line. */
    int lastRequests();
}
