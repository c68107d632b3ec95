package dev.cameltiledb.component.producer;

import java.util.List;

import dev.cameltiledb.camel.OptionText;
import dev.cameltiledb.client.ActivityQuery;
import dev.cameltiledb.client.ArrayListQuery;
import dev.cameltiledb.client.ArraysApi;
import dev.cameltiledb.client.AssetRef;
import dev.cameltiledb.client.Listing;
import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.client.model.ArrayInfoUpdate;
import dev.cameltiledb.client.model.ArraySchema;
import dev.cameltiledb.client.model.QueryJson;
import dev.cameltiledb.client.model.QueryRanges;
import dev.cameltiledb.component.OptionHeaders;
import dev.cameltiledb.component.TileDBConstants;
import dev.cameltiledb.component.TileDBOperation;
import dev.cameltiledb.component.TileDBResource;
import org.apache.camel.Message;

/**
 * The {@code tiledb:arrays} operations. Each case maps the message's options onto one {@link ArraysApi} call and
 * puts the typed result in the body; operations that return nothing leave the body as it was.
 */
final class ArraysHandler implements ResourceHandler {

    private final BodyConverter bodies = new BodyConverter();
    private final Sharing sharing = new Sharing();
    /** Lists only this file type (notebooks are arrays of file type notebook); null lists every array. */
    private final String fileType;

    ArraysHandler() {
        this(null);
    }

    ArraysHandler(String fileType) {
        this.fileType = fileType;
    }

    @Override
    public void handle(TileDBOperation operation, MessageOptions options, Message message, TileDBClient client) {
        ArraysApi arrays = client.arrays();
        switch (operation) {
            case list -> browse(Listing.OWNED, options, message, arrays);
            case listShared -> browse(Listing.SHARED, options, message, arrays);
            case listPublic -> browse(Listing.PUBLIC, options, message, arrays);
            case sidebar -> message.setBody(arrays.sidebar(Listing.OWNED, listQuery(options)));
            case sharedSidebar -> message.setBody(arrays.sidebar(Listing.SHARED, listQuery(options)));
            case publicSidebar -> message.setBody(arrays.sidebar(Listing.PUBLIC, listQuery(options)));
            case listInNamespace ->
                message.setBody(arrays.listInNamespace(
                        options.requiredNamespace(operation), options.listing().getWithMetadata()));
            case listAll ->
                message.setBody(arrays.listAll(nameOf(options.listing().getPublicShare())));
            case lastAccessed -> message.setBody(arrays.lastAccessed());
            case info -> message.setBody(arrays.info(target(operation, options, message)));
            case schema -> message.setBody(arrays.schema(target(operation, options, message)));
            case create -> create(operation, options, message, arrays);
            case register -> register(operation, options, message, arrays);
            case deregister -> arrays.deregister(target(operation, options, message));
            case delete -> arrays.delete(target(operation, options, message));
            case update ->
                arrays.update(
                        target(operation, options, message),
                        bodies.required(message.getBody(), ArrayInfoUpdate.class, operation));
            case share -> sharing.share(operation, options, message, arrays, target(operation, options, message));
            case unshare -> sharing.unshare(operation, options, arrays, target(operation, options, message));
            case sharingPolicies -> sharing.policies(message, arrays, target(operation, options, message));
            case activity ->
                message.setBody(arrays.activity(
                        target(operation, options, message),
                        new ActivityQuery(
                                MessageOptions.epochSeconds(options.arrays().getStartTime(), "startTime"),
                                MessageOptions.epochSeconds(options.arrays().getEndTime(), "endTime"),
                                options.arrays().eventTypeList(),
                                options.arrays().getTaskId(),
                                options.arrays().getHasTaskId())));
            case activityEvent ->
                message.setBody(arrays.activityEvent(
                        target(operation, options, message),
                        MessageOptions.require(options.arrays().getActivityId(), "activityId", operation)));
            case metadataJson ->
                message.setBody(arrays.metadataJson(
                        target(operation, options, message),
                        options.arrays().getMetadataLength(),
                        options.arrays().getEndTimestamp()));
            case nonEmptyDomain ->
                message.setBody(arrays.nonEmptyDomain(
                        target(operation, options, message), options.arrays().getPayer()));
            case nonEmptyDomainJson -> message.setBody(arrays.nonEmptyDomainJson(target(operation, options, message)));
            case fragmentEndTimestamp ->
                message.setBody(arrays.fragmentEndTimestamp(
                        target(operation, options, message), options.arrays().getEndTimestamp()));
            case versions -> versions(operation, options, message, client);
            case sample ->
                message.setBody(arrays.sample(
                        target(operation, options, message), options.arrays().getSamples()));
            case maxBufferSizes ->
                message.setBody(arrays.maxBufferSizes(
                        target(operation, options, message),
                        MessageOptions.require(options.arrays().getSubarray(), "subarray", operation),
                        options.arrays().getPayer()));
            case query -> query(operation, options, message, arrays);
            case read -> CellReads.read(options, message, client.cells(), target(operation, options, message));
            case write -> CellWrites.write(options, message, client.cells(), target(operation, options, message));
            default -> throw ResourceHandler.notHandled(TileDBResource.arrays, operation);
        }
    }

    private void browse(Listing listing, MessageOptions options, Message message, ArraysApi arrays) {
        ArrayListQuery query = listQuery(options);
        ListingReply.write(message, options, page -> arrays.browse(listing, query, page));
    }

    /** The filters of the browser listings and their sidebars; a notebooks endpoint lists notebooks only. */
    private ArrayListQuery listQuery(MessageOptions options) {
        return new ArrayListQuery(
                options.listingFilters(),
                fileType != null
                        ? List.of(fileType)
                        : OptionText.list(options.listing().getFileTypes()),
                OptionText.list(options.listing().getExcludeFileTypes()),
                options.listing().filePropertyPairs());
    }

    /**
     * An array's or a notebook's versions: the same paged end timestamps, asked of the array calls or (on a notebooks
     * endpoint) of the notebook calls, as the Python client does for each.
     */
    private void versions(TileDBOperation operation, MessageOptions options, Message message, TileDBClient client) {
        AssetRef asset = target(operation, options, message);
        Integer perPage = options.listing().getPerPage();
        ListingReply.write(
                message,
                options,
                page -> ArrayListQuery.NOTEBOOK.equals(fileType)
                        ? client.notebooks().versions(asset, page, perPage)
                        : client.arrays().versions(asset, page, perPage));
    }

    /**
     * The JSON query of a slice (ranges, fields, layout): rows, collected or lazily ({@link TaskReply#rows}). The
     * slice is checked before the request is sent.
     */
    private static void query(TileDBOperation operation, MessageOptions options, Message message, ArraysApi arrays) {
        AssetRef array = target(operation, options, message);
        QueryJson query = new QueryJson(
                new QueryRanges(SliceOptions.layout(options.data().getLayout()), SliceOptions.ranges(options)),
                OptionText.list(options.data().getFields()));
        TaskReply.rows(
                message,
                options,
                arrays.queryJson(array, query, options.arrays().getPayer()));
    }

    /** Resolves the asset and tells the route which one it was. */
    private static AssetRef target(TileDBOperation operation, MessageOptions options, Message message) {
        AssetRef ref = options.arrayRef(operation);
        message.setHeader(TileDBConstants.ASSET_URI, ref.toUri());
        return ref;
    }

    /**
     * The storage URI is taken from the storageUri option, else the schema's own uri, else the array option, and
     * becomes the path segment as the Python client sends it.
     */
    private void create(TileDBOperation operation, MessageOptions options, Message message, ArraysApi arrays) {
        ArraySchema schema = bodies.required(message.getBody(), ArraySchema.class, operation);
        String namespace = options.requiredNamespace(operation);
        String location = firstText(options.arrays().getStorageUri(), schema.uri(), options.array());
        if (location == null) {
            throw new TileDBConfigurationException(
                    "The create operation needs where to create the array: set the storageUri"
                            + " option (header " + OptionHeaders.headerOf("storageUri") + "), the schema's uri,"
                            + " or the array option (header " + OptionHeaders.headerOf("array") + ")");
        }
        AssetRef ref = new AssetRef(namespace, location);
        arrays.create(ref, schema, options.arrays().getCredentialsName());
        message.setHeader(TileDBConstants.ASSET_URI, ref.toUri());
    }

    /**
     * Registers the storage URI (storageUri option or the body's uri) under the name from the body or the array
     * option; the body may be an {@link ArrayInfoUpdate} with description, tags and so on, or empty.
     */
    private void register(TileDBOperation operation, MessageOptions options, Message message, ArraysApi arrays) {
        ArrayInfoUpdate body = bodies.optional(message.getBody(), ArrayInfoUpdate.class, operation);
        ArrayInfoUpdate details = body != null ? body : ArrayInfoUpdate.EMPTY;
        String namespace = options.requiredNamespace(operation);
        String storageUri = firstText(options.arrays().getStorageUri(), details.uri());
        String name = firstText(details.name(), options.array());
        if (storageUri == null || name == null) {
            throw new TileDBConfigurationException(
                    "The register operation needs the storage URI (storageUri option, header "
                            + OptionHeaders.headerOf("storageUri") + ", or the body's uri) and a name (array option,"
                            + " header " + OptionHeaders.headerOf("array") + ", or the body's name)");
        }
        ArrayInfoUpdate registration = details.withRegistration(
                name,
                storageUri,
                firstText(details.accessCredentialsName(), options.arrays().getCredentialsName()));
        message.setBody(arrays.register(new AssetRef(namespace, storageUri), registration));
        message.setHeader(TileDBConstants.ASSET_URI, new AssetRef(namespace, name).toUri());
    }

    static String firstText(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
