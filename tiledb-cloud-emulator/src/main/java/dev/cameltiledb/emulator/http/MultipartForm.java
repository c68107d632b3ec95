package dev.cameltiledb.emulator.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.undertow.server.DefaultByteBufferPool;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.MultipartParser;

/**
 * A {@code multipart/form-data} body read from the request stream: text fields in memory (up to
 * {@value #MAX_FIELD_BYTES} bytes each), file parts (those with a {@code filename}) streamed to {@code *.part} files in
 * the emulator's file folder, so a large upload never sits in memory. The caller deletes the files it does not keep
 * ({@link #discard}).
 */
public final class MultipartForm implements Upload.Received {

    static final int MAX_FIELD_BYTES = 64 * 1024;

    /** A file part: the name its sender gave, its declared content type, and where its bytes are. */
    public record FilePart(String filename, String contentType, Path path, long size) {}

    private final Map<String, String> fields = new LinkedHashMap<>();
    private final Map<String, FilePart> files = new LinkedHashMap<>();

    private MultipartForm() {}

    public String field(String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    public FilePart file(String name) {
        return files.get(name);
    }

    /** Deletes the received files that were not moved into place. */
    @Override
    public void close() {
        discard(null);
    }

    /** Deletes every received file but {@code keep} (which may be null). */
    void discard(Path keep) {
        for (FilePart f : files.values()) {
            if (!f.path().equals(keep)) {
                try {
                    Files.deleteIfExists(f.path());
                } catch (IOException ignored) {
                    // a stray part file is removed at the next start
                }
            }
        }
    }

    /** Reads the whole form; a request that is not multipart, or breaks off, is a 400. */
    public static MultipartForm read(HttpCall call, Path dir) {
        String contentType = call.header("Content-Type");
        String boundary = contentType == null ? null : Headers.extractQuotedValueFromHeader(contentType, "boundary");
        if (contentType == null
                || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")
                || boundary == null) {
            throw ApiFailure.badRequest("the request must be multipart/form-data with a boundary, was " + contentType);
        }
        MultipartForm form = new MultipartForm();
        Receiver receiver = form.new Receiver(dir);
        MultipartParser.ParseState parser = MultipartParser.beginParse(
                new DefaultByteBufferPool(false, 8192, 8, 0),
                receiver,
                boundary.getBytes(StandardCharsets.US_ASCII),
                StandardCharsets.UTF_8.name());
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = call.bodyStream()) {
            int n;
            while (!parser.isComplete() && (n = in.read(buffer)) > 0) {
                parser.parse(ByteBuffer.wrap(buffer, 0, n));
            }
            receiver.close();
        } catch (IOException | RuntimeException e) {
            receiver.abort();
            form.discard(null);
            if (e instanceof ApiFailure failure) {
                throw failure;
            }
            throw ApiFailure.badRequest("the multipart body could not be read: " + e.getMessage());
        }
        if (!parser.isComplete()) {
            form.discard(null);
            throw ApiFailure.badRequest("the multipart body ended before its closing boundary");
        }
        return form;
    }

    /** Receives the parser's parts one at a time. */
    private final class Receiver implements MultipartParser.PartHandler {
        private final Path dir;
        private String name;
        private String filename;
        private String partType;
        private Path file;
        private OutputStream out;
        private ByteArrayOutputStream text;
        private long size;

        Receiver(Path dir) {
            this.dir = dir;
        }

        @Override
        public void beginPart(HeaderMap headers) {
            String disposition = headers.getFirst(Headers.CONTENT_DISPOSITION);
            name = disposition == null ? null : Headers.extractQuotedValueFromHeader(disposition, "name");
            filename = disposition == null ? null : Headers.extractQuotedValueFromHeader(disposition, "filename");
            partType = headers.getFirst(Headers.CONTENT_TYPE);
            size = 0;
            try {
                if (filename != null) {
                    Files.createDirectories(dir);
                    file = Files.createTempFile(dir, "form-", ".part");
                    out = Files.newOutputStream(file);
                } else {
                    text = new ByteArrayOutputStream();
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("emulator could not store an uploaded file", e);
            }
        }

        @Override
        public void data(ByteBuffer data) throws IOException {
            int length = data.remaining();
            size += length;
            if (out != null) {
                byte[] bytes = new byte[length];
                data.get(bytes);
                out.write(bytes);
            } else {
                if (text.size() + length > MAX_FIELD_BYTES) {
                    throw ApiFailure.badRequest("form field " + name + " is over " + MAX_FIELD_BYTES + " bytes");
                }
                byte[] bytes = new byte[length];
                data.get(bytes);
                text.write(bytes);
            }
        }

        @Override
        public void endPart() {
            if (out != null) {
                try {
                    out.close();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException("emulator could not store an uploaded file", e);
                }
                if (name != null) {
                    FilePart previous = files.put(name, new FilePart(filename, partType, file, size));
                    if (previous != null) {
                        files.put(name + "#" + previous.path(), previous); // kept for discard
                    }
                } else {
                    files.put("#" + file, new FilePart(filename, partType, file, size));
                }
                out = null;
                file = null;
            } else if (name != null) {
                fields.put(name, text.toString(StandardCharsets.UTF_8));
            }
            text = null;
        }

        void close() throws IOException {
            if (out != null) {
                out.close();
            }
        }

        void abort() {
            try {
                close();
                if (file != null) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException ignored) {
                // the part file is removed at the next start
            }
        }
    }
}
