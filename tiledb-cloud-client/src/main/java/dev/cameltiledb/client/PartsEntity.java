package dev.cameltiledb.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/** Byte arrays written straight to the connection one after the other: a large write is never copied into one array. */
final class PartsEntity extends AbstractHttpEntity {

    private final List<byte[]> parts;
    private final long length;

    PartsEntity(List<byte[]> parts, long length) {
        super(ContentType.APPLICATION_OCTET_STREAM, null);
        this.parts = parts;
        this.length = length;
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public long getContentLength() {
        return length;
    }

    @Override
    public InputStream getContent() {
        return UploadBody.of(parts).open();
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        for (byte[] p : parts) {
            out.write(p);
        }
        out.flush();
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public void close() {}
}
