package dev.cameltiledb.arraylake.client.model;

/**
 * Options of a repo delete. {@code confirmed} must be true or nothing is sent: deleting is irreversible once the
 * ghost is purged, so the caller has to say so. {@code immediate} skips the soft-delete (ghost) state;
 * {@code retainData} keeps the objects in the bucket.
 */
public record DeleteRepo(boolean confirmed, boolean immediate, boolean retainData) {

    /** A confirmed soft delete. */
    public static DeleteRepo confirmedSoft() {
        return new DeleteRepo(true, false, false);
    }
}
