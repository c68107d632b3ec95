package dev.cameltiledb.component;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import dev.cameltiledb.client.AssetRef;
import dev.cameltiledb.client.FilePaths;
import dev.cameltiledb.client.FileStat;
import dev.cameltiledb.client.FilesApi;
import dev.cameltiledb.client.NamespaceRef;
import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.client.model.workspace.FileListing;
import org.apache.camel.Message;

/**
 * The {@code tiledb:files} operations on a teamspace's S3-like file store: list, download, stat, upload. Contents
 * stream both ways: an upload is sent from the body's file (an InputStream body is spooled to a temporary file first,
 * so its length is known), a download goes to outputFile or a live stream as downloadAs says.
 */
final class FilesHandler implements ResourceHandler {

    @Override
    public void handle(TileDBOperation operation, MessageOptions options, Message message, TileDBClient client) {
        FilesApi files = client.files();
        switch (operation) {
            case list -> list(operation, options, message, files);
            case download -> {
                AssetRef file = target(operation, options, message);
                DownloadReply.write(file.toUri(), options, message, () -> files.download(file));
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
        List<FileListing.StoredFile> list = new ArrayList<>();
        all.forEachRemaining(list::add);
        message.setBody(list);
    }
}
