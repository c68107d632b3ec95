package dev.cameltiledb.component.state;

/** A save under an epoch that a newer owner of the same fence key has superseded; nothing was written. */
public class StateFencedException extends StateStoreException {

    private final long epoch;
    private final long currentEpoch;

    public StateFencedException(String message, long epoch, long currentEpoch) {
        super(message, null);
        this.epoch = epoch;
        this.currentEpoch = currentEpoch;
    }

    /** The epoch the refused save was made under. */
    public long getEpoch() {
        return epoch;
    }

    /** The epoch the store holds now. */
    public long getCurrentEpoch() {
        return currentEpoch;
    }
}
