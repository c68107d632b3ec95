package dev.cameltiledb.emulator.data;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes to the client and to the task's kept result at once, as an answer streams. Closing it closes neither: each
 * has its own owner (the server's exchange, the result store).
 */
public final class TeeOutputStream extends OutputStream {

    private final OutputStream a;
    private final OutputStream b;

    public TeeOutputStream(OutputStream a, OutputStream b) {
        this.a = a;
        this.b = b;
    }

    @Override
    public void write(int v) throws IOException {
        a.write(v);
        b.write(v);
    }

    @Override
    public void write(byte[] bytes, int off, int len) throws IOException {
        a.write(bytes, off, len);
        b.write(bytes, off, len);
    }

    @Override
    public void flush() throws IOException {
        a.flush();
        b.flush();
    }

    @Override
    public void close() {
        // the client's stream and the result's writer are closed by their owners
    }
}
