package dev.cameltiledb.arraylake.client;

/** Waits between retries. Tests pass one that records the planned waits, so no test spends or measures time. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = Thread::sleep;

    void sleep(long millis) throws InterruptedException;
}
