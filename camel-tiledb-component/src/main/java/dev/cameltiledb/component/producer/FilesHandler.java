package dev.cameltiledb.component.producer;

import java.util.Iterator;

import dev.cameltiledb.client.AssetRef;
import dev.cameltiledb.client.FileArraysApi;
import dev.cameltiledb.client.FilePaths;
import dev.cameltiledb.client.FileStat;
import dev.cameltiledb.client.FilesApi;
import dev.cameltiledb.client.NamespaceRef;
import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.client.model.FileCreate;
import dev.cameltiledb.client.model.FileCreated;
import dev.cameltiledb.client.model.FileUploaded;
import dev.cameltiledb.client.model.workspace.FileListing;
import dev.cameltiledb.component.OptionHeaders;
import dev.cameltiledb.component.TileDBConstants;
import dev.cameltiledb.component.TileDBOperation;
import dev.cameltiledb.component.TileDBResource;
import dev.cameltiledb.component.WorkspaceOptions;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The {@code tiledb:files} operations. On the workspace platform, a teamspace's S3-like file store: list, download,
 * stat, upload. On classic TileDB Cloud, file arrays (a file kept as an array of file type {@code file}): create from a
 * file in storage, upload, download, export. The address decides which: {@code tiledb://workspace/teamspace/path} or a
 * namespace {@code workspace/teamspace} is the file store, {@code tiledb://namespace/name} or a namespace alone a file
 * array. Contents stream both ways: an upload is sent from the body's file (an InputStream body is spooled to a
 * temporary file first, so its length is known), a download goes to outputFile or a live stream as downloadAs says.
 */
final class FilesHandler implements ResourceHandler {

    private final BodyConverter bodies = new BodyConverter();

    @Override
    public void handle(TileDBOperation operation, MessageOptions options, Message message, TileDBClient client) {
        if (operation == TileDBOperation.create
                || operation == TileDBOperation.export
                || options.classicForm().orElse(false)) {
            fileArray(operation, options, message, client.fileArrays());
            return;
        }
        FilesApi files = client.files();
        switch (operation) {
            case list -> list(operation, options, message, files);
            case download -> {
                AssetRef file = target(operation, options, message);
                DownloadReply.write(
                        file.toUri(), options, message, () -> files.download(file), () -> files.downloadBytes(file));
            }
            case stat -> {
                FileStat stat = files.stat(target(operation, options, message));
                message.setHeader(TileDBConstants.FILE_SIZE, stat.size());
                message.setHeader(TileDBConstants.FILE_ETAG, stat.etag());
                message.setBody(stat);
            }
            case upload -> {
                AssetRef file = target(operation, options, message);
                try (UploadSource source = UploadSource.of(message.getExchange())) {
                    message.setHeader(TileDBConstants.FILE_ETAG, files.upload(file, source.body()));
                }
            }
            default -> throw ResourceHandler.notHandled(TileDBResource.files, operation);
        }
    }

    /** The file addressed, its path checked by the rule of {@link FilePaths} before anything is sent. */
    private static AssetRef target(TileDBOperation operation, MessageOptions options, Message message) {
        AssetRef file = options.workspaceAsset(operation, null);
        String problem = FilePaths.problem(file.name());
        if (problem != null) {
            throw new TileDBConfigurationException("The file path '"
                    + FilePaths.escaped(FilePaths.shortened(file.name())) + "' " + problem + "; set the path option"
                    + " (header " + OptionHeaders.headerOf("path") + ") or tiledbUri (header "
                    + OptionHeaders.headerOf("tiledbUri") + ") to a path such as reports/2026/q1.csv");
        }
        message.setHeader(TileDBConstants.ASSET_URI, file.toUri());
        return file;
    }

    /**
     * The file-array operations: create and export (v1 calls, which also take a teamspace's namespace on the workspace
     * platform), and upload and download with a classic address.
     */
    private void fileArray(TileDBOperation operation, MessageOptions options, Message message, FileArraysApi files) {
        switch (operation) {
            case create -> {
                FileCreate body = bodies.optional(message.getBody(), FileCreate.class, operation);
                FileCreate given = body != null ? body : new FileCreate(null, null, null);
                String namespace = options.requiredNamespace(operation);
                FileCreated created = files.create(
                        namespace,
                        new FileCreate(
                                MessageOptions.require(
                                        ArraysHandler.firstText(options.arrays().getInputUri(), given.inputUri()),
                                        "inputUri",
                                        operation),
                                ArraysHandler.firstText(options.arrays().getStorageUri(), given.outputUri()),
                                ArraysHandler.firstText(options.array(), given.name())),
                        options.arrays().getCredentialsName());
                message.setBody(created);
                NotebooksHandler.created(message, new AssetRef(namespace, created.fileName()), null);
            }
            case export ->
                message.setBody(files.export(
                        fileArrayTarget(operation, options, message),
                        options.arrays().getStorageUri()));
            case download -> {
                AssetRef file = fileArrayTarget(operation, options, message);
                String payer = options.arrays().getPayer();
                DownloadReply.write(
                        file.toUri(),
                        options,
                        message,
                        () -> files.download(file, payer),
                        () -> files.downloadBytes(file, payer));
            }
            case upload -> {
                try (UploadSource source = UploadSource.of(message.getExchange())) {
                    AssetRef file = uploadTarget(operation, options, source);
                    String storageUri = options.arrays().getStorageUri();
                    String fileName = ArraysHandler.firstText(source.fileName(), options.camelFileName(), file.name());
                    FileUploaded uploaded = files.upload(
                            file.home().toString(),
                            storageUri != null ? storageUri : file.name(),
                            file.name(),
                            source.body(),
                            fileName,
                            message.getHeader(Exchange.CONTENT_TYPE, String.class),
                            options.arrays().getCredentialsName());
                    message.setBody(uploaded);
                    NotebooksHandler.created(message, file.withName(uploaded.fileName()), uploaded.id());
                }
            }
            default ->
                throw new TileDBConfigurationException("tiledb:files " + operation + " works on the workspace"
                        + " platform's file store; give a tiledb://workspace/teamspace/path address (classic file"
                        + " arrays are listed by tiledb:arrays with fileTypes=file)");
        }
    }

    private static AssetRef fileArrayTarget(TileDBOperation operation, MessageOptions options, Message message) {
        AssetRef file = options.arrayRef(operation);
        message.setHeader(TileDBConstants.ASSET_URI, file.toUri());
        return file;
    }

    /** tiledbUri or namespace + array, else the namespace and the body's file name. */
    private static AssetRef uploadTarget(TileDBOperation operation, MessageOptions options, UploadSource source) {
        if (options.hasTiledbUri() || options.array() != null) {
            return options.arrayRef(operation);
        }
        String name = ArraysHandler.firstText(source.fileName(), options.camelFileName());
        return new AssetRef(options.requiredNamespace(operation), MessageOptions.require(name, "array", operation));
    }

    /**
     * With page or continuationToken: one page, the whole {@link FileListing} (with the folders of a / delimiter) as
     * the body. Otherwise every file (not the folders), following the continuation tokens: a list, or with
     * streamResults a lazy iterator.
     */
    private static void list(TileDBOperation operation, MessageOptions options, Message message, FilesApi files) {
        NamespaceRef teamspace = options.teamspaceRef(operation);
        WorkspaceOptions w = options.workspaces();
        Integer perPage = options.listing().getPerPage();
        if (options.listing().getPage() != null || w.getContinuationToken() != null) {
            FileListing page =
                    files.list(teamspace, w.getPrefix(), w.getDelimiter(), perPage, w.getContinuationToken());
            message.setHeader(TileDBConstants.NEXT_CONTINUATION_TOKEN, page.nextContinuationToken());
            message.setBody(page);
            return;
        }
        Iterator<FileListing.StoredFile> all =
                files.walk(teamspace, w.getPrefix(), perPage, options.listing().getMaxResults());
        if (options.listing().isStreamResults()) {
            message.setBody(all);
            return;
        }
        message.setBody(ListingReply.collect(all, options.listing().getMaxResults()));
    }
}
