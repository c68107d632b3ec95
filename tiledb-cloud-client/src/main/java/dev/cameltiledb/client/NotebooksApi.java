package dev.cameltiledb.client;

import java.io.InputStream;

import dev.cameltiledb.client.model.ArrayEndTimestampData;
import dev.cameltiledb.client.model.ArrayInfoUpdate;
import dev.cameltiledb.client.model.NotebookCopied;
import dev.cameltiledb.client.model.NotebookCopy;
import dev.cameltiledb.client.model.NotebookUploaded;
import org.apache.hc.core5.http.ContentType;

/**
 * Notebook operations that need no TileDB native library: the REST upload, the file download, rename, copy,
 * versions and prune. Sharing, listing and info of notebooks are the {@link ArraysApi} calls (notebooks are arrays).
 */
public final class NotebooksApi {

    static final ContentType IPYNB = ContentType.create("application/x-ipynb+json");
    private static final String CREDENTIALS_HEADER = "X-TILEDB-CLOUD-ACCESS-CREDENTIALS-NAME";

    private final RestTransport transport;

    NotebooksApi(RestTransport transport) {
        this.transport = transport;
    }

    /**
     * Uploads notebook bytes: {@code POST /v2/notebooks/{namespace}/{storageUri}/upload?filesize=&name=}, the body
     * streamed as {@code application/octet-stream}. {@code storageUri} is where the new array lives
     * ({@code s3://bucket/notebooks/analysis}); {@code name} is its name in TileDB Cloud.
     *
     * @param content the bytes, with their exact length; a file or byte array can be resent on a retry, a stream
     *     cannot
     */
    public NotebookUploaded upload(
            String namespace, String storageUri, String name, UploadBody content, String credentialsName) {
        NamespaceRef home = NamespaceRef.parse(namespace);
        AssetRef.requireText(storageUri, "storage URI");
        RestRequest request = RestRequest.post(RestRequest.path("v2", "notebooks", home.asset(storageUri), "upload"))
                .about(home)
                .query("filesize", content.length())
                .query("name", name)
                .header(CREDENTIALS_HEADER, credentialsName)
                .body(content);
        return transport.call(request, transport.type(NotebookUploaded.class));
    }

    /**
     * The notebook's current contents as a live stream ({@code GET .../query/get_file}); close it to free the
     * connection. Nothing is buffered, whatever the size.
     */
    public InputStream download(AssetRef notebook, String payer) {
        return transport.open(downloadRequest(notebook, payer));
    }

    /**
     * The notebook's current contents read whole, within {@code callTimeout} and at most {@code maxResponseSize}
     * bytes: a notebook that never ends, or comes a byte a second, fails the call instead of filling the heap or
     * blocking it.
     */
    public byte[] downloadBytes(AssetRef notebook, String payer) {
        return transport.readBytes(downloadRequest(notebook, payer), RestTransport.WHOLE_DOWNLOAD_ADVICE);
    }

    private static RestRequest downloadRequest(AssetRef notebook, String payer) {
        return RestRequest.get(RestRequest.path("v1", "arrays", notebook, "query", "get_file"))
                .about(notebook)
                .jsonContentType()
                .header("Accept", IPYNB.getMimeType())
                .header("X-Payer", payer);
    }

    /** {@code rename_notebook}: a new name in the same namespace. */
    public void rename(AssetRef notebook, String newName) {
        AssetRef.requireText(newName, "new name");
        transport.call(RestRequest.patch(RestRequest.path("v1", "notebooks", notebook, "rename"))
                .about(notebook)
                .json(ArrayInfoUpdate.EMPTY.withRegistration(newName, null, null)));
    }

    /** Copies the notebook (as it was at {@code endTimestamp}, epoch ms, when given). */
    public NotebookCopied copy(AssetRef notebook, NotebookCopy target, Long endTimestamp, String credentialsName) {
        return transport.call(
                RestRequest.post(RestRequest.path("v1", "notebooks", notebook, "copy"))
                        .about(notebook)
                        .query("end_timestamp", endTimestamp)
                        .header(CREDENTIALS_HEADER, credentialsName)
                        .json(target),
                transport.type(NotebookCopied.class));
    }

    /** One page of the notebook's versions, as end timestamps in epoch milliseconds. */
    public Page<Long> versions(AssetRef notebook, int page, Integer perPage) {
        ArrayEndTimestampData data = transport.call(
                RestRequest.get(RestRequest.path("v1", "notebooks", notebook, "end_timestamps"))
                        .about(notebook)
                        .query("page", page)
                        .query("per_page", perPage),
                transport.type(ArrayEndTimestampData.class));
        return new Page<>(data.endTimestamps(), data.paginationMetadata());
    }

    /** Deletes all but the {@code keepVersions} most recent versions. */
    public void prune(AssetRef notebook, Integer keepVersions) {
        transport.call(RestRequest.post(RestRequest.path("v1", "notebooks", notebook, "prune"))
                .about(notebook)
                .query("keep_versions", keepVersions));
    }
}
