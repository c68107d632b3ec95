package dev.cameltiledb.emulator.common;

/**
 * What a route does to the state, declared when it is registered: the {@link Dispatcher} runs its handler in a
 * transaction of that kind ({@link Transactions}). A route that only reads runs in a read transaction; one that changes
 * anything (a create, an update, a read the service logs as activity) in a write transaction, which saves what it
 * touched before the answer goes out. {@link #byMethod} is the default: GET, HEAD and OPTIONS read, the rest write.
 * A route of {@link #OWN} runs in no transaction: its handler opens the short ones it needs itself, so a call that runs
 * for minutes (an SQL statement, a UDF) holds no lock that every other request waits for.
 */
public enum Access {
    READ,
    WRITE,
    /** The handler takes its own transactions, as short as it can (the data plane's long-running calls). */
    OWN;

    public static Access byMethod(String method) {
        return switch (method) {
            case "GET", "HEAD", "OPTIONS" -> READ;
            default -> WRITE;
        };
    }
}
