package dev.cameltiledb.rest;

/** Waits between retries; tests replace it to see the planned waits without spending them. */
@FunctionalInterface
public interface Sleeper {

    Sleeper THREAD = Thread::sleep;

    void sleep(long millis) throws InterruptedException;
}
