package dev.cameltiledb.client;

/** Waits between retries; tests replace it to see the waits without spending them. */
@FunctionalInterface
interface Sleeper {

    Sleeper THREAD = Thread::sleep;

    void sleep(long millis) throws InterruptedException;
}
