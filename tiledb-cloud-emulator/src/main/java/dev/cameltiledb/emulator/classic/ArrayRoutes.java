package dev.cameltiledb.emulator.classic;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameltiledb.emulator.User;
import dev.cameltiledb.emulator.common.Access;
import dev.cameltiledb.emulator.common.Router;
import dev.cameltiledb.emulator.data.ArrayEntry;
import dev.cameltiledb.emulator.data.DataEngine;
import dev.cameltiledb.emulator.data.cells.Fragment;
import dev.cameltiledb.emulator.http.ApiFailure;
import dev.cameltiledb.emulator.http.AssetNames;
import dev.cameltiledb.emulator.http.Handler;
import dev.cameltiledb.emulator.http.HttpCall;
import dev.cameltiledb.emulator.http.Pagination;
import dev.cameltiledb.emulator.state.ActivityEvent;
import dev.cameltiledb.emulator.state.ArraySchemas;
import dev.cameltiledb.emulator.state.AssetStorage;
import dev.cameltiledb.emulator.state.EmulatorState;
import dev.cameltiledb.emulator.state.StoredArray;

/**
 * The array endpoints of the v1 API: the 17 ArrayApi operations and the three browser listings, plus the paged v2
 * activity log. Each change appends the activity event the service would log, so the activity endpoints return real
 * history.
 */
public final class ArrayRoutes {

    public static final int DEFAULT_PER_PAGE = 20;
    private static final int LAST_ACCESSED_LIMIT = 20;
    private static final Set<String> ARRAY_ACTIONS = Set.copyOf(StoredArray.OWNER_ACTIONS);
    private static final Set<String> FILE_TYPES =
            Set.of("notebook", "user_defined_function", "ml_model", "file", "registered_task_graph");

    private final EmulatorState state;
    private final ObjectMapper mapper;
    /** The data plane, whose fragments of cells are an array's fragments too; null where none runs. */
    private final Supplier<DataEngine> engine;

    public ArrayRoutes(EmulatorState state, ObjectMapper mapper) {
        this(state, mapper, null);
    }

    public ArrayRoutes(EmulatorState state, ObjectMapper mapper, Supplier<DataEngine> engine) {
        this.state = state;
        this.mapper = mapper;
        this.engine = engine;
    }

    public void register(Router<Handler> router) {
        // the favorites, which are not served, must not be taken for a namespace or an array. The reads the service
        // logs as activity (schema, info, sharing, metadata, domains, samples, buffer sizes) write that log.
        router.notServed("/v1/arrays/favorites")
                .notServed("/v1/arrays/favorites/uuids")
                .add("GET", "/v1/arrays", this::listAll)
                .add("GET", "/v1/arrays/last_accessed", this::lastAccessed)
                .add("GET", "/v1/arrays/browser/owned", call -> browse(call, BrowserListing.Listing.OWNED))
                .add("GET", "/v1/arrays/browser/shared", call -> browse(call, BrowserListing.Listing.SHARED))
                .add("GET", "/v1/arrays/browser/public", call -> browse(call, BrowserListing.Listing.PUBLIC))
                .add("GET", "/v1/arrays/browser/owned/sidebar", call -> sidebar(call, BrowserListing.Listing.OWNED))
                .add("GET", "/v1/arrays/browser/shared/sidebar", call -> sidebar(call, BrowserListing.Listing.SHARED))
                .add("GET", "/v1/arrays/browser/public/sidebar", call -> sidebar(call, BrowserListing.Listing.PUBLIC))
                .add("GET", "/v1/arrays/{namespace}", this::listInNamespace)
                .add("GET", "/v1/arrays/{namespace}/{array}", Access.WRITE, this::schema)
                .add("POST", "/v1/arrays/{namespace}/{array}", this::create)
                .add("DELETE", "/v1/arrays/{namespace}/{array}", call -> remove(call, "delete"))
                .add("DELETE", "/v1/arrays/{namespace}/{array}/deregister", call -> remove(call, "deregister"))
                .add("GET", "/v1/arrays/{namespace}/{array}/metadata", Access.WRITE, this::info)
                .add("PATCH", "/v1/arrays/{namespace}/{array}/metadata", this::update)
                .add("POST", "/v1/arrays/{namespace}/{array}/register", this::registerArray)
                .add("GET", "/v1/arrays/{namespace}/{array}/share", Access.WRITE, this::sharingPolicies)
                .add("PATCH", "/v1/arrays/{namespace}/{array}/share", this::share)
                .add("GET", "/v1/arrays/{namespace}/{array}/activity", this::activity)
                .add("GET", "/v1/arrays/{namespace}/{array}/activity/{id}", this::activityEvent)
                .add("GET", "/v2/arrays/{namespace}/{array}/activity", this::activityPage)
                .add("GET", "/v1/arrays/{namespace}/{array}/metadata_json", Access.WRITE, this::metadataJson)
                .add("GET", "/v1/arrays/{namespace}/{array}/non_empty_domain", Access.WRITE, this::nonEmptyDomain)
                .add("GET", "/v1/arrays/{namespace}/{array}/sample", Access.WRITE, this::sample)
                .add("GET", "/v1/arrays/{namespace}/{array}/max_buffer_sizes", Access.WRITE, this::maxBufferSizes)
                .add(
                        "GET",
                        "/v1/arrays/{namespace}/{array}/non_empty_domain_json",
                        Access.WRITE,
                        this::nonEmptyDomainJson)
                .add("GET", "/v1/arrays/{namespace}/{array}/end_timestamps", this::endTimestamps)
                .add("GET", "/v1/arrays/{namespace}/{array}/fragment_end_timestamp", this::fragmentEndTimestamp);
    }

    // ---- listings

    private void browse(HttpCall call, BrowserListing.Listing listing) {
        int page = Pagination.positive(call, "page", 1);
        int perPage = Pagination.positive(call, "per_page", DEFAULT_PER_PAGE);
        Comparator<StoredArray> order = BrowserListing.order(call.query("orderby"));
        boolean withMetadata = Boolean.TRUE.equals(call.queryBoolean("with_metadata"));
        List<StoredArray> matching = state.listing(
                call.questionWithout("page"),
                page,
                () -> state.catalog().arrays().stream()
                        .filter(browserFilter(call, listing))
                        .sorted(order)
                        .toList());
        Map<String, Object> data =
                Pagination.page("arrays", matching, page, perPage, a -> info(a, call.user(), withMetadata));
        if (((List<?>) data.get("arrays")).isEmpty()) {
            // ArrayBrowserData.arrays is x-omitempty: the service's model leaves an empty list out, and
            // TileDB-Cloud-Py reads it as None
            data.remove("arrays");
        }
        call.json(200, data);
    }

    /**
     * The sidebar of a browser listing ({@code ArrayBrowserSidebar}): the same filters as the listing, counted per
     * namespace. {@code namespaces} names every namespace with at least one array in the listing, in name order.
     */
    private void sidebar(HttpCall call, BrowserListing.Listing listing) {
        java.util.SortedMap<String, Integer> counts = new java.util.TreeMap<>();
        state.catalog().arrays().stream()
                .filter(browserFilter(call, listing))
                .forEach(a -> counts.merge(a.namespace, 1, Integer::sum));
        call.json(200, BrowserListing.sidebar(counts));
    }

    private Predicate<StoredArray> browserFilter(HttpCall call, BrowserListing.Listing listing) {
        User user = call.user();
        List<String> fileTypes = call.queryAll("file_type");
        List<String> excludeFileTypes = call.queryAll("exclude_file_type");
        List<String> fileProperties = call.queryAll("file_property");
        String permissions = call.query("permissions");
        return BrowserListing.<StoredArray>common(
                        call, listing, state.accounts().namespacesOf(user))
                .and(a -> fileTypes.isEmpty() || a.fileType != null && fileTypes.contains(a.fileType))
                .and(a -> a.fileType == null || !excludeFileTypes.contains(a.fileType))
                .and(a -> fileProperties.stream().allMatch(p -> hasFileProperty(a, p)))
                .and(a -> permissions == null || hasPermission(state.access().actionsOf(user, a), permissions));
    }

    private static boolean hasFileProperty(StoredArray a, String keyValue) {
        int comma = keyValue.indexOf(',');
        if (comma < 0) {
            throw ApiFailure.badRequest("file_property must be key,value, was '" + keyValue + "'");
        }
        return keyValue.substring(comma + 1).equals(a.fileProperties.get(keyValue.substring(0, comma)));
    }

    static boolean hasPermission(List<String> actions, String permissions) {
        return switch (permissions) {
            case "read" -> actions.contains("read");
            case "write" -> actions.contains("write");
            case "read_write" -> actions.contains("read") && actions.contains("write");
            case "admin" -> actions.contains("edit");
            default ->
                throw ApiFailure.badRequest(
                        "permissions must be read, read_write, write or admin, was '" + permissions + "'");
        };
    }

    private void listInNamespace(HttpCall call) {
        String namespace = call.path("namespace");
        boolean withMetadata = Boolean.TRUE.equals(call.queryBoolean("with_metadata"));
        if (!state.accounts().namespaceExists(namespace) || !state.access().namespaceVisible(call.user(), namespace)) {
            throw ApiFailure.notFound("namespace " + namespace + " does not exist");
        }
        call.json(
                200,
                visibleArrays(call.user())
                        .filter(a -> a.namespace.equals(namespace))
                        .map(a -> info(a, call.user(), withMetadata))
                        .toList());
    }

    private void listAll(HttpCall call) {
        String publicShare = call.query("public_share");
        if (publicShare != null && !publicShare.equals("exclude") && !publicShare.equals("only")) {
            throw ApiFailure.badRequest("public_share must be exclude or only, was '" + publicShare + "'");
        }
        call.json(
                200,
                visibleArrays(call.user())
                        .filter(a -> publicShare == null || (publicShare.equals("only") == a.isPublic()))
                        .map(a -> info(a, call.user(), false))
                        .toList());
    }

    private Stream<StoredArray> visibleArrays(User user) {
        return state.catalog().arrays().stream()
                .filter(a -> !state.access().actionsOf(user, a).isEmpty())
                .sorted(BrowserListing.order(null));
    }

    private void lastAccessed(HttpCall call) {
        call.json(
                200,
                state.activity().lastAccessedBy(call.user().username(), LAST_ACCESSED_LIMIT).stream()
                        .map(e -> new ArrayAnswers.LastAccessed(
                                e.getKey().id,
                                e.getKey().name,
                                e.getKey().namespace,
                                e.getValue().eventAt().toEpochMilli(),
                                e.getValue().action()))
                        .toList());
    }

    // ---- one array

    /** Reading an array's info is logged as {@code array_metadata_get} (COMPATIBILITY.md says why). */
    private void info(HttpCall call) {
        StoredArray array = readable(call);
        state.activity().record(array, "array_metadata_get", call.user().username());
        call.json(200, info(array, call.user(), false));
    }

    private void schema(HttpCall call) {
        StoredArray array = readable(call);
        state.activity().record(array, "read_schema", call.user().username());
        call.json(200, array.schema);
    }

    /**
     * Creates an array at a storage URI ({@code {array}} is the URI, as libtiledb sends it) or, given a plain name,
     * where the namespace's storage settings put arrays ({@link AssetStorage}). The registered name is the last segment
     * of the URI.
     */
    private void create(HttpCall call) {
        String namespace = call.path("namespace");
        String target = call.path("array");
        ObjectNode schema = call.body(ObjectNode.class);
        validateSchema(schema);
        String credentials = call.header("X-TILEDB-CLOUD-ACCESS-CREDENTIALS-NAME");
        StoredArray array = new StoredArray();
        array.namespace = namespace;
        // a plain name is the array's name; in a teamspace it may be a path (folder/sales), kept whole
        array.name = target.contains("://")
                ? AssetNames.name(lastSegment(target), "the array name")
                : AssetNames.nameIn(namespace, target, "the array name");
        array.createdBy = call.user().username();
        array.schema = schema;
        array.size = 0L;
        state.access().requireAdministrable(call.user(), namespace);
        AssetStorage.Placement placement = target.contains("://")
                ? new AssetStorage.Placement(target, null)
                : AssetStorage.place(state.accounts(), namespace, "arrays", target);
        array.uri = placement.uri();
        array.accessCredentialsName = credentials != null ? credentials : placement.credentialsName();
        schema.put("uri", array.uri);
        state.catalog().add(array);
        state.activity().record(array, "create", call.user().username());
        call.noContent();
    }

    private void validateSchema(ObjectNode schema) {
        for (String required : List.of("arrayType", "domain", "attributes")) {
            if (!schema.hasNonNull(required)) {
                throw ApiFailure.badRequest("ArraySchema." + required + " is required");
            }
        }
        String type = schema.get("arrayType").asText();
        if (!type.equals("dense") && !type.equals("sparse")) {
            throw ApiFailure.badRequest("ArraySchema.arrayType must be dense or sparse, was '" + type + "'");
        }
        JsonNode dimensions = schema.path("domain").path("dimensions");
        if (!dimensions.isArray() || dimensions.isEmpty()) {
            throw ApiFailure.badRequest("ArraySchema.domain.dimensions must list at least one dimension");
        }
        if (!schema.get("attributes").isArray() || schema.get("attributes").isEmpty()) {
            throw ApiFailure.badRequest("ArraySchema.attributes must list at least one attribute");
        }
        ArraySchemas.fillDefaults(schema); // what the service fills in for a schema that leaves them out
    }

    private void registerArray(HttpCall call) {
        String namespace = call.path("namespace");
        Map<String, Object> body = readMap(call);
        String uri = text(body.get("uri"), call.path("array"));
        StoredArray array = new StoredArray();
        array.namespace = namespace;
        array.uri = uri;
        array.name = AssetNames.nameIn(namespace, text(body.get("name"), lastSegment(uri)), "name");
        array.createdBy = call.user().username();
        array.schema = ArraySchemas.defaultFor(mapper, uri);
        array.hasData = true;
        array.size = 1024L;
        applyUpdate(array, body);
        state.access().requireAdministrable(call.user(), namespace);
        state.catalog().add(array);
        state.activity().record(array, "register", call.user().username());
        call.json(200, info(array, call.user(), false));
    }

    private void update(HttpCall call) {
        Map<String, Object> body = readMap(call);
        if (body.containsKey("name")) {
            // checked before anything changes: a refused name leaves the rest of the update unapplied too
            AssetNames.nameIn(call.path("namespace"), requireText(body.get("name"), "name"), "name");
        }
        StoredArray array = administered(call);
        Object newName = body.get("name");
        if (newName != null
                && !newName.equals(array.name)
                && state.catalog().find(array.namespace, newName.toString()) != null) {
            throw ApiFailure.conflict("array " + array.namespace + "/" + newName + " already exists");
        }
        String name = array.name;
        applyUpdate(array, body);
        if (!array.name.equals(name)) {
            // applyUpdate set the field; the index follows
            String renamed = array.name;
            array.name = name;
            state.catalog().rename(array, renamed);
        }
        state.activity().record(array, "array_metadata_update", call.user().username());
        call.noContent();
    }

    /**
     * Applies the fields an {@code ArrayInfoUpdate} carries; absent fields and empty collections change nothing, nor
     * does a {@code tiledb://} {@code uri}.
     */
    @SuppressWarnings("unchecked")
    private static void applyUpdate(StoredArray array, Map<String, Object> body) {
        body.forEach((field, value) -> {
            switch (field) {
                case "description" -> array.description = (String) value;
                case "name" -> array.name = requireText(value, "name");
                case "uri" -> {
                    // TileDB-Cloud-Py's update_info sends the asset's own tiledb:// URI with every update: it names
                    // the asset, not where its data lies, so only a storage URI replaces the storage URI
                    String uri = requireText(value, "uri");
                    if (!uri.startsWith("tiledb://")) {
                        array.uri = uri;
                    }
                }
                case "file_type" -> array.fileType = fileType(value);
                case "file_properties" -> {
                    if (UpdateFields.nonEmpty(value)) {
                        array.fileProperties = new LinkedHashMap<>((Map<String, String>) value);
                    }
                }
                case "access_credentials_name" -> array.accessCredentialsName = (String) value;
                case "logo" -> array.logo = (String) value;
                case "tags" -> {
                    if (UpdateFields.nonEmpty(value)) {
                        array.tags = new ArrayList<>((List<String>) value);
                    }
                }
                case "license_id" -> array.licenseId = (String) value;
                case "license_text" -> array.licenseText = (String) value;
                case "read_only" -> array.readOnly = (Boolean) value;
                default -> {
                    // the service ignores fields it does not update
                }
            }
        });
    }

    private static String fileType(Object value) {
        if (value != null && !FILE_TYPES.contains(value.toString())) {
            throw ApiFailure.badRequest("file_type must be one of " + FILE_TYPES + ", was '" + value + "'");
        }
        return (String) value;
    }

    private void remove(HttpCall call, String action) {
        state.activity().removeLogged(administered(call), action, call.user().username());
        call.noContent();
    }

    private void sharingPolicies(HttpCall call) {
        StoredArray array = sharingAdministered(call);
        state.activity().record(array, "array_metadata_get", call.user().username());
        call.json(
                200,
                array.sharing.entrySet().stream()
                        .map(e -> new ArrayAnswers.Sharing(
                                e.getValue(), e.getKey(), state.accounts().namespaceType(e.getKey())))
                        .toList());
    }

    /** Replaces the namespace's actions; an empty list removes it, as the spec says. */
    @SuppressWarnings("unchecked")
    private void share(HttpCall call) {
        Map<String, Object> body = readMap(call);
        String namespace = requireText(body.get("namespace"), "namespace");
        Object rawActions = body.getOrDefault("actions", List.of());
        if (!(rawActions instanceof List<?> list) || !list.stream().allMatch(ARRAY_ACTIONS::contains)) {
            throw ApiFailure.badRequest("actions must be a list of " + ARRAY_ACTIONS + ", was " + rawActions);
        }
        List<String> actions = List.copyOf((List<String>) rawActions);
        StoredArray array = sharingAdministered(call);
        if (!state.accounts().namespaceExists(namespace)) {
            throw ApiFailure.notFound("namespace " + namespace + " does not exist");
        }
        if (actions.isEmpty()) {
            array.sharing.remove(namespace);
        } else {
            array.sharing.put(namespace, actions);
        }
        // neither ActivityEventType enum has a sharing value; sharing changes what the array's info says
        // (share_count, public_share), and array_metadata_update is the nearest value that both v1 and v2
        // accept (v2's "update" would fail a v1 activity answer)
        state.activity().record(array, "array_metadata_update", call.user().username());
        call.noContent();
    }

    /** v1: every event that {@link ActivityQuery} selects, oldest first, as a bare list. */
    private void activity(HttpCall call) {
        ActivityQuery query = ActivityQuery.of(call);
        call.json(
                200,
                query.select(logsReadable(call).activity, state.now()).stream()
                        .map(ArrayRoutes::event)
                        .toList());
    }

    private void activityEvent(HttpCall call) {
        String id = call.path("id");
        call.json(
                200,
                logsReadable(call).activity.stream()
                        .filter(e -> id.equals(e.id()))
                        .findFirst()
                        .map(ArrayRoutes::event)
                        .orElseThrow(() -> ApiFailure.notFound("no activity " + id + " on this array")));
    }

    /**
     * v2: the same selection as v1, one page of it in an {@code ArrayActivityLogData}. The selection is kept for the
     * next page of the same question ({@link EmulatorState#listing}), so paging through a long log filters it once.
     */
    private void activityPage(HttpCall call) {
        ActivityQuery query = ActivityQuery.of(call);
        int page = Pagination.positive(call, "page", 1);
        int perPage = Pagination.positive(call, "per_page", DEFAULT_PER_PAGE);
        StoredArray array = logsReadable(call);
        List<ActivityEvent> events =
                state.listing(call.questionWithout("page"), page, () -> query.select(array.activity, state.now()));
        call.json(200, Pagination.page("activitylogs", events, page, perPage, ArrayRoutes::event));
    }

    static ArrayAnswers.ActivityLog event(ActivityEvent e) {
        return new ArrayAnswers.ActivityLog(
                e.eventAt().toString(),
                e.action(),
                e.username(),
                e.bytesSent(),
                e.bytesReceived(),
                e.arrayTaskId(),
                e.id());
    }

    private void metadataJson(HttpCall call) {
        Integer length = call.queryInt("length");
        StoredArray array = readable(call);
        state.activity().record(array, "array_metadata_get", call.user().username());
        Map<String, Object> out = new LinkedHashMap<>();
        array.metadata.forEach((k, v) -> out.put(
                k, length != null && v instanceof String s && s.length() > length ? s.substring(0, length) : v));
        call.json(200, out);
    }

    /** A registered array holds data across its whole domain; an array only created holds none. */
    private void nonEmptyDomain(HttpCall call) {
        requirePayer(state, call);
        StoredArray array = readable(call);
        state.activity().record(array, "non_empty_domain", call.user().username());
        ObjectNode out = mapper.createObjectNode();
        ObjectNode domain = out.putObject("nonEmptyDomain");
        if (array.hasData) {
            for (JsonNode dim : array.schema.path("domain").path("dimensions")) {
                String type = dim.path("type").asText().toLowerCase(java.util.Locale.ROOT);
                ArrayNode bounds = domain.has(type) ? (ArrayNode) domain.get(type) : domain.putArray(type);
                dim.path("domain").path(type).forEach(bounds::add);
            }
        }
        out.put("isEmpty", !array.hasData);
        call.json(200, out);
    }

    /**
     * The non-empty domain keyed by dimension name ({@code NonEmptyDomainJson}): a registered array holds data across
     * its whole domain, so each dimension gives its domain's bounds; an array only created holds none, so the object
     * is empty. Logged as {@code non_empty_domain}, as the typed call is.
     */
    private void nonEmptyDomainJson(HttpCall call) {
        StoredArray array = readable(call);
        state.activity().record(array, "non_empty_domain", call.user().username());
        ObjectNode out = mapper.createObjectNode();
        if (array.hasData) {
            for (JsonNode dim : array.schema.path("domain").path("dimensions")) {
                String type = dim.path("type").asText().toLowerCase(java.util.Locale.ROOT);
                ArrayNode bounds = out.putArray(dim.path("name").asText());
                dim.path("domain").path(type).forEach(bounds::add);
            }
        }
        call.json(200, out);
    }

    /** The end timestamps (epoch ms) of the array's fragments, oldest first, one page of them. */
    private void endTimestamps(HttpCall call) {
        int page = Pagination.positive(call, "page", 1);
        int perPage = Pagination.positive(call, "per_page", DEFAULT_PER_PAGE);
        call.json(200, Pagination.page("end_timestamps", fragmentTimestamps(readable(call)), page, perPage, v -> v));
    }

    /**
     * The end timestamp of the fragment a read at {@code end_timestamp} would open: the newest at or before it, or,
     * when every fragment is later, the earliest (the closest one). Without {@code end_timestamp}, the newest. An
     * array without fragments answers 0, the timestamp libtiledb gives an array nothing was written to.
     */
    private void fragmentEndTimestamp(HttpCall call) {
        Long at = call.queryLong("end_timestamp");
        if (at != null && at < 0) {
            throw ApiFailure.badRequest("end_timestamp must be milliseconds since the epoch, was " + at);
        }
        List<Long> fragments = fragmentTimestamps(readable(call));
        Long chosen = fragments.isEmpty() ? 0L : fragments.get(fragments.size() - 1);
        if (at != null && !fragments.isEmpty()) {
            chosen = fragments.stream().filter(t -> t <= at).reduce((a, b) -> b).orElse(fragments.get(0));
        }
        call.json(200, chosen);
    }

    /**
     * The fragments the emulator can tell an array has, by end timestamp, oldest first: a notebook's or file's versions
     * (one fragment each); the fragments of cells written into it (seeded, by SQL or by the query protocol); for
     * another array holding data (a registered one), one fragment written when it was made.
     */
    List<Long> fragmentTimestamps(StoredArray array) {
        if (!array.versions.isEmpty()) {
            return List.copyOf(array.versions);
        }
        List<Long> written = cellFragments(array);
        if (!written.isEmpty()) {
            return written;
        }
        return array.hasData ? List.of(array.createdAt.toEpochMilli()) : List.of();
    }

    /** The timestamps of the fragments of cells the data plane holds for the array, sorted; none without a schema. */
    private List<Long> cellFragments(StoredArray array) {
        if (engine == null || array.schema == null || array.schema.isNull() || array.schema.isMissingNode()) {
            return List.of();
        }
        try {
            return engine
                    .get()
                    .cells()
                    .fragments(new ArrayEntry(array.id, array.namespace, array.name, array.schema))
                    .stream()
                    .map(Fragment::timestamp)
                    .sorted()
                    .toList();
        } catch (RuntimeException e) {
            return List.of(); // a schema the data plane does not read holds no cells
        }
    }

    /** Deterministic cells: each dimension counts from its lower bound, each attribute repeats the cell number. */
    private void sample(HttpCall call) {
        Long requested = call.queryLong("samples");
        int samples = requested == null ? 5 : (int) Math.max(0, Math.min(requested, 255));
        StoredArray array = readable(call);
        state.activity().record(array, "query_read", call.user().username());
        Map<String, Object> data = new LinkedHashMap<>();
        for (JsonNode dim : array.schema.path("domain").path("dimensions")) {
            long low = dim.path("domain").elements().hasNext()
                    ? dim.path("domain").elements().next().path(0).asLong()
                    : 0;
            data.put(
                    dim.path("name").asText(),
                    Map.of(
                            "values",
                            Stream.iterate(low, v -> v + 1).limit(samples).toList()));
        }
        for (JsonNode attribute : array.schema.path("attributes")) {
            data.put(
                    attribute.path("name").asText(),
                    Map.of(
                            "values",
                            Stream.iterate(1, v -> v + 1).limit(samples).toList()));
        }
        call.json(200, Map.of("data", data));
    }

    /**
     * The namespace an {@code X-Payer} header charges must be the caller's own or one of its organizations: a caller
     * cannot bill a namespace it does not belong to (403). Without the header the caller's default is charged.
     */
    static void requirePayer(EmulatorState state, HttpCall call) {
        String payer = call.header("X-Payer");
        if (payer != null && !state.accounts().namespacesOf(call.user()).contains(payer)) {
            throw ApiFailure.forbidden(
                    "user " + call.user().username() + " may not charge namespace " + payer + " (X-Payer)");
        }
    }

    /** Cell count of the subarray times each attribute's cell size; variable-sized attributes add 8-byte offsets. */
    private void maxBufferSizes(HttpCall call) {
        requirePayer(state, call);
        String subarray = call.query("subarray");
        if (subarray == null || subarray.isBlank()) {
            throw ApiFailure.badRequest("subarray is required");
        }
        StoredArray array = readable(call);
        JsonNode dimensions = array.schema.path("domain").path("dimensions");
        String[] bounds = subarray.split(",");
        if (bounds.length != 2 * dimensions.size()) {
            throw ApiFailure.badRequest("subarray must give a low and a high bound for each of the " + dimensions.size()
                    + " dimensions, got " + bounds.length + " values");
        }
        BigInteger cells = BigInteger.ONE;
        try {
            for (int i = 0; i < bounds.length; i += 2) {
                BigInteger low = new BigInteger(bounds[i].strip());
                BigInteger high = new BigInteger(bounds[i + 1].strip());
                if (high.compareTo(low) < 0) {
                    throw ApiFailure.badRequest("subarray bound " + (i / 2) + " has high < low");
                }
                cells = cells.multiply(high.subtract(low).add(BigInteger.ONE));
            }
        } catch (NumberFormatException e) {
            throw ApiFailure.badRequest("subarray must be comma-separated integers, was '" + subarray + "'");
        }
        state.activity().record(array, "max_buffer_sizes", call.user().username());
        List<ArrayAnswers.AttributeBufferSize> sizes = new ArrayList<>();
        for (JsonNode attribute : array.schema.path("attributes")) {
            int cellValNum = attribute.path("cellValNum").asInt(1);
            boolean variable = cellValNum == -1 || cellValNum == 0xFFFFFFFF;
            long typeSize = Datatypes.size(attribute.path("type").asText());
            sizes.add(new ArrayAnswers.AttributeBufferSize(
                    attribute.path("name").asText(),
                    variable ? cells.longValue() * 8 : 0,
                    cells.longValue() * typeSize * (variable ? 1 : Math.max(1, cellValNum))));
        }
        call.json(200, new ArrayAnswers.MaxBufferSizes(sizes));
    }

    // ---- helpers

    ArrayAnswers.ArrayInfo info(StoredArray a, User user, boolean withMetadata) {
        return new ArrayAnswers.ArrayInfo(
                a.id,
                a.fileType,
                a.fileProperties,
                a.uri,
                a.namespace,
                a.size,
                a.lastAccessed == null ? null : a.lastAccessed.toString(),
                a.description,
                a.name,
                state.access().actionsOf(user, a),
                a.accessCredentialsName,
                a.arrayType(),
                a.sharing.size(),
                a.isPublic(),
                false,
                a.tiledbUri(),
                a.tags,
                a.licenseId,
                a.licenseText,
                a.readOnly,
                a.logo,
                a.createdAt.toString(),
                a.createdBy,
                withMetadata
                        ? a.metadata.entrySet().stream()
                                .map(e -> new ArrayAnswers.MetadataEntry(
                                        e.getKey(), String.valueOf(e.getValue()), "array_metadata"))
                                .toList()
                        : null);
    }

    private StoredArray readable(HttpCall call) {
        return state.access().readable(call.user(), call.path("namespace"), call.path("array"));
    }

    /**
     * The array, if the caller may read its activity log: {@code read_array_logs} comes with membership of its
     * namespace or with a share that grants it. A reader without it (public read access alone) gets 403: the service
     * refuses a non-member the activity log.
     */
    private StoredArray logsReadable(HttpCall call) {
        StoredArray array = readable(call);
        if (!state.access().actionsOf(call.user(), array).contains("read_array_logs")) {
            throw ApiFailure.forbidden("user " + call.user().username() + " may not read the activity of array "
                    + array.namespace + "/" + array.name + ": read_array_logs is not granted");
        }
        return array;
    }

    private StoredArray administered(HttpCall call) {
        return state.access().administered(call.user(), call.path("namespace"), call.path("array"));
    }

    private StoredArray sharingAdministered(HttpCall call) {
        return state.access().arraySharingAdministered(call.user(), call.path("namespace"), call.path("array"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readMap(HttpCall call) {
        return call.body(LinkedHashMap.class);
    }

    public static String lastSegment(String uri) {
        String trimmed = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private static String requireText(Object value, String field) {
        if (!(value instanceof String s) || s.isBlank()) {
            throw ApiFailure.badRequest(field + " must be a non-empty string");
        }
        return s;
    }

    private static String text(Object value, String fallback) {
        return value instanceof String s && !s.isBlank() ? s : fallback;
    }
}
