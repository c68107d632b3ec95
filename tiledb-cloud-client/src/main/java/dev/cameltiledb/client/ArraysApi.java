package dev.cameltiledb.client;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JavaType;
import dev.cameltiledb.client.model.ArrayActivityLog;
import dev.cameltiledb.client.model.ArrayActivityLogData;
import dev.cameltiledb.client.model.ArrayBrowserData;
import dev.cameltiledb.client.model.ArrayBrowserSidebar;
import dev.cameltiledb.client.model.ArrayEndTimestampData;
import dev.cameltiledb.client.model.ArrayInfo;
import dev.cameltiledb.client.model.ArrayInfoUpdate;
import dev.cameltiledb.client.model.ArraySample;
import dev.cameltiledb.client.model.ArraySchema;
import dev.cameltiledb.client.model.ArraySharing;
import dev.cameltiledb.client.model.LastAccessedArray;
import dev.cameltiledb.client.model.MaxBufferSizes;
import dev.cameltiledb.client.model.NonEmptyDomain;
import dev.cameltiledb.client.model.QueryJson;

/**
 * The array operations of TileDB Cloud's REST {@code ArrayApi} (v1), plus the three browser listings.
 * Each method is one HTTP call; the Javadoc names the Python client function it matches.
 */
public final class ArraysApi implements SharingApi<ArraySharing> {

    private static final String V1 = "v1";
    private static final String ARRAYS = "arrays";
    private static final String CREDENTIALS_HEADER = "X-TILEDB-CLOUD-ACCESS-CREDENTIALS-NAME";
    private static final String PAYER_HEADER = "X-Payer";

    private final RestTransport transport;
    private final JavaType arrayInfoList;

    ArraysApi(RestTransport transport) {
        this.transport = transport;
        this.arrayInfoList = transport.listOf(ArrayInfo.class);
    }

    /** {@code list_arrays} / {@code list_shared_arrays} / {@code list_public_arrays}: one page of a browser listing. */
    public Page<ArrayInfo> browse(Listing listing, ArrayListQuery query, int page) {
        RestRequest request = query.filters()
                .browse(ARRAYS, listing, page)
                .queryAll("file_type", query.fileTypes())
                .queryAll("exclude_file_type", query.excludeFileTypes())
                .queryAll("file_property", query.fileProperties());
        ArrayBrowserData data = transport.call(request, transport.type(ArrayBrowserData.class));
        return new Page<>(data.arrays(), data.paginationMetadata());
    }

    /**
     * The sidebar of a browser listing ({@code arrays_browser_owned_sidebar_get} and its shared and public twins): how
     * many arrays the listing holds per namespace, with the listing's file filters.
     */
    public ArrayBrowserSidebar sidebar(Listing listing, ArrayListQuery query) {
        return transport.call(
                RestRequest.get(V1, ARRAYS, "browser", listing.path(), "sidebar")
                        .queryAll("file_type", query.fileTypes())
                        .queryAll("exclude_file_type", query.excludeFileTypes())
                        .queryAll("file_property", query.fileProperties()),
                transport.type(ArrayBrowserSidebar.class));
    }

    /** {@code get_arrays_in_namespace}: every array of one namespace, unpaged. */
    public List<ArrayInfo> listInNamespace(String namespace, Boolean withMetadata) {
        NamespaceRef home = NamespaceRef.parse(namespace);
        return transport.call(
                RestRequest.get(RestRequest.path(V1, ARRAYS, home)).about(home).query("with_metadata", withMetadata),
                arrayInfoList);
    }

    /** {@code get_all_array_metadata}: every array the caller can see; {@code publicShare} is {@code exclude} or {@code only}. */
    public List<ArrayInfo> listAll(String publicShare) {
        return transport.call(RestRequest.get(V1, ARRAYS).query("public_share", publicShare), arrayInfoList);
    }

    /** {@code get_last_accessed_arrays}. */
    public List<LastAccessedArray> lastAccessed() {
        return transport.call(RestRequest.get(V1, ARRAYS, "last_accessed"), transport.listOf(LastAccessedArray.class));
    }

    /** {@code get_array_metadata} (Python {@code array.info}). */
    public ArrayInfo info(AssetRef array) {
        return transport.call(arrayPath(RestRequest::get, array, "metadata"), transport.type(ArrayInfo.class));
    }

    /** {@code get_array}: the array's schema. */
    public ArraySchema schema(AssetRef array) {
        return transport.call(arrayPath(RestRequest::get, array).jsonContentType(), transport.type(ArraySchema.class));
    }

    /**
     * {@code create_array}: creates a new array from a schema. {@code array.name()} is the storage URI to create it
     * at (for example {@code s3://bucket/sales}); {@code credentialsName} picks the stored cloud credentials to use.
     */
    public void create(AssetRef array, ArraySchema schema, String credentialsName) {
        ArraySchema complete = schema.withLibraryDefaults();
        List<String> missing = complete.missingRequiredFields();
        if (!missing.isEmpty()) {
            throw new TileDBConfigurationException("The ArraySchema lacks " + String.join(", ", missing)
                    + ", which TileDB Cloud requires to create an array");
        }
        transport.call(arrayPath(RestRequest::post, array).json(complete).header(CREDENTIALS_HEADER, credentialsName));
    }

    /** {@code register_array}: registers an existing array, {@code array.name()} being its storage URI. */
    public ArrayInfo register(AssetRef array, ArrayInfoUpdate registration) {
        return transport.call(
                arrayPath(RestRequest::post, array, "register").json(registration), transport.type(ArrayInfo.class));
    }

    /** {@code deregister_array}: forgets the array; its data stays in storage. */
    public void deregister(AssetRef array) {
        transport.call(arrayPath(RestRequest::delete, array, "deregister"));
    }

    /** {@code delete_array}: deregisters the array and deletes its data. */
    public void delete(AssetRef array) {
        transport.call(arrayPath(RestRequest::delete, array).jsonContentType());
    }

    /** {@code update_array_metadata}: changes only the fields that are set. */
    public void update(AssetRef array, ArrayInfoUpdate update) {
        transport.call(arrayPath(RestRequest::patch, array, "metadata").json(update));
    }

    /** {@code share_array}: replaces the namespace's actions; {@code public} makes the array public. */
    public void share(AssetRef array, ArraySharing sharing) {
        if (sharing.namespace() == null || sharing.namespace().isBlank()) {
            throw new TileDBConfigurationException("Sharing needs the namespace to share with");
        }
        transport.call(arrayPath(RestRequest::patch, array, "share").json(sharing));
    }

    @Override
    public void share(AssetRef array, String namespace, List<String> actions) {
        share(array, ArraySharing.grant(namespace, actions));
    }

    /** {@code unshare_array}: shares with an empty action list, which removes the namespace's access. */
    @Override
    public void unshare(AssetRef array, String namespace) {
        share(array, ArraySharing.revoke(namespace));
    }

    /** {@code get_array_sharing_policies} (Python {@code list_shared_with}). */
    @Override
    public List<ArraySharing> sharingPolicies(AssetRef array) {
        return transport.call(arrayPath(RestRequest::get, array, "share"), transport.listOf(ArraySharing.class));
    }

    /** {@code array_activity_log}: the events of a time window, as the service orders them. */
    public List<ArrayActivityLog> activity(AssetRef array, ActivityQuery query) {
        return transport.call(
                activityRequest(arrayPath(RestRequest::get, array, "activity"), query)
                        .query("event_types", query.eventTypes()),
                transport.listOf(ArrayActivityLog.class));
    }

    /** {@code getActivityLogById}: one event of the array's activity log. */
    public ArrayActivityLog activityEvent(AssetRef array, String id) {
        AssetRef.requireText(id, "activity id");
        return transport.call(
                arrayPath(RestRequest::get, array, "activity", id), transport.type(ArrayActivityLog.class));
    }

    /**
     * The paged activity log (v2 {@code arrayActivityLog}): one page of the events of a time window, for an array whose
     * window holds more events than one answer should carry. {@code event_types} is sent once per type.
     */
    public Page<ArrayActivityLog> activityPage(AssetRef array, ActivityQuery query, int page, Integer perPage) {
        RestRequest request = activityRequest(
                        RestRequest.get(RestRequest.path("v2", ARRAYS, array, "activity"))
                                .about(array),
                        query)
                .queryAll(
                        "event_types",
                        query.eventTypes() == null
                                ? null
                                : List.of(query.eventTypes().split(",")))
                .query("page", page)
                .query("per_page", perPage);
        ArrayActivityLogData data = transport.call(request, transport.type(ArrayActivityLogData.class));
        return new Page<>(data.activitylogs(), data.paginationMetadata());
    }

    private static RestRequest activityRequest(RestRequest request, ActivityQuery query) {
        return request.query("start", query.start())
                .query("end", query.end())
                .query("task_id", query.taskId())
                .query("has_task_id", query.hasTaskId());
    }

    /**
     * {@code get_array_meta_data_json}: the array's key-value metadata. {@code length} truncates long values;
     * {@code endTimestamp} (epoch milliseconds) reads the metadata as it was then.
     */
    public Map<String, Object> metadataJson(AssetRef array, Integer length, Long endTimestamp) {
        RestRequest request = arrayPath(RestRequest::get, array, "metadata_json")
                .query("length", length)
                .query("end_timestamp", endTimestamp);
        return transport.call(request, transport.mapOf(Object.class));
    }

    /** {@code get_array_non_empty_domain}; {@code payer} is the namespace charged for the request. */
    public NonEmptyDomain nonEmptyDomain(AssetRef array, String payer) {
        return transport.call(
                arrayPath(RestRequest::get, array, "non_empty_domain")
                        .jsonContentType()
                        .header(PAYER_HEADER, payer),
                transport.type(NonEmptyDomain.class));
    }

    /** {@code get_array_non_empty_domain_json}: the non-empty domain keyed by dimension name, each a [low, high] pair. */
    public Map<String, Object> nonEmptyDomainJson(AssetRef array) {
        return transport.call(
                arrayPath(RestRequest::get, array, "non_empty_domain_json"), transport.mapOf(Object.class));
    }

    /**
     * One page of the array's versions: the end timestamps (epoch ms) of its fragments, oldest first
     * ({@code arrays_namespace_array_end_timestamps_get}).
     */
    public Page<Long> versions(AssetRef array, int page, Integer perPage) {
        return endTimestamps(transport, arrayPath(RestRequest::get, array, "end_timestamps"), page, perPage);
    }

    /**
     * One page of end timestamps, for arrays and notebooks alike: their two calls differ only in path.
     */
    static Page<Long> endTimestamps(RestTransport transport, RestRequest request, int page, Integer perPage) {
        ArrayEndTimestampData data = transport.call(
                request.query("page", page).query("per_page", perPage), transport.type(ArrayEndTimestampData.class));
        return new Page<>(data.endTimestamps(), data.paginationMetadata());
    }

    /**
     * {@code get_fragment_end_timestamp}: the end timestamp (epoch ms) of the fragment a read at {@code endTimestamp}
     * opens, or of the newest fragment when it is null.
     */
    public long fragmentEndTimestamp(AssetRef array, Long endTimestamp) {
        return transport.call(
                arrayPath(RestRequest::get, array, "fragment_end_timestamp").query("end_timestamp", endTimestamp),
                transport.type(Long.class));
    }

    /** {@code get_array_sample_data}: a few cells; {@code samples} defaults to 5 on the service. */
    public ArraySample sample(AssetRef array, Integer samples) {
        return transport.call(
                arrayPath(RestRequest::get, array, "sample").query("samples", samples),
                transport.type(ArraySample.class));
    }

    /** {@code get_array_max_buffer_sizes} for a subarray given as CSV bounds ({@code 1,10,1,5}). */
    public MaxBufferSizes maxBufferSizes(AssetRef array, String subarray, String payer) {
        AssetRef.requireText(subarray, "subarray");
        return transport.call(
                arrayPath(RestRequest::get, array, "max_buffer_sizes")
                        .jsonContentType()
                        .query("subarray", subarray)
                        .header(PAYER_HEADER, payer),
                transport.type(MaxBufferSizes.class));
    }

    /**
     * A read answered in JSON ({@code submit_query_json}): the cells of {@code query}'s ranges, one row per cell (a
     * {@code Map} of each field's value), turned from the service's column-oriented answer lazily. The answer is read
     * within {@code callTimeout} and {@code maxResponseSize} into a temporary file, never into memory, and the rows come
     * from there; close the stream (or read it to its end) to delete it. {@code payer} is charged when given.
     */
    public RowStream queryJson(AssetRef array, QueryJson query, String payer) {
        if (query == null || query.queryRanges() == null) {
            throw new TileDBConfigurationException("A JSON query needs the ranges to read (queryRanges)");
        }
        return ColumnRowStream.fetch(
                transport,
                arrayPath(RestRequest::post, array, "query", "submit_query_json")
                        .json(query)
                        .header(PAYER_HEADER, payer));
    }

    private static RestRequest arrayPath(
            java.util.function.Function<String[], RestRequest> method, AssetRef array, String... tail) {
        return method.apply(RestRequest.path(V1, ARRAYS, array, tail)).about(array);
    }
}
