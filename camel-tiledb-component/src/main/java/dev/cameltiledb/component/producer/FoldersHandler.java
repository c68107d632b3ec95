package dev.cameltiledb.component.producer;

import java.util.List;

import dev.cameltiledb.camel.OptionText;
import dev.cameltiledb.client.AssetRef;
import dev.cameltiledb.client.FoldersApi;
import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.client.model.workspace.FolderContentsChange;
import dev.cameltiledb.client.model.workspace.FolderUpdate;
import dev.cameltiledb.component.TileDBConstants;
import dev.cameltiledb.component.TileDBOperation;
import dev.cameltiledb.component.TileDBResource;
import org.apache.camel.Message;

/**
 * The {@code tiledb:folders} operations: a teamspace's folders by path ({@code namespace=workspace/teamspace} with
 * {@code path}, or {@code tiledbUri}); assets move in with addMembers and out (to the root) with removeMembers.
 */
final class FoldersHandler implements ResourceHandler {

    private final BodyConverter bodies = new BodyConverter();

    @Override
    public void handle(TileDBOperation operation, MessageOptions options, Message message, TileDBClient client) {
        FoldersApi folders = client.folders();
        AssetRef folder = options.workspaceAsset(operation, null);
        message.setHeader(TileDBConstants.ASSET_URI, folder.toUri());
        switch (operation) {
            case create -> message.setBody(folders.create(folder, description(message)));
            case get -> message.setBody(folders.get(folder));
            case update -> folders.update(folder, bodies.required(message.getBody(), FolderUpdate.class, operation));
            case delete -> folders.delete(folder, options.workspaces().getDeleteAssets());
            case contents -> message.setBody(folders.contents(folder));
            case addMembers ->
                folders.changeContents(folder, new FolderContentsChange(members(options, operation), List.of()));
            case removeMembers ->
                folders.changeContents(folder, new FolderContentsChange(List.of(), members(options, operation)));
            default -> throw ResourceHandler.notHandled(TileDBResource.folders, operation);
        }
    }

    /** A String body is the new folder's description; no body, none. */
    private static String description(Message message) {
        Object body = message.getBody();
        return body instanceof String text && !text.isBlank() ? text : null;
    }

    private static List<String> members(MessageOptions options, TileDBOperation operation) {
        return MessageOptions.require(OptionText.list(options.groups().getMembers()), "members", operation);
    }
}
