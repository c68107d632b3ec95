package dev.cameltiledb.client;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import dev.cameltiledb.client.model.workspace.FileListing;

/**
 * The files of a teamspace ({@code /v4/files}), an S3-like store: list by prefix, read, stat, write. Contents are
 * streamed both ways; nothing is held in memory whole.
 */
public final class FilesApi {

    private static final String FILES = "files";

    private final WorkspaceCalls calls;

    FilesApi(WorkspaceCalls calls) {
        this.calls = calls;
    }

    /**
     * One page of files under {@code prefix} (S3 {@code ListObjectsV2}); with the delimiter {@code /}, sub-folders come
     * as common prefixes. Pass the previous page's {@code nextContinuationToken} for the next.
     */
    public FileListing list(
            NamespaceRef teamspace, String prefix, String delimiter, Integer maxKeys, String continuationToken) {
        AssetsApi.requireWorkspaceForm(teamspace);
        return calls.transport()
                .call(
                        WorkspaceCalls.get(FILES, teamspace.namespace(), teamspace.teamspace())
                                .query("list-type", 2)
                                .query("prefix", prefix)
                                .query("delimiter", delimiter)
                                .query("max-keys", maxKeys)
                                .query("continuation-token", continuationToken),
                        calls.transport().type(FileListing.class));
    }

    /**
     * Every file under {@code prefix}, fetched a page at a time (following {@code NextContinuationToken}) as the
     * iterator advances; {@code maxResults} 0 means all. Folders (common prefixes) are not items of this walk.
     */
    public Iterator<FileListing.StoredFile> walk(
            NamespaceRef teamspace, String prefix, String delimiter, Integer maxKeys, long maxResults) {
        return new Iterator<>() {
            private FileListing page = list(teamspace, prefix, delimiter, maxKeys, null);
            private Iterator<FileListing.StoredFile> files = filesOf(page);
            private long delivered;

            @Override
            public boolean hasNext() {
                if (maxResults > 0 && delivered >= maxResults) {
                    return false;
                }
                while (!files.hasNext() && Boolean.TRUE.equals(page.truncated())) {
                    String next = page.nextContinuationToken();
                    if (next == null || next.isBlank()) {
                        throw new TileDBException(
                                "A truncated file listing of " + teamspace + " gave no NextContinuationToken", null);
                    }
                    page = list(teamspace, prefix, delimiter, maxKeys, next);
                    files = filesOf(page);
                }
                return files.hasNext();
            }

            @Override
            public FileListing.StoredFile next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException("No more files in this listing");
                }
                delivered++;
                return files.next();
            }
        };
    }

    private static Iterator<FileListing.StoredFile> filesOf(FileListing page) {
        return page.objects() == null
                ? java.util.Collections.emptyIterator()
                : page.objects().iterator();
    }

    /** The file's contents as a live stream; close it to free the connection. */
    public InputStream download(AssetRef file) {
        return calls.transport().open(WorkspaceCalls.get(segments(file)).header("Accept", "application/octet-stream"));
    }

    /** The file's size, ETag and last change, from a {@code HEAD} request. */
    public FileStat stat(AssetRef file) {
        Map<String, String> headers = calls.transport().callForHeaders(WorkspaceCalls.head(segments(file)));
        String length = headers.get("content-length");
        return new FileStat(
                length == null ? null : Long.valueOf(length),
                headers.get("etag"),
                headers.get("last-modified"),
                headers.get("content-type"));
    }

    /**
     * Writes the file (replacing one at the same path), streamed as {@code application/octet-stream}; answers its
     * ETag. The length must be known: a stream of unknown length is refused before anything is sent.
     */
    public String upload(AssetRef file, UploadBody content) {
        return calls.transport()
                .callForHeaders(WorkspaceCalls.put(segments(file)).body(content))
                .get("etag");
    }

    private static String[] segments(AssetRef file) {
        AssetsApi.requireWorkspaceForm(file);
        List<String> all = new ArrayList<>(List.of(FILES));
        all.addAll(file.segments());
        return all.toArray(String[]::new);
    }
}
