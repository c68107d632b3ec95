package dev.cameltiledb.client;

/** The three browser listings of arrays and groups: what the caller owns, what is shared with it, what is public. */
public enum Listing {
    OWNED("owned"),
    SHARED("shared"),
    PUBLIC("public");

    private final String path;

    Listing(String path) {
        this.path = path;
    }

    String path() {
        return path;
    }
}
