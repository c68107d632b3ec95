package dev.cameltiledb.camel;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One consumer at one moment, as the dev consoles and JMX show it: where its streams stand, and how its last poll
 * went. Nothing here holds a credential: positions are instants and counts, the error is the text of an exception our
 * clients already redact.
 *
 * @param positions        where its streams stand, as of the end of its last poll (or a reset since)
 * @param lag              now minus the time of the newest event it delivered; null before the first such event
 * @param lastPoll         when its last poll began; null before the first
 * @param lastPollRequests the HTTP requests its last poll sent (retries included)
 * @param lastError        the last failure of a poll or of an exchange it delivered; null when none happened
 */
public record ConsumerStatus(
        StreamPositions positions, Duration lag, Instant lastPoll, long lastPollRequests, String lastError) {

    /** The fields by name, in a fixed order: the JSON of the dev consoles. */
    public Map<String, Object> toMap() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("streamKind", positions.kind());
        fields.put("streams", positions.streams());
        fields.put("cursorOldest", text(positions.oldest()));
        fields.put("cursorNewest", text(positions.newest()));
        fields.put("backlog", positions.backlog());
        fields.put("furthestBehind", positions.furthestBehind());
        fields.put("lagMillis", lag == null ? null : lag.toMillis());
        fields.put("partitionsHeld", positions.partitionsHeld());
        fields.put("fenceEpoch", positions.fenceEpoch());
        fields.put("lastPoll", text(lastPoll));
        fields.put("lastPollRequests", lastPollRequests);
        fields.put("lastError", lastError);
        return fields;
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
