package dev.cameltiledb.component.producer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Supplier;

import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.client.TileDBConnectionException;
import dev.cameltiledb.component.DownloadAs;
import dev.cameltiledb.component.OptionHeaders;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a download answers (notebooks, files): into the outputFile, replaced whole by one rename, or as the
 * body in the downloadAs form ({@code string}, {@code bytes}, or a live {@code stream} nothing buffers). A string or
 * bytes are read whole by the client, within callTimeout and maxResponseSize.
 */
final class DownloadReply {

    private static final Logger LOG = LoggerFactory.getLogger(DownloadReply.class);

    private DownloadReply() {}

    /**
     * Checks the outputFile before anything is asked of the service, then opens the contents ({@code open}, or
     * {@code readWhole} for a string or bytes; either may check what it downloads first) and delivers them.
     */
    static void write(
            String what,
            MessageOptions options,
            Message message,
            Supplier<InputStream> open,
            Supplier<byte[]> readWhole) {
        Path file = outputPath(options.notebooks().getOutputFile());
        // made before anything is asked of the service, so an unwritable folder fails first and costs no request
        Path part = file == null ? null : partFile(file);
        try {
            deliver(what, file, part, options, message, open, readWhole);
        } finally {
            if (part != null) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException e) {
                    LOG.warn("Could not remove the partial download {}: {}", part, e.getMessage());
                }
            }
        }
    }

    private static void deliver(
            String what,
            Path file,
            Path part,
            MessageOptions options,
            Message message,
            Supplier<InputStream> open,
            Supplier<byte[]> readWhole) {
        DownloadAs as = options.notebooks().getDownloadAs();
        if (file == null && as != DownloadAs.stream) {
            byte[] bytes = readWhole.get();
            message.setBody(as == DownloadAs.bytes ? bytes : new String(bytes, StandardCharsets.UTF_8));
            return;
        }
        InputStream in = open.get();
        if (file == null && as == DownloadAs.stream) {
            message.setBody(in);
            return;
        }
        try (in) {
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            // The complete file replaces the old one in one rename: a reader sees the old contents or the new, never
            // none and never half, and a failed download leaves the old file as it was. (Renaming over a fresh file
            // makes ext4 write the new one to disk first: safety costs time when replacing.)
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            message.setBody(file.toFile());
        } catch (IOException e) {
            throw new TileDBConnectionException("Downloading " + what + " failed: " + e.getMessage(), e);
        }
    }

    /** The download's temporary file beside {@code file}; an error naming the outputFile option when it cannot be made. */
    private static Path partFile(Path file) {
        try {
            return Files.createTempFile(file.getParent(), ".tiledb-", ".part");
        } catch (IOException | UnsupportedOperationException e) {
            throw new TileDBConfigurationException(
                    "The folder of the outputFile option (header " + OptionHeaders.headerOf("outputFile") + "), "
                            + file.getParent() + ", cannot be written: " + e.getMessage(),
                    e);
        }
    }

    /** The outputFile as an absolute path, checked before anything is asked of the service; null when not set. */
    private static Path outputPath(String outputFile) {
        if (outputFile == null) {
            return null;
        }
        Path file;
        try {
            file = Path.of(outputFile).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new TileDBConfigurationException(
                    "The outputFile option (header " + OptionHeaders.headerOf("outputFile") + ") is not a"
                            + " valid path: " + e.getMessage(),
                    e);
        }
        if (Files.isDirectory(file)) {
            throw new TileDBConfigurationException(
                    "The outputFile option (header " + OptionHeaders.headerOf("outputFile") + ") names the" + " folder "
                            + file + "; give the path of the file to write");
        }
        if (file.getParent() == null || !Files.isDirectory(file.getParent())) {
            throw new TileDBConfigurationException("The folder of the outputFile option (header "
                    + OptionHeaders.headerOf("outputFile") + "), " + file.getParent() + ", does not exist");
        }
        return file;
    }
}
