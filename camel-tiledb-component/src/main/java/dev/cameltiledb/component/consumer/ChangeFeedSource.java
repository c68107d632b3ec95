package dev.cameltiledb.component.consumer;

import java.time.Instant;
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
 * What a change feed watches ({@link TileDBChangeConsumer}): how to page through it, in its usual order and most
 * recently changed first, what identifies an item, and how to ask about one the listing no longer shows. Arrays,
 * notebooks and groups are read from the browser listing of a namespace (or teamspace), whose recency order is
 * {@code orderby=last_accessed}; assets from the {@code /v4} listing of one folder of a teamspace, whose recency order
 * is {@code order_by=updated_at desc}.
 */
interface ChangeFeedSource {

    /** The client's JSON mapping, to build a deleted item's body in the feed's own type. */
    ObjectMapper MAPPER = TileDBJson.mapper();

    /** What the feed watches, for logs: {@code acme}, or {@code acme/research, folder reports}. */
    String scope();

    /** The listing in its usual order (full listings), or most recently changed first ({@code recent}). */
    PageSource<Object> listing(TileDBClient client, boolean recent);

    /** The request of {@link #listing} without its page, to share its pages between the consumers of one node. */
    String request(boolean recent);

    /** When the item last changed, as the recent listing orders it; null when its answer does not say. */
    Instant recencyOf(Object item);

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

    /**
     * Arrays, notebooks or groups of a namespace, from the browser listing of what the caller owns; the recent listing
     * is ordered by {@code last_accessed}, which the service moves with each logged access, changes included.
     */
    record Browser(TileDBResource resource, TileDBConfiguration c) implements ChangeFeedSource {

        static final String RECENT_ORDER = "last_accessed";

        @Override
        public String scope() {
            return c.getNamespace();
        }

        @Override
        public String request(boolean recent) {
            return resource + " browser/owned namespace=" + c.getNamespace() + " per_page="
                    + c.getListing().getPerPage() + (recent ? " orderby=" + RECENT_ORDER : "");
        }

        @Override
        public Instant recencyOf(Object item) {
            return item instanceof GroupInfo g ? g.lastAccessed() : ((ArrayInfo) item).lastAccessed();
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public PageSource<Object> listing(TileDBClient client, boolean recent) {
            ListingFilters filters = new ListingFilters(
                    null,
                    c.getNamespace(),
                    recent ? RECENT_ORDER : null,
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
     * root by default), from {@code GET /v4/assets/list}; sub-folders are items, their contents are not. The recent
     * listing is ordered by {@code updated_at}, the time of an asset's last change, newest first.
     */
    final class Assets implements ChangeFeedSource {

        static final String RECENT_ORDER = "updated_at desc";

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
        public String request(boolean recent) {
            return "assets list " + teamspace + "/" + folder + " per_page=" + perPage
                    + (recent ? " order_by=" + RECENT_ORDER : "");
        }

        @Override
        public Instant recencyOf(Object item) {
            return ((Asset) item).updatedAt() == null
                    ? null
                    : ((Asset) item).updatedAt().toInstant();
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public PageSource<Object> listing(TileDBClient client, boolean recent) {
            AssetRef listed = teamspace.asset(folder);
            AssetQuery query = new AssetQuery(null, null, recent ? RECENT_ORDER : null, null, null, perPage);
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
