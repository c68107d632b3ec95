package dev.cameltiledb.emulator.workspace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.classic.ArrayRoutes;
import dev.cameltiledb.emulator.common.Router;
import dev.cameltiledb.emulator.http.ApiFailure;
import dev.cameltiledb.emulator.http.Handler;
import dev.cameltiledb.emulator.http.HttpCall;
import dev.cameltiledb.emulator.http.Pagination;
import dev.cameltiledb.emulator.state.ArraySchemas;
import dev.cameltiledb.emulator.state.EmulatorState;
import dev.cameltiledb.emulator.state.StoredArray;
import dev.cameltiledb.emulator.state.StoredAsset;
import dev.cameltiledb.emulator.state.StoredGroup;

/**
 * The assets of a teamspace ({@code /v4/assets/...}): listing a folder, the assets on a path, one asset (by id or
 * path) and its metadata, registering a storage URI as an array, moving assets between folders. Everyone who sees
 * the teamspace reads; its owners and editors change. Listings are computed once per question and kept for its next
 * pages ({@link EmulatorState#listing}), so paging through 100,000 assets costs one scan.
 */
final class AssetRoutes {

    private static final Set<String> ORDER_BY = Set.of("name", "path", "created_at", "updated_at");
    private static final Set<String> METADATA_TYPES = Set.of(
            "INT32",
            "INT64",
            "FLOAT32",
            "FLOAT64",
            "CHAR",
            "INT8",
            "UINT8",
            "INT16",
            "UINT16",
            "UINT32",
            "UINT64",
            "STRING_ASCII",
            "STRING_UTF8",
            "STRING_UTF16",
            "STRING_UTF32",
            "STRING_UCS2",
            "STRING_UCS4",
            "ANY",
            "BLOB",
            "BOOL");

    private final EmulatorState state;
    private final PlatformAccess access;
    private final TeamspaceAssets assets;
    private final ObjectMapper mapper;

    AssetRoutes(EmulatorState state, PlatformAccess access, TeamspaceAssets assets, ObjectMapper mapper) {
        this.state = state;
        this.access = access;
        this.assets = assets;
        this.mapper = mapper;
    }

    void register(Router<Handler> router) {
        router.add("GET", "/v4/assets/list/{workspace}/{teamspace}/{path}", call -> list(call, call.path("path")))
                // TileDB-Client-Java (OkHttp) drops the "." of the root, leaving an empty last segment
                .add("GET", "/v4/assets/list/{workspace}/{teamspace}/", call -> list(call, "."))
                .add("GET", "/v4/assets/path/{workspace}/{teamspace}/{path}", this::onPath)
                .add("GET", "/v4/assets/item/{workspace}/{teamspace}/{asset}", this::get)
                .add("PATCH", "/v4/assets/item/{workspace}/{teamspace}/{asset}", this::update)
                .add("GET", "/v4/assets/item/{workspace}/{teamspace}/{asset}/metadata", this::metadata)
                .add("PATCH", "/v4/assets/item/{workspace}/{teamspace}/{asset}/metadata", this::saveMetadata)
                .add("DELETE", "/v4/assets/item/{workspace}/{teamspace}/{asset}/metadata", this::deleteMetadata)
                .add("POST", "/v4/assets/register/{workspace}/{teamspace}", this::register)
                .add("POST", "/v4/assets/move/{workspace}/{teamspace}", this::move);
    }

    /**
     * One page of the assets directly inside a folder (by path or id; {@code .} or nothing is the root), filtered by
     * {@code asset_type} and {@code created_by} (username or user id), ordered by {@code order_by}: a field of
     * {@link #ORDER_BY}, optionally followed by {@code asc} or {@code desc} (default: path ascending).
     * {@code expand=metadata} fills each asset's metadata. Also serves {@code GET /v4/folders/.../contents}.
     */
    void list(HttpCall call, String folder) {
        int page = Pagination.positive(call, "page", 1);
        int perPage = Pagination.positive(call, "per_page", ArrayRoutes.DEFAULT_PER_PAGE);
        String assetType = call.query("asset_type");
        String createdBy = call.query("created_by");
        Comparator<StoredAsset> order = order(call.query("order_by"));
        boolean withMetadata =
                call.query("expand") != null && call.query("expand").contains("metadata");
        call.queryBoolean("include_system_assets"); // the emulator has no system assets; the value is only checked
        PlatformAccess.Space space = access.space(call);
        String path = assets.folderPath(space.namespace(), folder);
        Predicate<StoredAsset> filter = a -> (assetType == null || assetType.equals(TeamspaceAssets.type(a)))
                && (createdBy == null || createdBy(space, a, createdBy));
        List<StoredAsset> matching = state.listing(
                call.questionWithout("page"),
                page,
                () -> assets.children(space.namespace(), path).stream()
                        .filter(filter)
                        .sorted(order)
                        .toList());
        TeamspaceAssets.Renderer render = assets.renderer(space);
        call.json(200, PlatformAnswers.Page.of(matching, page, perPage, a -> render.asset(a, withMetadata)));
    }

    /**
     * Whether the asset's creator, as its answer shows it ({@link PlatformAccess#creator}: a seeded asset shows the
     * workspace's creator), is the user named by username or id.
     */
    private boolean createdBy(PlatformAccess.Space space, StoredAsset asset, String wanted) {
        PlatformAnswers.Member creator = access.creator(space.workspace(), asset.createdBy);
        return creator != null && (wanted.equals(creator.username()) || wanted.equals(creator.userId()));
    }

    private static Comparator<StoredAsset> order(String orderBy) {
        Comparator<StoredAsset> byPath = Comparator.comparing(a -> a.name);
        if (orderBy == null || orderBy.isBlank()) {
            return byPath;
        }
        String[] parts = orderBy.strip().split("[ ,:]+");
        String field = parts[0].toLowerCase(Locale.ROOT);
        boolean descending = field.startsWith("-") || parts.length > 1 && parts[1].equalsIgnoreCase("desc");
        field = field.startsWith("-") ? field.substring(1) : field;
        if (!ORDER_BY.contains(field)) {
            throw ApiFailure.badRequest(
                    "order_by must be one of " + ORDER_BY + " (then asc or desc), was '" + orderBy + "'");
        }
        Comparator<StoredAsset> comparator = switch (field) {
            case "name" -> Comparator.comparing((StoredAsset a) -> TeamspaceAssets.lastSegment(a.name));
            case "created_at" -> Comparator.comparing((StoredAsset a) -> a.createdAt);
            case "updated_at" -> Comparator.comparing(StoredAsset::changedAt);
            default -> byPath;
        };
        return (descending ? comparator.reversed() : comparator).thenComparing(byPath);
    }

    /** The asset at each step of the path: {@code a}, {@code a/b}, {@code a/b/c}; a 404 if one is missing. */
    private void onPath(HttpCall call) {
        PlatformAccess.Space space = access.space(call);
        String path = TeamspaceAssets.normalize(call.path("path"));
        if (path.isEmpty()) {
            throw ApiFailure.badRequest("path must name an asset, not the teamspace root");
        }
        TeamspaceAssets.Renderer render = assets.renderer(space);
        List<PlatformAnswers.AssetInfo> steps = new ArrayList<>();
        String walked = "";
        for (String segment : path.split("/")) {
            walked = TeamspaceAssets.join(walked, segment);
            StoredAsset asset = state.catalog().assetAt(space.namespace(), walked);
            if (asset == null) {
                throw ApiFailure.notFound(space.namespace() + "/" + walked + " does not exist");
            }
            steps.add(render.asset(asset, false));
        }
        call.json(200, new PlatformAnswers.Data(steps));
    }

    private void get(HttpCall call) {
        PlatformAccess.Space space = access.space(call);
        StoredAsset asset = assets.find(space.namespace(), call.path("asset"));
        call.json(200, new PlatformAnswers.Data(assets.renderer(space).asset(asset, true)));
    }

    /** Body {@code AssetUpdateRequest}: a new name renames the last segment of the path; description; type. */
    private void update(HttpCall call) {
        Map<?, ?> body = call.body(Map.class);
        PlatformAccess.Space space = access.editableSpace(call);
        StoredAsset asset = assets.find(space.namespace(), call.path("asset"));
        if (body.get("type") != null) {
            setType(asset, Json.text(body, "type"));
        }
        if (body.containsKey("description")) {
            asset.description = Json.optionalText(body, "description");
        }
        if (body.get("name") != null) {
            assets.move(asset, TeamspaceAssets.join(TeamspaceAssets.parentOf(asset.name), Json.name(body, "name")));
        }
        state.catalog().changed(asset);
        call.noContent();
    }

    /** An array may become a notebook and back, a group a SOMA experiment; a folder or file keeps its type. */
    private static void setType(StoredAsset asset, String type) {
        if (type.equals(TeamspaceAssets.type(asset))) {
            return;
        }
        if (asset instanceof StoredArray array
                && Set.of("array", "notebook", "user_defined_function", "ml_model", "file", "registered_task_graph")
                        .contains(type)) {
            array.fileType = type.equals("array") ? null : type;
        } else if (asset instanceof StoredGroup group
                && Set.of("group", "vcf", "soma", "pointcloud", "bioimg", "geometry", "raster", "vector_search")
                        .contains(type)) {
            group.groupType = type.equals("group") ? "generic" : type;
        } else {
            throw ApiFailure.badRequest("a " + asset.kind() + " cannot become a " + type);
        }
    }

    private void metadata(HttpCall call) {
        int page = Pagination.positive(call, "page", 1);
        int perPage = Pagination.positive(call, "per_page", ArrayRoutes.DEFAULT_PER_PAGE);
        PlatformAccess.Space space = access.space(call);
        StoredAsset asset = assets.find(space.namespace(), call.path("asset"));
        call.json(200, PlatformAnswers.Page.of(TeamspaceAssets.metadata(asset), page, perPage, m -> m));
    }

    /**
     * Body {@code [{"key", "value", "type"}]}: each key is set, typed (numbers and booleans are kept as such, so
     * the v1 {@code metadata_json} of an array returns them typed). Answers 201 with what was saved, as the Java
     * client's table says.
     */
    private void saveMetadata(HttpCall call) {
        List<?> body = call.body(List.class);
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (Object item : body) {
            if (!(item instanceof Map<?, ?> entry)) {
                throw ApiFailure.badRequest("each metadata entry must be an object with key, value and type");
            }
            String key = Json.text(entry, "key");
            String type = entry.get("type") == null ? "STRING_UTF8" : Json.text(entry, "type");
            if (!METADATA_TYPES.contains(type)) {
                throw ApiFailure.badRequest("metadata type must be one of " + METADATA_TYPES + ", was '" + type + "'");
            }
            values.put(key, typed(key, entry.get("value"), type));
            types.put(key, type);
        }
        PlatformAccess.Space space = access.editableSpace(call);
        StoredAsset asset = assets.find(space.namespace(), call.path("asset"));
        asset.metadata.putAll(values);
        asset.metadataTypes.putAll(types);
        state.catalog().changed(asset);
        List<PlatformAnswers.MetadataEntry> saved = new ArrayList<>();
        values.forEach((k, v) -> saved.add(new PlatformAnswers.MetadataEntry(k, String.valueOf(v), types.get(k))));
        call.json(201, new PlatformAnswers.Data(saved));
    }

    private static Object typed(String key, Object value, String type) {
        if (value == null) {
            throw ApiFailure.badRequest("metadata " + key + " needs a value");
        }
        String text = String.valueOf(value);
        try {
            if (type.startsWith("INT") || type.startsWith("UINT")) {
                return Long.parseLong(text);
            }
            if (type.startsWith("FLOAT")) {
                return Double.parseDouble(text);
            }
        } catch (NumberFormatException e) {
            throw ApiFailure.badRequest("metadata " + key + " of type " + type + " has value '" + text + "'");
        }
        if (type.equals("BOOL")) {
            if (!text.equals("true") && !text.equals("false")) {
                throw ApiFailure.badRequest("metadata " + key + " of type BOOL must be true or false");
            }
            return Boolean.parseBoolean(text);
        }
        return text;
    }

    /** {@code ?metadata_key=a&metadata_key=b}; keys that are not set are ignored. */
    private void deleteMetadata(HttpCall call) {
        List<String> keys = call.queryAll("metadata_key");
        if (keys.isEmpty()) {
            throw ApiFailure.badRequest("metadata_key is required");
        }
        PlatformAccess.Space space = access.editableSpace(call);
        StoredAsset asset = assets.find(space.namespace(), call.path("asset"));
        keys.forEach(k -> {
            asset.metadata.remove(k);
            asset.metadataTypes.remove(k);
        });
        state.catalog().changed(asset);
        call.noContent();
    }

    /**
     * Body {@code AssetRegisterRequest}: {@code uri} (required), {@code path} (the new asset's path in the teamspace;
     * without it, {@code name} at the root), {@code access_credentials_name}. The storage URI becomes an array;
     * missing folders on its path are made. Answers 200 (the Java client's table), with the new asset as
     * {@code {"data": Asset}}, which that client ignores.
     */
    private void register(HttpCall call) {
        Map<?, ?> body = call.body(Map.class);
        String uri = Json.text(body, "uri");
        String pathField = Json.optionalText(body, "path");
        String path = pathField != null && !TeamspaceAssets.normalize(pathField).isEmpty()
                ? TeamspaceAssets.normalize(pathField)
                : TeamspaceAssets.normalize(
                        body.get("name") != null ? Json.name(body, "name") : ArrayRoutes.lastSegment(uri));
        PlatformAccess.Space space = access.editableSpace(call);
        StoredArray array = new StoredArray();
        array.namespace = space.namespace();
        array.name = path;
        array.uri = uri;
        array.accessCredentialsName = Json.optionalText(body, "access_credentials_name");
        array.createdBy = call.user().username();
        array.schema = ArraySchemas.defaultFor(mapper, uri);
        array.hasData = true;
        array.size = 1024L;
        state.catalog().add(array);
        state.activity().record(array, "register", call.user().username());
        call.empty(200); // registerAsset answers 200 without a body (TileDB's generated client reads none)
    }

    /**
     * Body {@code AssetsMoveRequest}: {@code assets_to_add} (ids or paths) move into the folder {@code target} (id or
     * path; {@code .} is the root). Answers 200 without a body, as the Java client's table says.
     */
    private void move(HttpCall call) {
        Map<?, ?> body = call.body(Map.class);
        List<String> toMove = idList(body, "assets_to_add");
        String target = Json.text(body, "target");
        PlatformAccess.Space space = access.editableSpace(call);
        moveInto(space, toMove, assets.folderPath(space.namespace(), target));
        call.empty(200);
    }

    /** Moves the assets (ids or paths) into a folder, keeping their names; all are checked before any moves. */
    void moveInto(PlatformAccess.Space space, List<String> idsOrPaths, String folder) {
        List<StoredAsset> found = idsOrPaths.stream()
                .map(id -> assets.find(space.namespace(), id))
                .toList();
        for (StoredAsset asset : found) {
            assets.move(asset, TeamspaceAssets.join(folder, TeamspaceAssets.lastSegment(asset.name)));
        }
    }

    static List<String> idList(Map<?, ?> body, String field) {
        Object value = body.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw ApiFailure.badRequest(field + " must be a list of asset ids or paths");
        }
        return list.stream().map(String.class::cast).toList();
    }
}
