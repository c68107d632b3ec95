package dev.cameltiledb.component.consumer;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.client.ArrayListQuery;
import dev.cameltiledb.client.AssetQuery;
import dev.cameltiledb.client.AssetRef;
import dev.cameltiledb.client.AssetsApi;
import dev.cameltiledb.client.GroupListQuery;
import dev.cameltiledb.client.Listing;
import dev.cameltiledb.client.ListingFilters;
import dev.cameltiledb.client.NamespaceRef;
import dev.cameltiledb.client.Page;
import dev.cameltiledb.client.PageSource;
import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.client.TileDBJson;
import dev.cameltiledb.client.model.ArrayInfo;
import dev.cameltiledb.client.model.GroupInfo;
import dev.cameltiledb.client.model.workspace.Asset;
import dev.cameltiledb.component.OptionHeaders;
import dev.cameltiledb.component.TileDBConfiguration;
import dev.cameltiledb.component.TileDBResource;

/**
 * What a change feed watches ({@link TileDBChangeConsumer}): how to page through it, what identifies an item, and
 * how to ask about one the listing no longer shows. Arrays, notebooks and groups are read from the browser listing of
 * a namespace (or teamspace); assets from the {@code /v4} listing of one folder of a teamspace.
 */
interface ChangeFeedSource {

    /** The client's JSON mapping, to build a deleted item's body in the feed's own type. */
    ObjectMapper MAPPER = TileDBJson.mapper();

    /** What the feed watches, for logs: {@code acme}, or {@code acme/research, folder reports}. */
    String scope();

    PageSource<Object> listing(TileDBClient client);

    String idOf(Object item);

    /** The item's address, remembered to ask about it once the listing stops showing it. */
    AssetRef addressOf(Object item);

    /** The item at {@code address} now; a {@code TileDBNotFoundException} when there is none. */
    Object current(TileDBClient client, AssetRef address);

    /** A {@code deleted} exchange's body: the item's identity, in the type the feed emits. */
    Object deletedBody(String id, AssetRef address);

    static ChangeFeedSource of(TileDBResource resource, TileDBConfiguration c) {
        return resource == TileDBResource.assets ? new Assets(c) : new Browser(resource, c);
    }

    /** Arrays, notebooks or groups of a namespace, from the browser listing of what the caller owns. */
    record Browser(TileDBResource resource, TileDBConfiguration c) implements ChangeFeedSource {

        @Override
        public String scope() {
            return c.getNamespace();
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public PageSource<Object> listing(TileDBClient client) {
            ListingFilters filters = new ListingFilters(
                    null,
                    c.getNamespace(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    c.getListing().getPerPage());
            return switch (resource) {
                case groups ->
                    page -> (Page)
                            client.groups().browse(Listing.OWNED, new GroupListQuery(filters, null, true, null), page);
                case notebooks ->
                    page -> (Page) client.arrays()
                            .browse(
                                    Listing.OWNED,
                                    new ArrayListQuery(filters, List.of(ArrayListQuery.NOTEBOOK), null, null),
                                    page);
                default ->
                    page -> (Page)
                            client.arrays().browse(Listing.OWNED, new ArrayListQuery(filters, null, null, null), page);
            };
        }

        @Override
        public String idOf(Object item) {
            return item instanceof GroupInfo g ? g.id() : ((ArrayInfo) item).id();
        }

        @Override
        public AssetRef addressOf(Object item) {
            return item instanceof GroupInfo g
                    ? new AssetRef(g.namespace(), g.name())
                    : new AssetRef(((ArrayInfo) item).namespace(), ((ArrayInfo) item).name());
        }

        @Override
        public Object current(TileDBClient client, AssetRef address) {
            return resource == TileDBResource.groups
                    ? client.groups().info(address)
                    : client.arrays().info(address);
        }

        @Override
        public Object deletedBody(String id, AssetRef address) {
            Map<String, Object> identity = Map.of(
                    "id", id,
                    "namespace", address.home().toString(),
                    "name", address.name(),
                    "tiledb_uri", address.toUri());
            Class<?> type = resource == TileDBResource.groups ? GroupInfo.class : ArrayInfo.class;
            return MAPPER.convertValue(identity, type);
        }
    }

    /**
     * The assets directly inside one folder of a teamspace ({@code namespace=workspace/teamspace}, {@code path}, the
     * root by default), from {@code GET /v4/assets/list}; sub-folders are items, their contents are not.
     */
    final class Assets implements ChangeFeedSource {

        private final NamespaceRef teamspace;
        private final String folder;
        private final Integer perPage;

        /** Checks the address once, when the consumer is made: a classic namespace fails the route's start. */
        Assets(TileDBConfiguration c) {
            this.teamspace = NamespaceRef.parse(
                    OptionHeaders.TABLE.require(c.getNamespace(), "namespace", "A tiledb:assets change feed"));
            if (!teamspace.isWorkspace()) {
                throw new dev.cameltiledb.client.TileDBConfigurationException("A tiledb:assets change feed watches a"
                        + " folder of a teamspace: set namespace to workspace/teamspace, was '" + teamspace + "'");
            }
            String path = c.getWorkspaceOptions().getPath();
            this.folder = path == null || path.isBlank() ? AssetsApi.ROOT : path;
            this.perPage = c.getListing().getPerPage();
        }

        @Override
        public String scope() {
            return teamspace + ", folder " + folder;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public PageSource<Object> listing(TileDBClient client) {
            AssetRef listed = teamspace.asset(folder);
            AssetQuery query = new AssetQuery(null, null, null, null, null, perPage);
            return page -> (Page) client.assets().list(listed, query, page);
        }

        @Override
        public String idOf(Object item) {
            return ((Asset) item).id();
        }

        @Override
        public AssetRef addressOf(Object item) {
            return teamspace.asset(((Asset) item).path());
        }

        @Override
        public Object current(TileDBClient client, AssetRef address) {
            return client.assets().get(address);
        }

        @Override
        public Object deletedBody(String id, AssetRef address) {
            String path = address.name();
            Map<String, Object> identity = Map.of(
                    "id",
                    id,
                    "path",
                    path,
                    "name",
                    path.substring(path.lastIndexOf('/') + 1),
                    "tiledb_uri",
                    address.toUri());
            return MAPPER.convertValue(identity, Asset.class);
        }
    }
}
