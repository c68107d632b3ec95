package dev.cameltiledb.client;

import java.io.InputStream;
import java.util.Map;

import dev.cameltiledb.client.model.FileCreate;
import dev.cameltiledb.client.model.FileCreated;
import dev.cameltiledb.client.model.FileExported;
import dev.cameltiledb.client.model.FileUploaded;

/**
 * TileDB files of classic TileDB Cloud ({@code tiledb.cloud.files}): a file kept as an array of file type
 * {@code file}, listed, shared and logged like any array. Made from a file already in storage
 * ({@code POST /v1/files/{namespace}}) or uploaded ({@code POST /v2/files/{namespace}/{name}/upload}), read back
 * ({@code query/get_file}) or exported to storage as a plain file. The workspace platform's file store is
 * {@link FilesApi}.
 */
public final class FileArraysApi {

    private static final String CREDENTIALS_HEADER = "X-TILEDB-CLOUD-ACCESS-CREDENTIALS-NAME";

    private final RestTransport transport;

    FileArraysApi(RestTransport transport) {
        this.transport = transport;
    }

    /** {@code create_file}: a file array made from the file at {@code create.inputUri()}. */
    public FileCreated create(String namespace, FileCreate create, String credentialsName) {
        AssetRef.requireText(create.inputUri(), "input URI (the file in storage)");
        NamespaceRef home = NamespaceRef.parse(namespace);
        return transport.call(
                RestRequest.post(RestRequest.path("v1", "files", home))
                        .about(home)
                        .header(CREDENTIALS_HEADER, credentialsName)
                        .json(create),
                transport.type(FileCreated.class));
    }

    /**
     * {@code upload_file}: streams {@code content} into the file array {@code name} of the namespace (a new version
     * when it exists). {@code target} is where a new one is stored: a storage URI, or the name itself to let the
     * service pick the namespace's default location, as the Python client does.
     *
     * @param fileName the original file name kept with it; {@code mimeType} its media type (both may be null)
     */
    public FileUploaded upload(
            String namespace,
            String target,
            String name,
            UploadBody content,
            String fileName,
            String mimeType,
            String credentialsName) {
        AssetRef.requireText(name, "file name");
        return transport.call(
                NotebooksApi.rawUpload("files", namespace, target, name, content, credentialsName)
                        .query("filename", fileName)
                        .query("mimetype", mimeType),
                transport.type(FileUploaded.class));
    }

    /**
     * {@code export_file}: writes the file array back to storage as a plain file at {@code outputUri} (null: where the
     * service puts it, which the answer names).
     */
    public FileExported export(AssetRef file, String outputUri) {
        return transport.call(
                RestRequest.post(RestRequest.path("v1", "files", file, "export"))
                        .about(file)
                        .json(outputUri == null ? Map.of() : Map.of("output_uri", outputUri)),
                transport.type(FileExported.class));
    }

    /** The file's contents as a live stream; close it to free the connection. */
    public InputStream download(AssetRef file, String payer) {
        return transport.open(NotebooksApi.fileRequest(file, payer));
    }

    /** The file's contents read whole, within {@code callTimeout} and at most {@code maxResponseSize} bytes. */
    public byte[] downloadBytes(AssetRef file, String payer) {
        return transport.readBytes(NotebooksApi.fileRequest(file, payer), RestTransport.WHOLE_DOWNLOAD_ADVICE);
    }
}
