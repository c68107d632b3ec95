package dev.cameltiledb.arraylake.client;

/**
 * Waits between retries. Tests pass one that records the planned waits, so no test spends or measures time. The
 * shared {@link dev.cameltiledb.rest.Sleeper} under the name this client's settings have always used.
 */
@FunctionalInterface
public interface Sleeper extends dev.cameltiledb.rest.Sleeper {

    Sleeper REAL = Thread::sleep;
}
