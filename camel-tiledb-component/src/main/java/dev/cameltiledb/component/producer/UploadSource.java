package dev.cameltiledb.component.producer;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.client.TileDBJson;
import dev.cameltiledb.client.UploadBody;
import org.apache.camel.Exchange;

/**
 * The bytes of a notebook or file to upload, from a message body: a {@code File} or {@code Path} (also what the file
 * component delivers), {@code byte[]}, {@code String}, or an {@code InputStream}, which is first spooled to a
 * temporary file so its size is known without holding it in memory. Files are sent straight from disk.
 */
final class UploadSource implements AutoCloseable {

    private final UploadBody body;
    private final String fileName;
    private final Path spooled;

    private UploadSource(UploadBody body, String fileName, Path spooled) {
        this.body = body;
        this.fileName = fileName;
        this.spooled = spooled;
    }

    static UploadSource of(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body == null) {
            throw new TileDBConfigurationException(
                    "The upload operation needs a body: the notebook or file as File, Path, byte[],"
                            + " String or InputStream; the message body was empty");
        }
        if (body instanceof byte[] bytes) {
            return new UploadSource(nonEmpty(bytes), null, null);
        }
        if (body instanceof String text) {
            return new UploadSource(nonEmpty(text.getBytes(StandardCharsets.UTF_8)), null, null);
        }
        if (body instanceof InputStream in) {
            return spool(in);
        }
        Path path = body instanceof Path p ? p : body instanceof File f ? f.toPath() : convertedFile(exchange, body);
        if (path == null) {
            throw new TileDBConfigurationException("The upload operation cannot use a body of type "
                    + body.getClass().getName() + "; give File, Path, byte[], String or InputStream");
        }
        return fromFile(path, null);
    }

    /** What the file component delivers (a GenericFile) converts to a File. */
    private static Path convertedFile(Exchange exchange, Object body) {
        File file = exchange.getContext().getTypeConverter().tryConvertTo(File.class, exchange, body);
        return file == null ? null : file.toPath();
    }

    private static UploadSource fromFile(Path path, Path spooled) {
        if (!Files.exists(path)) {
            throw new TileDBConfigurationException("The file to upload, " + path + ", does not exist");
        }
        if (Files.isDirectory(path)) {
            throw new TileDBConfigurationException("The file to upload, " + path + ", is a directory");
        }
        try {
            if (Files.size(path) == 0) {
                throw new TileDBConfigurationException(
                        "The file to upload " + (spooled != null ? "(from the InputStream body)" : path) + " is empty");
            }
        } catch (IOException e) {
            throw new TileDBConfigurationException(
                    "Cannot read the file to upload, " + path + ": " + e.getMessage(), e);
        }
        return new UploadSource(
                UploadBody.of(path), spooled != null ? null : path.getFileName().toString(), spooled);
    }

    private static UploadSource spool(InputStream in) {
        try {
            Path tmp = Files.createTempFile("tiledb-upload-", ".part");
            try (in) {
                Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return fromFile(tmp, tmp);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
        } catch (IOException e) {
            throw new TileDBConfigurationException("Cannot read the InputStream body to upload: " + e.getMessage(), e);
        }
    }

    private static UploadBody nonEmpty(byte[] bytes) {
        if (bytes.length == 0 || new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            throw new TileDBConfigurationException("The upload operation's body is empty");
        }
        return UploadBody.of(bytes);
    }

    UploadBody body() {
        return body;
    }

    /** The file name the body came with, if it was a file; null otherwise. */
    String fileName() {
        return fileName;
    }

    /** Reads the whole notebook once as a token stream (never as a tree) and insists on a JSON object. */
    void validateJson() {
        try (InputStream in = body.open();
                JsonParser parser = TileDBJson.mapper().getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new TileDBConfigurationException(
                        "The notebook to upload is not a JSON object (an .ipynb file is one);"
                                + " set validateJson=false to send it anyway");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new TileDBConfigurationException("The notebook to upload has content after its JSON object");
            }
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            throw new TileDBConfigurationException("The notebook to upload is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + "; set validateJson=false to send it anyway");
        } catch (IOException e) {
            throw new TileDBConfigurationException("Cannot read the notebook to upload: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (spooled != null) {
            try {
                Files.deleteIfExists(spooled);
            } catch (IOException ignored) {
                // a temporary file left behind is cleaned by the OS; the upload's outcome does not depend on it
            }
        }
    }
}
