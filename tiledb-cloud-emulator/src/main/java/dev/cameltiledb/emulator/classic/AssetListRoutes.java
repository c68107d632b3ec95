package dev.cameltiledb.emulator.classic;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.cameltiledb.emulator.User;
import dev.cameltiledb.emulator.common.Router;
import dev.cameltiledb.emulator.http.ApiFailure;
import dev.cameltiledb.emulator.http.Handler;
import dev.cameltiledb.emulator.http.HttpCall;
import dev.cameltiledb.emulator.http.Pagination;
import dev.cameltiledb.emulator.state.EmulatorState;
import dev.cameltiledb.emulator.state.StoredArray;
import dev.cameltiledb.emulator.state.StoredAsset;
import dev.cameltiledb.emulator.state.StoredGroup;

/**
 * The classic platform's asset listings ({@code tiledb.cloud.asset.list} and {@code list_public}): arrays, notebooks,
 * files and groups together, as {@code AssetListResponse} pages. {@code GET /v1/assets/{namespace}} lists what the
 * namespace owns and what is shared with it, {@code GET /v1/public_assets} what is public; each only as far as the
 * caller may see it.
 *
 * <p>Filters, as the spec names them: {@code asset_type} (the asset's kind: {@code array}, {@code notebook},
 * {@code file}, {@code group}...), {@code ownership_level} ({@code owned}, {@code shared}; namespace listing only),
 * {@code depth} ({@code root}: only assets no group holds; {@code all}, or absent: every asset), {@code search} (name,
 * namespace or description, any case), {@code order_by} ({@code created_at} (the default, newest first),
 * {@code name} or {@code asset_type}, each optionally followed by {@code asc} or {@code desc}) and {@code expand}
 * ({@code metadata}: each asset's metadata). Registered on the classic server only: the workspace platform lists assets
 * under {@code /v4/assets}.
 */
public final class AssetListRoutes {

    private static final Set<String> DEPTHS = Set.of("root", "all");
    private static final Set<String> OWNERSHIP_LEVELS = Set.of("owned", "shared");
    private static final Set<String> EXPANSIONS = Set.of("metadata");

    /** An asset as these listings see it, and whether the namespace listed owns it. */
    private record Listed(StoredAsset asset, boolean owned) {}

    private final EmulatorState state;

    public AssetListRoutes(EmulatorState state) {
        this.state = state;
    }

    public void register(Router<Handler> router) {
        router.add("GET", "/v1/assets/{namespace}", this::inNamespace).add("GET", "/v1/public_assets", this::inPublic);
    }

    private void inNamespace(HttpCall call) {
        String namespace = call.path("namespace");
        String ownership = oneOf(call, "ownership_level", OWNERSHIP_LEVELS);
        answer(call, user -> {
            if (!state.accounts().namespaceExists(namespace) || EmulatorState.PUBLIC.equals(namespace)) {
                throw ApiFailure.notFound("namespace " + namespace + " does not exist");
            }
            return visible(user)
                    .map(a -> new Listed(a, a.namespace.equals(namespace)))
                    .filter(l -> l.owned() || l.asset().sharedWith().contains(namespace))
                    .filter(l -> ownership == null || ownership.equals("owned") == l.owned());
        });
    }

    private void inPublic(HttpCall call) {
        answer(call, user -> {
            Set<String> own = state.accounts().namespacesOf(user);
            return visible(user).filter(StoredAsset::isPublic).map(a -> new Listed(a, own.contains(a.namespace)));
        });
    }

    /** The common filters, order and page of both listings, over the assets {@code select} picks for the caller. */
    private void answer(HttpCall call, java.util.function.Function<User, Stream<Listed>> select) {
        int page = Pagination.positive(call, "page", 1);
        int perPage = Pagination.positive(call, "per_page", ArrayRoutes.DEFAULT_PER_PAGE);
        String depth = oneOf(call, "depth", DEPTHS);
        String type = call.query("asset_type");
        String search =
                call.query("search") == null ? null : call.query("search").toLowerCase(Locale.ROOT);
        Comparator<Listed> order = order(call.query("order_by"));
        boolean withMetadata = expandsMetadata(call.query("expand"));
        List<Listed> matching = state.listing(call.questionWithout("page"), page, () -> {
            Set<String> inGroups = "root".equals(depth) ? groupMemberIds() : Set.of();
            return select.apply(call.user())
                    .filter(l -> type == null || type.equals(assetType(l.asset())))
                    .filter(l -> !inGroups.contains(l.asset().id))
                    .filter(l -> search == null || matches(l.asset(), search))
                    .sorted(order)
                    .toList();
        });
        call.json(200, Pagination.page("data", matching, page, perPage, l -> render(l, withMetadata)));
    }

    /** Arrays and groups the user may see (the workspace platform's folders and items are not classic assets). */
    private Stream<StoredAsset> visible(User user) {
        return Stream.concat(state.catalog().arrays().stream(), state.catalog().groups().stream())
                .filter(a -> !state.access().actionsOf(user, a).isEmpty());
    }

    private Set<String> groupMemberIds() {
        Set<String> ids = new HashSet<>();
        state.catalog().groups().forEach(g -> g.members.forEach(m -> ids.add(m.id())));
        return ids;
    }

    /** {@code AssetType}: a group, else the array's file type (notebook, file...), else {@code array}. */
    private static String assetType(StoredAsset asset) {
        if (asset instanceof StoredArray array) {
            return array.fileType != null ? array.fileType : "array";
        }
        return "group";
    }

    private static boolean matches(StoredAsset asset, String lowerNeedle) {
        return Stream.of(asset.name, asset.namespace, asset.description)
                .anyMatch(
                        field -> field != null && field.toLowerCase(Locale.ROOT).contains(lowerNeedle));
    }

    /** {@code created_at desc} unless told otherwise; ties in name order, so pages never overlap. */
    private static Comparator<Listed> order(String orderBy) {
        String[] parts = orderBy == null || orderBy.isBlank()
                ? new String[] {"created_at", "desc"}
                : orderBy.strip().split("\\s+");
        if (parts.length > 2 || parts.length == 2 && !parts[1].equals("asc") && !parts[1].equals("desc")) {
            throw ApiFailure.badRequest(
                    "order_by must be created_at, name or asset_type, optionally followed by asc or desc, was '"
                            + orderBy + "'");
        }
        Comparator<Listed> byName =
                Comparator.comparing((Listed l) -> l.asset().namespace).thenComparing(l -> l.asset().name);
        Comparator<Listed> key = switch (parts[0]) {
            case "created_at" -> Comparator.comparing((Listed l) -> createdAt(l.asset()));
            case "name" -> Comparator.comparing((Listed l) -> l.asset().name);
            case "asset_type" -> Comparator.comparing((Listed l) -> assetType(l.asset()));
            default ->
                throw ApiFailure.badRequest("order_by must be created_at, name or asset_type, was '" + parts[0] + "'");
        };
        boolean descending = parts.length == 2 ? parts[1].equals("desc") : parts[0].equals("created_at");
        return (descending ? key.reversed() : key).thenComparing(byName);
    }

    private static Instant createdAt(StoredAsset asset) {
        return asset.createdAt != null ? asset.createdAt : Instant.EPOCH;
    }

    private static boolean expandsMetadata(String expand) {
        if (expand == null || expand.isBlank()) {
            return false;
        }
        for (String part : expand.split(",")) {
            if (!EXPANSIONS.contains(part.strip())) {
                throw ApiFailure.badRequest("expand may only name " + EXPANSIONS + ", was '" + expand + "'");
            }
        }
        return true;
    }

    private static String oneOf(HttpCall call, String name, Set<String> allowed) {
        String value = call.query(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!allowed.contains(value)) {
            throw ApiFailure.badRequest(name + " must be one of " + allowed + ", was '" + value + "'");
        }
        return value;
    }

    /** An {@code AssetInfo}; its ownership level is relative to the namespace listed (public: to the caller). */
    private Map<String, Object> render(Listed l, boolean withMetadata) {
        StoredAsset a = l.asset();
        boolean group = a instanceof StoredGroup;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uuid", a.id);
        m.put("asset_type", assetType(a));
        m.put("asset_backing_type", group ? "group" : "array");
        m.put("asset_ownership_level", l.owned() ? "owned" : "shared");
        m.put("namespace_name", a.namespace);
        m.put("namespace_uuid", state.accounts().idOf(a.namespace));
        m.put("name", a.name);
        m.put("mime_type", group ? "application/vnd.tiledb.v1.group" : "application/vnd.tiledb.v1.array");
        if (a.createdAt != null) {
            m.put("created_at", a.createdAt.toString());
        }
        if (withMetadata) {
            m.put("metadata", Map.of("entries", metadataOf(a)));
        }
        return m;
    }

    /** {@code MetadataStringifiedEntry} items: a group's v2 entries as the v1 listings show them, an array's values. */
    private static List<Map<String, Object>> metadataOf(StoredAsset asset) {
        if (asset instanceof StoredGroup group) {
            return GroupContentRoutes.stringified(group);
        }
        return asset.metadata.entrySet().stream()
                .map(e -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("key", e.getKey());
                    entry.put("value", String.valueOf(e.getValue()));
                    entry.put("type", "array_metadata");
                    return entry;
                })
                .toList();
    }
}
