package dev.cameltiledb.emulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Groups: v1 listings, info, contents, update and sharing; v2 create, register, member changes, deregister and
 * delete, as the Python client uses them; the activity of a group's contents under both. Groups nest; sharing a group
 * shares its sub-groups and arrays; a recursive delete removes the members too.
 */
final class GroupRoutes {

    private static final Set<String> GROUP_ACTIONS = Set.of("read", "write", "edit");
    private static final Set<String> GROUP_TYPES =
            Set.of("generic", "vcf", "soma", "bioimg", "pointcloud", "raster", "geometry", "vector_search");
    /** Newest first; then by place among the members; then, inside one array, the later logged first. */
    private static final Comparator<MemberEvent> NEWEST_FIRST = Comparator.comparing(
                    (MemberEvent e) -> e.event().eventAt(), Comparator.reverseOrder())
            .thenComparingInt(MemberEvent::member)
            .thenComparing(MemberEvent::index, Comparator.reverseOrder());

    /** One event of a member array and where it sits: the member's place in the group, the event's in the log. */
    private record MemberEvent(StoredArray array, int member, int index, ActivityEvent event) {}

    private final EmulatorState state;
    private final ArrayRoutes arrays;
    private final Runnable persist;

    GroupRoutes(EmulatorState state, ArrayRoutes arrays, Runnable persist) {
        this.state = state;
        this.arrays = arrays;
        this.persist = persist;
    }

    void register(Router router) {
        router.add("GET", "/v1/groups/browser/owned", call -> browse(call, BrowserListing.Listing.OWNED))
                .add("GET", "/v1/groups/browser/shared", call -> browse(call, BrowserListing.Listing.SHARED))
                .add("GET", "/v1/groups/browser/public", call -> browse(call, BrowserListing.Listing.PUBLIC))
                .add("GET", "/v1/groups/{namespace}/{group}", this::info)
                .add("PATCH", "/v1/groups/{namespace}/{group}", this::update)
                .add("GET", "/v1/groups/{namespace}/{group}/contents", this::contents)
                .add("GET", "/v1/groups/{namespace}/{group}/content_activity", this::contentActivity)
                .add("GET", "/v2/groups/{namespace}/{group}/content_activity", this::contentActivity)
                .add("GET", "/v1/groups/{namespace}/{group}/share", this::sharingPolicies)
                .add("PATCH", "/v1/groups/{namespace}/{group}/share", this::share)
                .add("POST", "/v2/groups/{namespace}", call -> createOrRegister(call, false))
                .add("PUT", "/v2/groups/{namespace}", call -> createOrRegister(call, true))
                .add("PATCH", "/v2/groups/{namespace}/{group}", this::changeMembers)
                .add("DELETE", "/v2/groups/{namespace}/{group}", call -> remove(call, false))
                .add("DELETE", "/v2/groups/{namespace}/{group}/delete", call -> remove(call, true));
    }

    private void browse(HttpCall call, BrowserListing.Listing listing) {
        int page = Pagination.positive(call, "page", 1);
        int perPage = Pagination.positive(call, "per_page", ArrayRoutes.DEFAULT_PER_PAGE);
        String groupType = call.query("group_type");
        Boolean flat = call.queryBoolean("flat");
        String parent = call.query("parent");
        String permissions = call.query("permissions");
        boolean withMetadata = Boolean.TRUE.equals(call.queryBoolean("with_metadata"));
        call.json(200, state.locked(() -> {
            List<StoredGroup> matching = state.listing(call.questionWithout("page"), page, () -> {
                Set<String> nested = nestedGroupIds();
                Predicate<StoredGroup> filter = BrowserListing.<StoredGroup>common(
                                call, listing, state.namespacesOf(call.user()))
                        .and(g -> groupType == null || groupType.equals(g.groupType))
                        .and(g -> !Boolean.FALSE.equals(flat) || parent != null || !nested.contains(g.id))
                        .and(g -> parent == null || isChildOf(g, parent))
                        .and(g -> permissions == null
                                || ArrayRoutes.hasPermission(state.actionsOf(call.user(), g), permissions));
                return state.groups().stream()
                        .filter(filter)
                        .sorted(BrowserListing.order(call.query("orderby")))
                        .toList();
            });
            return Pagination.page("groups", matching, page, perPage, g -> info(g, call.user(), withMetadata));
        }));
    }

    private Set<String> nestedGroupIds() {
        Set<String> nested = new HashSet<>();
        state.groups()
                .forEach(g ->
                        g.members.stream().filter(m -> m.type().equals("group")).forEach(m -> nested.add(m.id())));
        return nested;
    }

    private boolean isChildOf(StoredGroup child, String parentId) {
        StoredGroup parent = state.group(parentId);
        return parent != null && parent.members.stream().anyMatch(m -> m.id().equals(child.id));
    }

    private void info(HttpCall call) {
        call.json(200, state.locked(() -> info(readable(call), call.user(), false)));
    }

    /** The members the caller may see, filtered by member type, search, namespace and tags. */
    private void contents(HttpCall call) {
        int page = Pagination.positive(call, "page", 1);
        int perPage = Pagination.positive(call, "per_page", ArrayRoutes.DEFAULT_PER_PAGE);
        List<String> memberTypes = call.queryAll("member_type");
        List<String> excludeMemberTypes = call.queryAll("exclude_member_type");
        call.json(200, state.locked(() -> {
            StoredGroup group = readable(call);
            // the listing filters (search, namespace, tags) apply to members as they do to listings; every member
            // namespace counts as "owned" so that only those filters decide
            Predicate<ListedAsset> filter = BrowserListing.<ListedAsset>common(
                            call, BrowserListing.Listing.OWNED, allNamespaces())
                    .and(a -> memberTypes.isEmpty() || memberTypes.contains(assetType(a)))
                    .and(a -> !excludeMemberTypes.contains(assetType(a)));
            List<ListedAsset> members = new ArrayList<>();
            for (StoredGroup.Member m : group.members) {
                ListedAsset asset = m.type().equals("group") ? state.group(m.id()) : state.array(m.id());
                if (asset != null && filter.test(asset)) {
                    members.add(asset);
                }
            }
            members.sort(BrowserListing.order(call.query("orderby")));
            return Pagination.page("entries", members, page, perPage, a -> entry(a, call.user()));
        }));
    }

    /**
     * The activity of the arrays (notebooks and files too) that are direct members of the group, merged newest first
     * ({@link #NEWEST_FIRST}); sub-groups and what they hold are left out. The spec names no order: newest first is
     * the emulator's choice, as an activity feed reads. Like {@code contents}, it needs read access to the group
     * only. The merged list is kept for the next page of the same question ({@link EmulatorState#listing}), so a
     * later page costs only its own items.
     */
    private void contentActivity(HttpCall call) {
        int page = Pagination.positive(call, "page", 1);
        int perPage = Pagination.positive(call, "per_page", ArrayRoutes.DEFAULT_PER_PAGE);
        call.json(200, state.locked(() -> {
            StoredGroup group = readable(call);
            List<MemberEvent> events = state.listing(call.questionWithout("page"), page, () -> memberEvents(group));
            return Pagination.page("activity", events, page, perPage, GroupRoutes::contentActivityEntry);
        }));
    }

    /**
     * Each log is added newest first, so the list is one ready run per array (logs are appended in time order) and
     * the sort mostly merges runs: linear for one array with 20,000 events, cheap for 2,000 arrays with a few each.
     */
    private List<MemberEvent> memberEvents(StoredGroup group) {
        List<MemberEvent> events = new ArrayList<>();
        for (int member = 0; member < group.members.size(); member++) {
            StoredGroup.Member m = group.members.get(member);
            StoredArray array = m.type().equals("array") ? state.array(m.id()) : null;
            if (array != null) {
                for (int i = array.activity.size() - 1; i >= 0; i--) {
                    events.add(new MemberEvent(array, member, i, array.activity.get(i)));
                }
            }
        }
        events.sort(NEWEST_FIRST);
        return events;
    }

    private static Map<String, Object> contentActivityEntry(MemberEvent e) {
        Map<String, Object> asset = new LinkedHashMap<>();
        asset.put("id", e.array().id);
        asset.put("name", e.array().name);
        asset.put("namespace", e.array().namespace);
        asset.put("asset_type", assetType(e.array()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("asset", asset);
        m.put("activity_log", ArrayRoutes.event(e.event()));
        return m;
    }

    private Set<String> allNamespaces() {
        Set<String> all = new HashSet<>();
        state.groups().forEach(g -> all.add(g.namespace));
        state.arrays().forEach(a -> all.add(a.namespace));
        return all;
    }

    private static String assetType(ListedAsset asset) {
        if (asset instanceof StoredGroup) {
            return "group";
        }
        StoredArray array = (StoredArray) asset;
        return array.fileType != null ? array.fileType : "array";
    }

    private Map<String, Object> entry(ListedAsset asset, User user) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (asset instanceof StoredGroup g) {
            m.put("member_id", g.id);
            m.put("group", info(g, user, false));
        } else {
            StoredArray a = (StoredArray) asset;
            m.put("member_id", a.id);
            m.put("array", arrays.info(a, user, false));
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private void createOrRegister(HttpCall call, boolean register) {
        String namespace = call.path("namespace");
        Map<String, Object> body = call.body(LinkedHashMap.class);
        if (!(body.get("group_details") instanceof Map<?, ?> raw)) {
            throw ApiFailure.badRequest("group_details is required");
        }
        Map<String, Object> details = (Map<String, Object>) raw;
        if (!(details.get("name") instanceof String name) || name.isBlank() || name.contains("/")) {
            throw ApiFailure.badRequest("group_details.name must be a name without '/'");
        }
        if (!(details.get("uri") instanceof String uri) || uri.isBlank()) {
            throw ApiFailure.badRequest("group_details.uri is required");
        }
        Map<String, Object> created = state.locked(() -> {
            state.requireAdministrable(call.user(), namespace);
            StoredGroup parent = null;
            if (register && details.get("parent") instanceof String parentName && !parentName.isBlank()) {
                parent = state.findGroup(namespace, parentName);
                if (parent == null) {
                    throw ApiFailure.notFound("parent group " + namespace + "/" + parentName + " does not exist");
                }
            }
            StoredGroup group = new StoredGroup();
            group.namespace = namespace;
            group.name = name;
            group.uri = uri;
            group.createdBy = call.user().username();
            group.accessCredentialsName = call.header("X-TILEDB-CLOUD-ACCESS-CREDENTIALS-NAME");
            apply(group, details);
            state.addGroup(group);
            if (parent != null) {
                parent.members.add(new StoredGroup.Member("group", group.id));
            }
            persist.run();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", group.id);
            m.put("name", group.name);
            m.put("tiledb_uri", group.tiledbUri());
            return m;
        });
        // the spec gives create an answer body and register none
        if (register) {
            call.empty(201);
        } else {
            call.json(201, created);
        }
    }

    private void update(HttpCall call) {
        Map<?, ?> body = call.body(Map.class);
        state.locked(() -> {
            StoredGroup group = administered(call);
            if (body.get("name") instanceof String name
                    && !name.equals(group.name)
                    && state.findGroup(group.namespace, name) != null) {
                throw ApiFailure.conflict("group " + group.namespace + "/" + name + " already exists");
            }
            apply(group, body);
            persist.run();
            return null;
        });
        call.noContent();
    }

    @SuppressWarnings("unchecked")
    private static void apply(StoredGroup group, Map<?, ?> fields) {
        fields.forEach((field, value) -> {
            switch (String.valueOf(field)) {
                case "description" -> group.description = (String) value;
                case "name" -> group.name = (String) value;
                case "logo" -> group.logo = (String) value;
                case "tags" -> {
                    if (UpdateFields.nonEmpty(value)) {
                        group.tags = new ArrayList<>((List<String>) value);
                    }
                }
                case "license_id" -> group.licenseId = (String) value;
                case "license_text" -> group.licenseText = (String) value;
                case "access_credentials_name" -> group.accessCredentialsName = (String) value;
                case "group_type" -> {
                    if (!GROUP_TYPES.contains(String.valueOf(value))) {
                        throw ApiFailure.badRequest("group_type must be one of " + GROUP_TYPES);
                    }
                    group.groupType = (String) value;
                }
                default -> {
                    // the service ignores fields it does not update
                }
            }
        });
    }

    /** {@code members_to_add} name {@code tiledb://} URIs of arrays or groups; {@code members_to_remove} URIs. */
    @SuppressWarnings("unchecked")
    private void changeMembers(HttpCall call) {
        Map<String, Object> body = call.body(LinkedHashMap.class);
        Map<String, Object> changes =
                body.get("group_changes") instanceof Map<?, ?> c ? (Map<String, Object>) c : Map.of();
        List<Map<String, Object>> add = (List<Map<String, Object>>) changes.getOrDefault("members_to_add", List.of());
        List<String> remove = (List<String>) changes.getOrDefault("members_to_remove", List.of());
        state.locked(() -> {
            StoredGroup group = administered(call);
            List<StoredGroup.Member> added = new ArrayList<>();
            for (Map<String, Object> member : add) {
                String type = String.valueOf(member.get("type"));
                ListedAsset asset = resolve(call.user(), String.valueOf(member.get("uri")), type);
                String id = asset instanceof StoredGroup g ? g.id : ((StoredArray) asset).id;
                if (id.equals(group.id) || asset instanceof StoredGroup g && contains(g, group.id)) {
                    throw ApiFailure.badRequest("a group cannot contain itself");
                }
                added.add(new StoredGroup.Member(type.equals("GROUP") ? "group" : "array", id));
            }
            List<String> removed = new ArrayList<>();
            for (String uri : remove) {
                StoredGroup.Member member = group.members.stream()
                        .filter(m -> uri.equals(uriOf(m)) || uri.equals(m.id()))
                        .findFirst()
                        .orElseThrow(() -> ApiFailure.notFound(uri + " is not a member of " + group.tiledbUri()));
                removed.add(member.id());
            }
            // validated whole before anything changes: a bad member leaves the group as it was
            added.stream().filter(m -> !group.members.contains(m)).forEach(group.members::add);
            group.members.removeIf(m -> removed.contains(m.id()));
            persist.run();
            return null;
        });
        call.noContent();
    }

    private ListedAsset resolve(User user, String uri, String type) {
        if (!uri.startsWith("tiledb://") || uri.indexOf('/', 9) < 0) {
            throw ApiFailure.badRequest("member uri must be tiledb://namespace/name, was '" + uri + "'");
        }
        String rest = uri.substring(9);
        String namespace = rest.substring(0, rest.indexOf('/'));
        String name = rest.substring(rest.indexOf('/') + 1);
        return switch (type) {
            case "ARRAY" -> state.readable(user, namespace, name);
            case "GROUP" -> state.readableGroup(user, namespace, name);
            default -> throw ApiFailure.badRequest("member type must be ARRAY or GROUP, was '" + type + "'");
        };
    }

    private String uriOf(StoredGroup.Member member) {
        ListedAsset asset = member.type().equals("group") ? state.group(member.id()) : state.array(member.id());
        return asset == null ? null : "tiledb://" + asset.namespace() + "/" + asset.name();
    }

    private boolean contains(StoredGroup group, String id) {
        return group.members.stream()
                .anyMatch(m -> m.id().equals(id)
                        || m.type().equals("group")
                                && state.group(m.id()) != null
                                && contains(state.group(m.id()), id));
    }

    /** Deregister (v2 DELETE) or delete ({@code /delete}); with {@code recursive} every member goes too. */
    private void remove(HttpCall call, boolean delete) {
        boolean recursive = "true".equalsIgnoreCase(call.query("recursive"));
        state.locked(() -> {
            StoredGroup group = administered(call);
            removeTree(group, recursive, delete ? "delete" : "deregister", call.user());
            persist.run();
            return null;
        });
        call.empty(delete ? 204 : 200);
    }

    private void removeTree(StoredGroup group, boolean recursive, String action, User user) {
        if (recursive) {
            for (StoredGroup.Member m : List.copyOf(group.members)) {
                if (m.type().equals("group") && state.group(m.id()) != null) {
                    removeTree(state.group(m.id()), true, action, user);
                } else if (state.array(m.id()) != null) {
                    state.remove(state.array(m.id()), action, user.username());
                }
            }
        }
        state.removeGroup(group);
    }

    private void sharingPolicies(HttpCall call) {
        call.json(
                200,
                state.locked(() -> sharingAdministered(call).sharing.entrySet().stream()
                        .map(e -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("group_actions", e.getValue().groupActions());
                            m.put("array_actions", e.getValue().arrayActions());
                            m.put("namespace", e.getKey());
                            m.put("namespace_type", state.namespaceType(e.getKey()));
                            return m;
                        })
                        .toList()));
    }

    /** Applies to the group, every sub-group and every array inside, as the service does; empty lists revoke. */
    @SuppressWarnings("unchecked")
    private void share(HttpCall call) {
        Map<String, Object> body = call.body(LinkedHashMap.class);
        if (!(body.get("namespace") instanceof String namespace) || namespace.isBlank()) {
            throw ApiFailure.badRequest("namespace is required");
        }
        List<String> groupActions = (List<String>) body.getOrDefault("group_actions", List.of());
        List<String> arrayActions = (List<String>) body.getOrDefault("array_actions", List.of());
        if (!GROUP_ACTIONS.containsAll(groupActions) || !EmulatorState.OWNER_ACTIONS.containsAll(arrayActions)) {
            throw ApiFailure.badRequest("group_actions must be among " + GROUP_ACTIONS + " and array_actions among "
                    + EmulatorState.OWNER_ACTIONS);
        }
        state.locked(() -> {
            StoredGroup group = sharingAdministered(call);
            if (!state.namespaceExists(namespace)) {
                throw ApiFailure.notFound("namespace " + namespace + " does not exist");
            }
            shareTree(group, namespace, List.copyOf(groupActions), List.copyOf(arrayActions), new HashSet<>());
            persist.run();
            return null;
        });
        call.noContent();
    }

    private void shareTree(
            StoredGroup group,
            String namespace,
            List<String> groupActions,
            List<String> arrayActions,
            Set<String> seen) {
        if (!seen.add(group.id)) {
            return;
        }
        if (groupActions.isEmpty() && arrayActions.isEmpty()) {
            group.sharing.remove(namespace);
        } else {
            group.sharing.put(namespace, new StoredGroup.Share(groupActions, arrayActions));
        }
        for (StoredGroup.Member m : group.members) {
            if (m.type().equals("group") && state.group(m.id()) != null) {
                shareTree(state.group(m.id()), namespace, groupActions, arrayActions, seen);
            } else if (state.array(m.id()) != null) {
                if (arrayActions.isEmpty()) {
                    state.array(m.id()).sharing.remove(namespace);
                } else {
                    state.array(m.id()).sharing.put(namespace, arrayActions);
                }
            }
        }
    }

    Map<String, Object> info(StoredGroup g, User user, boolean withMetadata) {
        long assets = g.members.stream().filter(m -> m.type().equals("array")).count();
        long groups = g.members.size() - assets;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", g.id);
        m.put("namespace", g.namespace);
        m.put("name", g.name);
        m.put("description", g.description);
        m.put("uri", g.uri);
        m.put("tiledb_uri", g.tiledbUri());
        m.put("asset_count", assets);
        m.put("group_count", groups);
        m.put("size", assets + groups);
        if (g.lastAccessed != null) {
            m.put("last_accessed", g.lastAccessed.toString());
        }
        m.put("allowed_actions", state.actionsOf(user, g));
        m.put("group_type", g.groupType);
        if (g.accessCredentialsName != null) {
            m.put("access_credentials_name", g.accessCredentialsName);
        }
        m.put("share_count", g.sharing.size());
        m.put("public_share", g.isPublic());
        m.put("tags", g.tags);
        m.put("created_at", g.createdAt.toString());
        m.put("created_by", g.createdBy);
        if (withMetadata) {
            m.put("metadata", List.of());
        }
        return m;
    }

    private StoredGroup readable(HttpCall call) {
        return state.readableGroup(call.user(), call.path("namespace"), call.path("group"));
    }

    private StoredGroup administered(HttpCall call) {
        return state.administeredGroup(call.user(), call.path("namespace"), call.path("group"));
    }

    /** A 404, not a 403, for whoever may not read or change the group's sharing (spec of both share endpoints). */
    private StoredGroup sharingAdministered(HttpCall call) {
        return state.groupSharingAdministered(call.user(), call.path("namespace"), call.path("group"));
    }
}
