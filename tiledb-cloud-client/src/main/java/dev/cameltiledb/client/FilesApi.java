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
     * walk follows each page's continuation token and descends into its common prefixes, depth first. A listing that
     * would make the walk go round (a continuation token given twice, a folder listed as its own sub-folder) or run
     * past {@value PagedIterator#MAX_PAGES} pages fails it with a {@link TileDBException} naming the folder.
     */
    public Iterator<FileListing.StoredFile> walk(
            NamespaceRef teamspace, String prefix, Integer maxKeys, long maxResults) {
        return new FileWalk(
                (folder, token) -> list(teamspace, folder, DELIMITER, maxKeys, token),
                teamspace.describe(),
                prefix,
                maxResults,
                PagedIterator.MAX_PAGES);
    }

    /**
     * The file's contents as a live stream; close it to free the connection. Here and in {@link #stat} and
     * {@link #upload}, a path that breaks the rule of {@link FilePaths} is refused before anything is sent.
     */
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
        FilePaths.require(file.name());
        List<String> all = new ArrayList<>(List.of(FILES));
        all.addAll(file.segments());
        return all.toArray(String[]::new);
    }
}
