package dev.cameltiledb.emulator.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.cameltiledb.emulator.http.ApiFailure;
import dev.cameltiledb.emulator.http.Upload;
import dev.cameltiledb.emulator.state.StoredFile;

/**
 * The bytes of teamspace files: one file per file asset under {@code <files>/v4/<asset id>}. An upload streams to a
 * {@code .part} file in the files folder (which a restart clears) and is renamed into place only when complete, so a
 * cut-short upload leaves nothing behind and never half-replaces a file.
 */
public final class FileStore {

    /** An upload received whole: where it waits, its size and its ETag. */
    public record Received(Path part, long size, String etag) implements Upload.Received {
        /** The part file goes, unless it was moved into place. */
        @Override
        public void close() {
            discardQuietly(part);
        }
    }

    private final Path files;
    private final Path dir;

    public FileStore(Path files) {
        this.files = files;
        this.dir = files.resolve("v4");
    }

    /** Streams the body to a part file, never holding it in memory; an upload that breaks off is a 400. */
    public Received receive(InputStream body) {
        Path part = null;
        try {
            Files.createDirectories(files);
            part = Files.createTempFile(files, "file-", ".part");
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            long size;
            try (InputStream in = new DigestInputStream(body, md5)) {
                size = Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            return new Received(part, size, "\"" + HexFormat.of().formatHex(md5.digest()) + "\"");
        } catch (IOException e) {
            discard(part);
            throw ApiFailure.badRequest("the upload broke off: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            discard(part);
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    /** Moves a received upload into place as the file's bytes, replacing earlier ones. */
    public void install(Received received, StoredFile file) {
        try {
            Files.createDirectories(dir);
            Files.move(received.part(), of(file), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("emulator could not store file " + file.name, e);
        }
    }

    /** Opens the file's bytes at an offset; call under the state lock, so a concurrent replace cannot interfere. */
    InputStream open(StoredFile file, long offset) {
        try {
            InputStream in = Files.newInputStream(of(file));
            in.skipNBytes(offset);
            return in;
        } catch (IOException e) {
            throw new UncheckedIOException("emulator could not read file " + file.name, e);
        }
    }

    void delete(StoredFile file) {
        discard(of(file));
    }

    public void discard(Path path) {
        discardQuietly(path);
    }

    private static void discardQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a stray file is harmless: it belongs to no asset, and a part file is cleared at the next start
        }
    }

    private Path of(StoredFile file) {
        return dir.resolve(java.net.URLEncoder.encode(file.id, java.nio.charset.StandardCharsets.UTF_8));
    }
}
