package dev.cameltiledb.client;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import dev.cameltiledb.client.model.workspace.FileListing;

/**
 * The files of a teamspace ({@code /v4/files}), an S3-like store: list by prefix, read, stat, write. Contents are
 * streamed both ways; nothing is held in memory whole.
 */
public final class FilesApi {

    private static final String FILES = "files";
    /** The only delimiter the service knows, and one it requires. */
    public static final String DELIMITER = "/";

    private final WorkspaceCalls calls;

    FilesApi(WorkspaceCalls calls) {
        this.calls = calls;
    }

    /**
     * One page of one folder level under {@code prefix} (S3 {@code ListObjectsV2}): its files, and its sub-folders as
     * common prefixes; the delimiter is {@value #DELIMITER} when null. Pass the previous page's
     * {@code nextContinuationToken} for the next.
     */
    public FileListing list(
            NamespaceRef teamspace, String prefix, String delimiter, Integer maxKeys, String continuationToken) {
        AssetsApi.requireWorkspaceForm(teamspace);
        return calls.transport()
                .call(
                        WorkspaceCalls.get(FILES, teamspace.namespace(), teamspace.teamspace())
                                .query("list-type", 2)
                                .query("prefix", prefix)
                                .query("delimiter", delimiter == null ? DELIMITER : delimiter)
                                .query("max-keys", maxKeys)
                                .query("continuation-token", continuationToken),
                        calls.transport().type(FileListing.class));
    }

    /**
     * Every file under {@code prefix}, at any depth, fetched a page at a time as the iterator advances; {@code
     * maxResults} 0 means all. The service lists one folder level per call ({@code delimiter=/} is required), so the
     * walk follows each page's continuation token and descends into its common prefixes, depth first.
     */
    public Iterator<FileListing.StoredFile> walk(
            NamespaceRef teamspace, String prefix, Integer maxKeys, long maxResults) {
        return new Iterator<>() {
            /** Listings still to read: a prefix and the token to go on with (null for its first page). */
            private final Deque<String[]> pending =
                    new ArrayDeque<>(List.<String[]>of(new String[] {prefix == null ? "" : prefix, null}));

            private Iterator<FileListing.StoredFile> files = Collections.emptyIterator();
            private long delivered;

            @Override
            public boolean hasNext() {
                if (maxResults > 0 && delivered >= maxResults) {
                    return false;
                }
                while (!files.hasNext() && !pending.isEmpty()) {
                    String[] next = pending.pop();
                    FileListing page = list(teamspace, next[0], DELIMITER, maxKeys, next[1]);
                    if (Boolean.TRUE.equals(page.truncated())) {
                        if (page.nextContinuationToken() == null
                                || page.nextContinuationToken().isBlank()) {
                            throw new TileDBException(
                                    "A truncated file listing of " + teamspace + " gave no NextContinuationToken",
                                    null);
                        }
                        pending.push(new String[] {next[0], page.nextContinuationToken()});
                    }
                    if (page.commonPrefixes() != null) {
                        // pushed after the continuation, so a folder is read before the rest of its parent
                        List<FileListing.CommonPrefix> folders = page.commonPrefixes();
                        for (int k = folders.size() - 1; k >= 0; k--) {
                            pending.push(new String[] {folders.get(k).prefix(), null});
                        }
                    }
                    files = filesOf(page);
                }
                return files.hasNext();
            }

            @Override
            public FileListing.StoredFile next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("No more files in this listing");
                }
                delivered++;
                return files.next();
            }
        };
    }

    private static Iterator<FileListing.StoredFile> filesOf(FileListing page) {
        return page.objects() == null
                ? Collections.emptyIterator()
                : page.objects().iterator();
    }

    /** The file's contents as a live stream; close it to free the connection. */
    public InputStream download(AssetRef file) {
        return calls.transport().open(downloadRequest(file));
    }

    /**
     * The file's contents read whole, within {@code callTimeout} and at most {@code maxResponseSize} bytes; larger
     * files are for {@link #download(AssetRef)}.
     */
    public byte[] downloadBytes(AssetRef file) {
        return calls.transport().readBytes(downloadRequest(file), RestTransport.WHOLE_DOWNLOAD_ADVICE);
    }

    private static RestRequest downloadRequest(AssetRef file) {
        // any type: a file is stored with its own (and the service's generated clients accept any)
        return WorkspaceCalls.get(segments(file)).header("Accept", "*/*");
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
