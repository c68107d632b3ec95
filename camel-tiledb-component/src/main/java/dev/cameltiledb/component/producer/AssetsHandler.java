package dev.cameltiledb.component.producer;

import java.util.List;

import dev.cameltiledb.camel.OptionText;
import dev.cameltiledb.client.AssetListQuery;
import dev.cameltiledb.client.AssetQuery;
import dev.cameltiledb.client.AssetRef;
import dev.cameltiledb.client.AssetsApi;
import dev.cameltiledb.client.ServerGeneration;
import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.client.model.workspace.AssetMetadata;
import dev.cameltiledb.client.model.workspace.AssetMove;
import dev.cameltiledb.client.model.workspace.AssetRegistration;
import dev.cameltiledb.client.model.workspace.AssetUpdate;
import dev.cameltiledb.component.TileDBConstants;
import dev.cameltiledb.component.TileDBOperation;
import dev.cameltiledb.component.TileDBResource;
import dev.cameltiledb.component.WorkspaceOptions;
import org.apache.camel.Message;

/**
 * The {@code tiledb:assets} operations: the assets of a teamspace by path ({@code namespace=workspace/teamspace}
 * with {@code path}, or {@code tiledbUri}), their metadata, registration and moves. On classic TileDB Cloud, the
 * asset listings of Python's {@code tiledb.cloud.asset}: list a namespace ({@code namespace=acme}; without one, the
 * caller's own, as Python does) and listPublic.
 */
final class AssetsHandler implements ResourceHandler {

    private final BodyConverter bodies = new BodyConverter();

    @Override
    public void handle(TileDBOperation operation, MessageOptions options, Message message, TileDBClient client) {
        AssetsApi assets = client.assets();
        WorkspaceOptions w = options.workspaces();
        switch (operation) {
            case list -> {
                if (options.classicForm().orElseGet(() -> client.serverGeneration() == ServerGeneration.CLASSIC)) {
                    String namespace = options.hasTiledbUri()
                            ? options.namespace()
                            : ArraysHandler.firstText(
                                    options.namespace(),
                                    client.users().profile().username());
                    String listed = MessageOptions.require(namespace, "namespace", operation);
                    AssetListQuery query = classicQuery(options);
                    ListingReply.write(message, options, page -> assets.listInNamespace(listed, query, page));
                    return;
                }
                AssetRef folder = options.workspaceAsset(operation, AssetsApi.ROOT);
                AssetQuery query = new AssetQuery(
                        w.getAssetType(),
                        w.getCreatedBy(),
                        options.listing().getOrderBy(),
                        w.getExpand(),
                        w.getIncludeSystemAssets(),
                        options.listing().getPerPage());
                ListingReply.write(message, options, page -> assets.list(folder, query, page));
            }
            case listPublic -> {
                AssetListQuery query = classicQuery(options);
                ListingReply.write(message, options, page -> assets.listPublic(query, page));
            }
            case get -> message.setBody(assets.get(target(operation, options, message)));
            case ancestors -> message.setBody(assets.path(target(operation, options, message)));
            case update ->
                assets.update(
                        target(operation, options, message),
                        bodies.required(message.getBody(), AssetUpdate.class, operation));
            case metadata -> {
                AssetRef asset = target(operation, options, message);
                ListingReply.write(
                        message,
                        options,
                        page -> assets.metadata(asset, page, options.listing().getPerPage()));
            }
            case updateMetadata ->
                message.setBody(assets.updateMetadata(
                        target(operation, options, message),
                        List.of(bodies.required(message.getBody(), AssetMetadata[].class, operation))));
            case deleteMetadata ->
                assets.deleteMetadata(
                        target(operation, options, message),
                        MessageOptions.require(OptionText.list(w.getMetadataKeys()), "metadataKeys", operation));
            case register -> register(operation, options, message, assets);
            case move ->
                assets.move(
                        options.teamspaceRef(operation),
                        new AssetMove(
                                MessageOptions.require(
                                        OptionText.list(options.groups().getMembers()), "members", operation),
                                MessageOptions.require(w.getTargetFolder(), "targetFolder", operation)));
            default -> throw ResourceHandler.notHandled(TileDBResource.assets, operation);
        }
    }

    /** The filters of the classic asset listings, as Python's asset.list and list_public take them. */
    private static AssetListQuery classicQuery(MessageOptions options) {
        return new AssetListQuery(
                options.workspaces().getAssetType(),
                nameOf(options.listing().getOwnershipLevel()),
                nameOf(options.listing().getDepth()),
                options.listing().getSearch(),
                options.listing().getOrderBy(),
                options.workspaces().getExpand(),
                options.listing().getPerPage());
    }

    private static AssetRef target(TileDBOperation operation, MessageOptions options, Message message) {
        AssetRef asset = options.workspaceAsset(operation, null);
        message.setHeader(TileDBConstants.ASSET_URI, asset.toUri());
        return asset;
    }

    /**
     * Registers the data at storageUri (or the body's uri) at the path option (or the body's path); the name defaults
     * to the path's last segment, as the service names it.
     */
    private void register(TileDBOperation operation, MessageOptions options, Message message, AssetsApi assets) {
        AssetRegistration body = bodies.optional(message.getBody(), AssetRegistration.class, operation);
        AssetRegistration given = body != null ? body : new AssetRegistration(null, null, null, null);
        String path = ArraysHandler.firstText(options.workspaces().getPath(), given.path());
        String uri = ArraysHandler.firstText(options.arrays().getStorageUri(), given.uri());
        AssetRegistration registration = new AssetRegistration(
                ArraysHandler.firstText(given.name(), path == null ? null : path.substring(path.lastIndexOf('/') + 1)),
                MessageOptions.require(uri, "storageUri", operation),
                MessageOptions.require(
                        ArraysHandler.firstText(options.arrays().getCredentialsName(), given.accessCredentialsName()),
                        "credentialsName",
                        operation),
                MessageOptions.require(path, "path", operation));
        assets.register(options.teamspaceRef(operation), registration);
        message.setHeader(
                TileDBConstants.ASSET_URI,
                options.teamspaceRef(operation).asset(registration.path()).toUri());
    }

    /** An enumerated filter as the service spells it; null when unset. */
    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
