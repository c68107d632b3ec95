package dev.cameltiledb.arraylake.component;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.support.processor.state.MemoryStateRepository;

/** A memory state repository that counts its writes: quiet polls must not write. */
class CountingStateRepository extends MemoryStateRepository {

    final AtomicInteger writes = new AtomicInteger();

    @Override
    public void setState(String key, String value) {
        writes.incrementAndGet();
        super.setState(key, value);
    }
}
