package dev.cameltiledb.component;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.support.processor.state.MemoryStateRepository;

/** A memory state repository that counts what a consumer writes into it: how often, and how many characters. */
class CountingStateRepository extends MemoryStateRepository {

    final AtomicLong writes = new AtomicLong();
    final AtomicLong chars = new AtomicLong();

    @Override
    public void setState(String key, String value) {
        writes.incrementAndGet();
        chars.addAndGet(value.length());
        super.setState(key, value);
    }
}
