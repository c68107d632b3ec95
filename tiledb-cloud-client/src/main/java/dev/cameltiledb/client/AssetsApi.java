package dev.cameltiledb.client;

import java.util.Iterator;
import java.util.List;

import dev.cameltiledb.client.model.AssetInfo;
import dev.cameltiledb.client.model.AssetListResponse;
import dev.cameltiledb.client.model.workspace.Asset;
import dev.cameltiledb.client.model.workspace.AssetMetadata;
import dev.cameltiledb.client.model.workspace.AssetMove;
import dev.cameltiledb.client.model.workspace.AssetRegistration;
import dev.cameltiledb.client.model.workspace.AssetUpdate;

/**
 * The assets of a teamspace ({@code /v4/assets}): arrays, groups, notebooks, files and folders, each named by its
 * path in the teamspace ({@code tiledb://workspace/teamspace/path}) or its id. Paths travel as one URL-encoded
 * segment; the teamspace's root is {@value #ROOT}. On classic TileDB Cloud, the asset listings of a namespace and of
 * the public assets ({@code /v1/assets}, {@code /v1/public_assets}: Python's {@code tiledb.cloud.asset.list} and
 * {@code list_public}).
 */
public final class AssetsApi {

    /** The teamspace's root folder, as listings name it. */
    public static final String ROOT = ".";

    private static final String ASSETS = "assets";
    private static final ClassicCall PUBLIC_LISTING = new ClassicCall(
            "the public asset listing (GET /v1/public_assets)",
            "list a teamspace's assets instead (namespace=workspace/teamspace)");

    private final WorkspaceCalls calls;

    AssetsApi(WorkspaceCalls calls) {
        this.calls = calls;
    }

    /** One page of the assets directly inside {@code folder} (a path, or {@link #ROOT}). */
    public Page<Asset> list(AssetRef folder, AssetQuery query, int page) {
        return calls.page(
                WorkspaceCalls.get(segments("list", folder))
                        .query("page", page)
                        .query("per_page", query.perPage())
                        .query("asset_type", query.assetType())
                        .query("created_by", query.createdBy())
                        .query("order_by", query.orderBy())
                        .query("expand", query.expand())
                        .query("include_system_assets", query.includeSystemAssets()),
                Asset.class);
    }

    /**
     * {@code tiledb.cloud.asset.list}: one page of the assets a classic namespace owns or is shared
     * ({@code GET /v1/assets/{namespace}}); a workspace-form namespace is refused, as the workspace platform lists a
     * folder with {@link #list(AssetRef, AssetQuery, int)}.
     */
    public Page<AssetInfo> listInNamespace(String namespace, AssetListQuery query, int page) {
        NamespaceRef home = NamespaceRef.parse(namespace);
        if (home.isWorkspace()) {
            throw new TileDBConfigurationException(home.describe() + " is a workspace-platform name; the classic"
                    + " asset listing takes a namespace (a user or organization), a teamspace lists its folders");
        }
        return classicPage(
                RestRequest.get(RestRequest.path("v1", ASSETS, home))
                        .about(home)
                        .query("ownership_level", query.ownershipLevel())
                        .query("expand", query.expand()),
                query,
                page);
    }

    /** {@code tiledb.cloud.asset.list_public}: one page of the public assets ({@code GET /v1/public_assets}). */
    public Page<AssetInfo> listPublic(AssetListQuery query, int page) {
        if (query.ownershipLevel() != null || query.expand() != null) {
            throw new TileDBConfigurationException("The public asset listing takes no ownership level and no"
                    + " expand; those filter the listing of a namespace");
        }
        return classicPage(RestRequest.get("v1", "public_assets").about(PUBLIC_LISTING), query, page);
    }

    private Page<AssetInfo> classicPage(RestRequest request, AssetListQuery query, int page) {
        RestTransport transport = calls.transport();
        AssetListResponse answer = transport.call(
                request.query("asset_type", query.assetType())
                        .query("depth", query.depth())
                        .query("search", query.search())
                        .query("page", page)
                        .query("per_page", query.perPage())
                        .query("order_by", query.orderBy()),
                transport.type(AssetListResponse.class));
        return new Page<>(answer.data(), answer.paginationMetadata());
    }

    /**
     * Every asset inside {@code folder}, fetched a page at a time as the iterator advances: 100,000 assets never sit in
     * memory together. {@code maxResults} 0 means all.
     */
    public Iterator<Asset> walk(AssetRef folder, AssetQuery query, long maxResults) {
        return new PagedIterator<>(page -> list(folder, query, page), maxResults);
    }

    /** The assets along a path: for {@code a/b/c}, the assets {@code a}, {@code a/b} and {@code a/b/c}. */
    public List<Asset> path(AssetRef asset) {
        return calls.list(WorkspaceCalls.get(segments("path", asset)), Asset.class);
    }

    /** One asset by path or id. */
    public Asset get(AssetRef asset) {
        return calls.one(WorkspaceCalls.get(segments("item", asset)), Asset.class);
    }

    /** Changes an asset's name, description or type; a new name moves it within its folder. */
    public void update(AssetRef asset, AssetUpdate update) {
        calls.send(WorkspaceCalls.patch(segments("item", asset)).json(update));
    }

    /** One page of the asset's metadata. */
    public Page<AssetMetadata> metadata(AssetRef asset, int page, Integer perPage) {
        return calls.page(
                WorkspaceCalls.get(segments("item", asset, "metadata"))
                        .query("page", page)
                        .query("per_page", perPage),
                AssetMetadata.class);
    }

    /** Sets metadata entries (adding or replacing by key); answers what was saved. */
    public List<AssetMetadata> updateMetadata(AssetRef asset, List<AssetMetadata> entries) {
        if (entries == null || entries.isEmpty()) {
            throw new TileDBConfigurationException("Updating metadata needs at least one entry");
        }
        return calls.list(
                WorkspaceCalls.patch(segments("item", asset, "metadata")).json(entries), AssetMetadata.class);
    }

    /** Removes metadata entries by key. */
    public void deleteMetadata(AssetRef asset, List<String> keys) {
        if (keys == null || keys.isEmpty()) {
            throw new TileDBConfigurationException("Deleting metadata needs at least one key");
        }
        calls.send(WorkspaceCalls.delete(segments("item", asset, "metadata")).queryAll("metadata_key", keys));
    }

    /** Registers existing data (an array or group at a storage URI) as an asset of the teamspace. */
    public void register(NamespaceRef teamspace, AssetRegistration registration) {
        AssetRef.requireText(registration.uri(), "storage URI");
        AssetRef.requireText(registration.accessCredentialsName(), "credentials name (the service requires it)");
        calls.send(WorkspaceCalls.post(teamspaceSegments("register", teamspace)).json(registration));
    }

    /** Moves assets (paths or ids) into the {@code target} folder. */
    public void move(NamespaceRef teamspace, AssetMove move) {
        if (move.assetsToAdd() == null || move.assetsToAdd().isEmpty()) {
            throw new TileDBConfigurationException("Moving assets needs at least one asset");
        }
        AssetRef.requireText(move.target(), "target folder");
        calls.send(WorkspaceCalls.post(teamspaceSegments("move", teamspace)).json(move));
    }

    private static String[] segments(String kind, AssetRef asset, String... tail) {
        requireWorkspaceForm(asset);
        List<String> all = new java.util.ArrayList<>(List.of(ASSETS, kind));
        all.addAll(asset.segments());
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }

    private static String[] teamspaceSegments(String kind, NamespaceRef teamspace) {
        requireWorkspaceForm(teamspace);
        return new String[] {ASSETS, kind, teamspace.namespace(), teamspace.teamspace()};
    }

    /** Workspace-platform calls need workspace-platform names: a classic one is an error naming both forms. */
    static void requireWorkspaceForm(Address address) {
        if (!address.isWorkspace()) {
            throw new TileDBConfigurationException(address.describe()
                    + " is a classic name; the workspace platform's assets, folders and files are named"
                    + " tiledb://workspace/teamspace/path (or a namespace workspace/teamspace)");
        }
    }
}
