package dev.cameltiledb.component;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

import org.apache.camel.spi.StateRepository;

/**
 * A read-through, write-through StateRepository on one file, standing in for the shared store (database, cache)
 * that several nodes use in production: every read sees what any node wrote last. (Camel's FileStateRepository
 * caches the file at start, which suits one node but not a takeover.)
 */
final class SharedFileStateRepository implements StateRepository<String, String> {

    private static final Object LOCK = new Object();
    private final Path file;

    SharedFileStateRepository(Path file) {
        this.file = file;
    }

    @Override
    public void setState(String key, String value) {
        synchronized (LOCK) {
            Properties all = read();
            all.setProperty(key, value);
            try {
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                try (Writer out = Files.newBufferedWriter(tmp)) {
                    all.store(out, null);
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public String getState(String key) {
        synchronized (LOCK) {
            return read().getProperty(key);
        }
    }

    private Properties read() {
        Properties all = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                all.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    @Override
    public void start() {
        // nothing to open: every call goes to the file
    }

    @Override
    public void stop() {
        // nothing to close
    }
}
