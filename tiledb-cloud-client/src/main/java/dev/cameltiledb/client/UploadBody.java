package dev.cameltiledb.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Bytes to upload with their exact length, as the upload calls need the size before the first byte is sent. A file
 * or a byte array can be sent again when a call is retried; a stream is read once, so a call with one is not retried
 * after its body went out.
 */
public final class UploadBody {

    private final Path file;
    private final byte[] bytes;
    private final InputStream stream;
    private final List<byte[]> parts;
    private final long length;

    private UploadBody(Path file, byte[] bytes, InputStream stream, long length) {
        this(file, bytes, stream, null, length);
    }

    private UploadBody(Path file, byte[] bytes, InputStream stream, List<byte[]> parts, long length) {
        this.file = file;
        this.bytes = bytes;
        this.stream = stream;
        this.parts = parts;
        this.length = length;
    }

    /** Byte arrays sent one after the other, without joining them first (a query message, then its buffers). */
    public static UploadBody of(List<byte[]> parts) {
        long length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        return new UploadBody(null, null, null, List.copyOf(parts), length);
    }

    /** A file, streamed from disk on every attempt. */
    public static UploadBody of(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return new UploadBody(file, null, null, Files.size(file));
        } catch (IOException e) {
            throw new TileDBConfigurationException("Cannot read the size of " + file + ": " + e.getMessage(), e);
        }
    }

    /** Bytes held in memory. */
    public static UploadBody of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return new UploadBody(null, bytes, null, bytes.length);
    }

    /** A stream of exactly {@code length} bytes, sent once. */
    public static UploadBody of(InputStream stream, long length) {
        Objects.requireNonNull(stream, "stream");
        if (length < 0) {
            throw new TileDBConfigurationException("An upload needs the content's size in advance, was " + length);
        }
        return new UploadBody(null, null, stream, length);
    }

    public long length() {
        return length;
    }

    /** Whether the body can be sent again on a retry. */
    public boolean repeatable() {
        return stream == null;
    }

    /** The bytes from the start: a new stream for a file or byte array, the one stream otherwise. */
    public InputStream open() {
        if (stream != null) {
            return stream;
        }
        if (bytes != null) {
            return new ByteArrayInputStream(bytes);
        }
        if (parts != null) {
            return new SequenceInputStream(Collections.enumeration(
                    parts.stream().map(ByteArrayInputStream::new).toList()));
        }
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open " + file, e);
        }
    }

    /** The file the bytes come from, when they come from one (HttpClient then sends it without a copy). */
    Path file() {
        return file;
    }

    byte[] bytes() {
        return bytes;
    }

    List<byte[]> parts() {
        return parts;
    }
}
