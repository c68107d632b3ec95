package dev.cameltiledb.client;

/** The three array browser listings: what the caller owns, what is shared with it, and what is public. */
public enum ArrayListing {
    OWNED("owned"),
    SHARED("shared"),
    PUBLIC("public");

    private final String path;

    ArrayListing(String path) {
        this.path = path;
    }

    String path() {
        return path;
    }
}
