package dev.cameltiledb.emulator.common;

/**
 * What a route does to the state, declared when it is registered: the {@link Dispatcher} runs its handler in a
 * transaction of that kind ({@link Transactions}). A route that only reads runs in a read transaction; one that changes
 * anything (a create, an update, a read the service logs as activity) in a write transaction, which saves what it
 * touched before the answer goes out. {@link #byMethod} is the default: GET, HEAD and OPTIONS read, the rest write.
 */
public enum Access {
    READ,
    WRITE;

    public static Access byMethod(String method) {
        return switch (method) {
            case "GET", "HEAD", "OPTIONS" -> READ;
            default -> WRITE;
        };
    }
}
