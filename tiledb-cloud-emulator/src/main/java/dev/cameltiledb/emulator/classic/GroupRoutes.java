package dev.cameltiledb.emulator.classic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import dev.cameltiledb.emulator.User;
import dev.cameltiledb.emulator.common.Router;
import dev.cameltiledb.emulator.http.ApiFailure;
import dev.cameltiledb.emulator.http.Handler;
import dev.cameltiledb.emulator.http.HttpCall;
import dev.cameltiledb.emulator.http.Pagination;
import dev.cameltiledb.emulator.state.ActivityEvent;
import dev.cameltiledb.emulator.state.AssetStorage;
import dev.cameltiledb.emulator.state.EmulatorState;
import dev.cameltiledb.emulator.state.ListedAsset;
import dev.cameltiledb.emulator.state.StoredArray;
import dev.cameltiledb.emulator.state.StoredAsset;
import dev.cameltiledb.emulator.state.StoredGroup;

/**
 * Groups: v1 listings, info, contents, update and sharing, and the v1 writes (create, register, member changes,
 * delete) the official Java and JavaScript clients send; v2 create, register, member changes, deregister and delete,
 * as the Python client uses them; the activity of a group's contents under both. The v2 reads TileDB Embedded uses
 * (retrieve, metadata, the group's activity) are in {@link GroupContentRoutes}. Groups nest; sharing a group shares
 * its sub-groups and arrays; a recursive (v2) delete removes the members too, a v1 delete never does.
 */
public final class GroupRoutes {

    private static final Set<String> GROUP_ACTIONS = Set.of("read", "write", "edit");
    public static final Set<String> GROUP_TYPES =
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

    public GroupRoutes(EmulatorState state, ArrayRoutes arrays) {
        this.state = state;
        this.arrays = arrays;
    }

    public void register(Router<Handler> router) {
        router.add("GET", "/v1/groups/browser/owned", call -> browse(call, BrowserListing.Listing.OWNED))
                .add("GET", "/v1/groups/browser/shared", call -> browse(call, BrowserListing.Listing.SHARED))
                .add("GET", "/v1/groups/browser/public", call -> browse(call, BrowserListing.Listing.PUBLIC))
                .add("POST", "/v1/groups/{namespace}/create", call -> createOrRegisterV1(call, false))
                .add("GET", "/v1/groups/{namespace}/{group}", this::info)
                .add("PATCH", "/v1/groups/{namespace}/{group}", this::update)
                .add("DELETE", "/v1/groups/{namespace}/{group}", this::deleteV1)
                .add("POST", "/v1/groups/{namespace}/{group}/register", call -> createOrRegisterV1(call, true))
                .add("GET", "/v1/groups/{namespace}/{group}/contents", this::contents)
                .add("POST", "/v1/groups/{namespace}/{group}/contents", this::changeContentsV1)
                .add("GET", "/v1/groups/{namespace}/{group}/content_activity", this::contentActivity)
                .add("GET", "/v2/groups/{namespace}/{group}/content_activity", this::contentActivity)
                .add("GET", "/v1/groups/{namespace}/{group}/share", this::sharingPolicies)
                .add("PATCH", "/v1/groups/{namespace}/{group}/share", this::share)
                .add("POST", "/v2/groups/{namespace}", call -> createOrRegister(call, false))
                .add("PUT", "/v2/groups/{namespace}", call -> createOrRegister(call, true))
                .add("PATCH", "/v2/groups/{namespace}/{group}", this::changeMembers)
                .add("DELETE", "/v2/groups/{namespace}/{group}", call -> remove(call, false))
                .add("DELETE", "/v2/groups/{namespace}/{group}/delete", call -> remove(call, true));
        new GroupContentRoutes(state).register(router);
    }

    private void browse(HttpCall call, BrowserListing.Listing listing) {
        int page = Pagination.positive(call, "page", 1);
        int perPage = Pagination.positive(call, "per_page", ArrayRoutes.DEFAULT_PER_PAGE);
        String groupType = call.query("group_type");
        Boolean flat = call.queryBoolean("flat");
        String parent = call.query("parent");
        String permissions = call.query("permissions");
        boolean withMetadata = Boolean.TRUE.equals(call.queryBoolean("with_metadata"));
        List<StoredGroup> matching = state.listing(call.questionWithout("page"), page, () -> {
            Set<String> nested = nestedGroupIds();
            Predicate<StoredGroup> filter = BrowserListing.<StoredGroup>common(
                            call, listing, state.accounts().namespacesOf(call.user()))
                    .and(g -> groupType == null || groupType.equals(g.groupType))
                    // the spec: "if true, ignores the nesting of groups"; absent is not true
                    .and(g -> Boolean.TRUE.equals(flat) || parent != null || !nested.contains(g.id))
                    .and(g -> parent == null || isChildOf(g, parent))
                    .and(g -> permissions == null
                            || ArrayRoutes.hasPermission(state.access().actionsOf(call.user(), g), permissions));
            return state.catalog().groups().stream()
                    .filter(filter)
                    .sorted(BrowserListing.order(call.query("orderby")))
                    .toList();
        });
        call.json(200, Pagination.page("groups", matching, page, perPage, g -> info(g, call.user(), withMetadata)));
    }

    private Set<String> nestedGroupIds() {
        Set<String> nested = new HashSet<>();
        state.catalog()
                .groups()
                .forEach(g ->
                        g.members.stream().filter(m -> m.type().equals("group")).forEach(m -> nested.add(m.id())));
        return nested;
    }

    private boolean isChildOf(StoredGroup child, String parentId) {
        StoredGroup parent = state.catalog().group(parentId);
        return parent != null && parent.members.stream().anyMatch(m -> m.id().equals(child.id));
    }

    private void info(HttpCall call) {
        call.json(200, info(readable(call), call.user(), false));
    }

    /** The members the caller may see, filtered by member type, search, namespace and tags. */
    private void contents(HttpCall call) {
        int page = Pagination.positive(call, "page", 1);
        int perPage = Pagination.positive(call, "per_page", ArrayRoutes.DEFAULT_PER_PAGE);
        List<String> memberTypes = call.queryAll("member_type");
        List<String> excludeMemberTypes = call.queryAll("exclude_member_type");
        StoredGroup group = readable(call);
        // the listing filters (search, namespace, tags) apply to members as they do to listings; every member
        // namespace counts as "owned" so that only those filters decide
        Predicate<ListedAsset> filter = BrowserListing.<ListedAsset>common(
                        call, BrowserListing.Listing.OWNED, allNamespaces())
                .and(a -> memberTypes.isEmpty() || memberTypes.contains(assetType(a)))
                .and(a -> !excludeMemberTypes.contains(assetType(a)));
        List<ListedAsset> members = new ArrayList<>();
        for (StoredGroup.Member m : group.members) {
            ListedAsset asset = m.type().equals("group")
                    ? state.catalog().group(m.id())
                    : state.catalog().array(m.id());
            if (asset != null && filter.test(asset)) {
                members.add(asset);
            }
        }
        members.sort(BrowserListing.order(call.query("orderby")));
        call.json(200, Pagination.page("entries", members, page, perPage, a -> entry(a, call.user())));
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
        StoredGroup group = readable(call);
        List<MemberEvent> events = state.listing(call.questionWithout("page"), page, () -> memberEvents(group));
        call.json(200, Pagination.page("activity", events, page, perPage, GroupRoutes::contentActivityEntry));
    }

    /**
     * Each log is added newest first, so the list is one ready run per array (logs are appended in time order) and
     * the sort mostly merges runs: linear for one array with 20,000 events, cheap for 2,000 arrays with a few each.
     */
    private List<MemberEvent> memberEvents(StoredGroup group) {
        List<MemberEvent> events = new ArrayList<>();
        for (int member = 0; member < group.members.size(); member++) {
            StoredGroup.Member m = group.members.get(member);
            StoredArray array = m.type().equals("array") ? state.catalog().array(m.id()) : null;
            if (array != null) {
                for (int i = array.activity.size() - 1; i >= 0; i--) {
                    events.add(new MemberEvent(array, member, i, array.activity.get(i)));
                }
            }
        }
        events.sort(NEWEST_FIRST);
        return events;
    }

    private static GroupAnswers.ContentActivity contentActivityEntry(MemberEvent e) {
        return new GroupAnswers.ContentActivity(
                new GroupAnswers.ActivityAsset(e.array().id, e.array().name, e.array().namespace, assetType(e.array())),
                ArrayRoutes.event(e.event()));
    }

    private Set<String> allNamespaces() {
        Set<String> all = new HashSet<>();
        state.catalog().groups().forEach(g -> all.add(g.namespace));
        state.catalog().arrays().forEach(a -> all.add(a.namespace));
        return all;
    }

    private static String assetType(ListedAsset asset) {
        if (asset instanceof StoredGroup) {
            return "group";
        }
        StoredArray array = (StoredArray) asset;
        return array.fileType != null ? array.fileType : "array";
    }

    private GroupAnswers.GroupEntry entry(ListedAsset asset, User user) {
        if (asset instanceof StoredGroup g) {
            return new GroupAnswers.GroupEntry(g.id, info(g, user, false), null);
        }
        StoredArray a = (StoredArray) asset;
        return new GroupAnswers.GroupEntry(a.id, null, arrays.info(a, user, false));
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
        state.access().requireAdministrable(call.user(), namespace);
        // a name or id in the namespace, or the tiledb:// URI TileDB-Cloud-Py's groups.register sends
        StoredGroup parent = register && details.get("parent") instanceof String parentName
                ? parent(call.user(), namespace, parentName)
                : null;
        StoredGroup group = new StoredGroup();
        group.namespace = namespace;
        group.name = name;
        group.uri = uri;
        group.createdBy = call.user().username();
        group.accessCredentialsName = call.header("X-TILEDB-CLOUD-ACCESS-CREDENTIALS-NAME");
        apply(group, details);
        state.catalog().addGroup(group);
        if (parent != null) {
            parent.members.add(new StoredGroup.Member("group", group.id));
            state.catalog().changed(parent);
        }
        state.activity().record(group, register ? "register" : "create", call.user());
        GroupAnswers.GroupCreated created = new GroupAnswers.GroupCreated(group.id, group.name, group.tiledbUri());
        // the spec gives create an answer body and register none
        if (register) {
            call.empty(201);
        } else {
            call.json(201, created);
        }
    }

    /** The string fields of v1 {@code GroupCreate} and {@code GroupRegister}; anything else there is a 400. */
    private static final List<String> V1_TEXT_FIELDS = List.of(
            "name", "uri", "parent", "description", "logo", "access_credentials_name", "license_id", "license_text");

    /**
     * v1 create ({@code POST /v1/groups/{ns}/create}, {@code GroupCreate}) and register
     * ({@code POST /v1/groups/{ns}/{group}/register}, {@code GroupRegister}), both answered 204 as the spec says.
     * The register path's segment names the group, or carries its (encoded) storage URI; the body's {@code name} and
     * {@code uri} win when given. A create without {@code uri} goes where the namespace's storage settings put groups
     * ({@link AssetStorage}: its groups location, else {@code <default_s3_path>/groups}); without settings it is a 400.
     * {@code parent} (a name or id in the namespace, or a {@code tiledb://} URI) gets the new group as a member.
     */
    private void createOrRegisterV1(HttpCall call, boolean register) {
        String namespace = call.path("namespace");
        Map<String, Object> details = v1Details(call);
        String name = (String) details.get("name");
        String uri = (String) details.get("uri");
        if (register) {
            String segment = call.path("group");
            if (segment.contains("://")) {
                uri = uri != null ? uri : segment;
            } else {
                name = name != null ? name : segment;
            }
        }
        if (name == null || name.isBlank() || name.contains("/")) {
            throw ApiFailure.badRequest("name must be a group name without '/'");
        }
        if (register && (uri == null || uri.isBlank())) {
            throw ApiFailure.badRequest("uri is required to register a group");
        }
        String groupName = name;
        String givenUri = uri;
        state.access().requireAdministrable(call.user(), namespace);
        AssetStorage.Placement placement = givenUri != null && !givenUri.isBlank()
                ? new AssetStorage.Placement(givenUri, null)
                : AssetStorage.settled(state.accounts(), namespace, "groups", groupName);
        if (placement == null) {
            throw ApiFailure.badRequest("uri is required: namespace " + namespace
                    + " has no default_s3_path or groups location to create the group under");
        }
        StoredGroup parent = parent(call.user(), namespace, (String) details.get("parent"));
        StoredGroup group = new StoredGroup();
        group.namespace = namespace;
        group.createdBy = call.user().username();
        apply(group, details);
        group.name = groupName;
        group.uri = placement.uri();
        if (group.accessCredentialsName == null) {
            group.accessCredentialsName = placement.credentialsName();
        }
        state.catalog().addGroup(group);
        if (parent != null) {
            parent.members.add(new StoredGroup.Member("group", group.id));
            state.catalog().changed(parent);
        }
        state.activity().record(group, register ? "register" : "create", call.user());
        call.noContent();
    }

    /** The v1 create/register body with its types checked, so that a wrong one is a 400 and never a 500. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> v1Details(HttpCall call) {
        Map<String, Object> details = call.body(LinkedHashMap.class);
        for (String field : V1_TEXT_FIELDS) {
            if (details.get(field) != null && !(details.get(field) instanceof String)) {
                throw ApiFailure.badRequest(field + " must be a string");
            }
        }
        Object tags = details.get("tags");
        if (tags == null) {
            details.remove("tags");
        } else if (!(tags instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw ApiFailure.badRequest("tags must be a list of strings");
        }
        // not a field of GroupCreate or GroupRegister
        details.remove("group_type");
        return details;
    }

    /**
     * The parent named by a create or register (v1, or the v2 register), which the caller must administer; null for a
     * top-level group.
     */
    private StoredGroup parent(User user, String namespace, String parent) {
        if (parent == null || parent.isBlank()) {
            return null;
        }
        if (parent.startsWith("tiledb://")) {
            String rest = parent.substring(9);
            int slash = rest.lastIndexOf('/');
            if (slash <= 0) {
                throw ApiFailure.badRequest("parent must be a name, an id or tiledb://namespace/name, was " + parent);
            }
            return state.access().administeredGroup(user, rest.substring(0, slash), rest.substring(slash + 1));
        }
        return state.access().administeredGroup(user, namespace, parent);
    }

    /**
     * v1 delete: the group goes, its members stay (the spec: "the assets are not deleted nor relocated"); sub-groups
     * become top-level groups. The spec gives it no {@code recursive} parameter, so none is read.
     */
    private void deleteV1(HttpCall call) {
        StoredGroup group = administered(call);
        state.catalog().removeGroup(group);
        call.noContent();
    }

    /**
     * v1 {@code GroupChanges}: {@code add} and {@code remove} list {@code GroupMember}s by namespace, name (or id) and
     * {@code member_type} ({@code array} or {@code group}; without it an array of that name is meant, else a group).
     * Like the v2 {@code PATCH}, it needs the group's namespace administered, each added member readable (404
     * otherwise), each removed one a member (404 otherwise); checked whole before the group changes. Adding a member
     * twice keeps one.
     */
    private void changeContentsV1(HttpCall call) {
        Map<?, ?> body = call.body(Map.class);
        List<Map<?, ?>> add = v1Members(body, "add");
        List<Map<?, ?>> remove = v1Members(body, "remove");
        StoredGroup group = administered(call);
        List<StoredGroup.Member> added = new ArrayList<>();
        for (Map<?, ?> member : add) {
            String namespace = (String) member.get("namespace");
            String name = (String) member.get("name");
            Object type = member.get("member_type");
            StoredAsset asset =
                    "group".equals(type) || type == null && state.catalog().find(namespace, name) == null
                            ? state.access().readableGroup(call.user(), namespace, name)
                            : state.access().readable(call.user(), namespace, name);
            if (asset.id.equals(group.id) || asset instanceof StoredGroup g && contains(g, group.id)) {
                throw ApiFailure.badRequest("a group cannot contain itself");
            }
            added.add(new StoredGroup.Member(asset instanceof StoredGroup ? "group" : "array", asset.id));
        }
        List<String> removed = new ArrayList<>();
        for (Map<?, ?> member : remove) {
            String namespace = (String) member.get("namespace");
            String name = (String) member.get("name");
            Object type = member.get("member_type");
            StoredGroup.Member found = group.members.stream()
                    .filter(m -> type == null || type.equals(m.type()))
                    .filter(m -> {
                        ListedAsset asset = m.type().equals("group")
                                ? state.catalog().group(m.id())
                                : state.catalog().array(m.id());
                        return asset != null
                                && asset.namespace().equals(namespace)
                                && (asset.name().equals(name) || m.id().equals(name));
                    })
                    .findFirst()
                    .orElseThrow(() ->
                            ApiFailure.notFound(namespace + "/" + name + " is not a member of " + group.tiledbUri()));
            removed.add(found.id());
        }
        added.stream().filter(m -> !group.members.contains(m)).forEach(group.members::add);
        group.members.removeIf(m -> removed.contains(m.id()));
        state.activity().record(group, "group_contents_update", call.user());
        call.noContent();
    }

    /** One list of a v1 {@code GroupChanges}, each member's fields checked; absent is empty. */
    private static List<Map<?, ?>> v1Members(Map<?, ?> body, String field) {
        Object value = body.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw ApiFailure.badRequest(field + " must be a list of group members");
        }
        List<Map<?, ?>> members = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> member)
                    || !(member.get("namespace") instanceof String namespace)
                    || namespace.isBlank()
                    || !(member.get("name") instanceof String name)
                    || name.isBlank()) {
                throw ApiFailure.badRequest("each member to " + field + " needs a namespace and a name");
            }
            Object type = member.get("member_type");
            if (type != null && !"array".equals(type) && !"group".equals(type)) {
                throw ApiFailure.badRequest("member_type must be array or group, was '" + type + "'");
            }
            members.add(member);
        }
        return members;
    }

    private void update(HttpCall call) {
        Map<?, ?> body = call.body(Map.class);
        StoredGroup group = administered(call);
        if (body.get("name") instanceof String name
                && !name.equals(group.name)
                && state.catalog().findGroup(group.namespace, name) != null) {
            throw ApiFailure.conflict("group " + group.namespace + "/" + name + " already exists");
        }
        apply(group, body);
        state.activity().record(group, "update", call.user());
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
        state.activity().record(group, "group_contents_update", call.user());
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
            case "ARRAY" -> state.access().readable(user, namespace, name);
            case "GROUP" -> state.access().readableGroup(user, namespace, name);
            default -> throw ApiFailure.badRequest("member type must be ARRAY or GROUP, was '" + type + "'");
        };
    }

    private String uriOf(StoredGroup.Member member) {
        ListedAsset asset = member.type().equals("group")
                ? state.catalog().group(member.id())
                : state.catalog().array(member.id());
        return asset == null ? null : "tiledb://" + asset.namespace() + "/" + asset.name();
    }

    private boolean contains(StoredGroup group, String id) {
        return group.members.stream()
                .anyMatch(m -> m.id().equals(id)
                        || m.type().equals("group")
                                && state.catalog().group(m.id()) != null
                                && contains(state.catalog().group(m.id()), id));
    }

    /** Deregister (v2 DELETE) or delete ({@code /delete}); with {@code recursive} every member goes too. */
    private void remove(HttpCall call, boolean delete) {
        boolean recursive = "true".equalsIgnoreCase(call.query("recursive"));
        StoredGroup group = administered(call);
        removeTree(group, recursive, delete ? "delete" : "deregister", call.user());
        call.empty(delete ? 204 : 200);
    }

    private void removeTree(StoredGroup group, boolean recursive, String action, User user) {
        if (recursive) {
            for (StoredGroup.Member m : List.copyOf(group.members)) {
                if (m.type().equals("group") && state.catalog().group(m.id()) != null) {
                    removeTree(state.catalog().group(m.id()), true, action, user);
                } else if (state.catalog().array(m.id()) != null) {
                    state.activity().removeLogged(state.catalog().array(m.id()), action, user.username());
                }
            }
        }
        state.catalog().removeGroup(group);
    }

    private void sharingPolicies(HttpCall call) {
        call.json(
                200,
                sharingAdministered(call).sharing.entrySet().stream()
                        .map(e -> new GroupAnswers.GroupSharing(
                                e.getValue().groupActions(),
                                e.getValue().arrayActions(),
                                e.getKey(),
                                state.accounts().namespaceType(e.getKey())))
                        .toList());
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
        if (!GROUP_ACTIONS.containsAll(groupActions) || !StoredArray.OWNER_ACTIONS.containsAll(arrayActions)) {
            throw ApiFailure.badRequest("group_actions must be among " + GROUP_ACTIONS + " and array_actions among "
                    + StoredArray.OWNER_ACTIONS);
        }
        StoredGroup group = sharingAdministered(call);
        if (!state.accounts().namespaceExists(namespace)) {
            throw ApiFailure.notFound("namespace " + namespace + " does not exist");
        }
        shareTree(group, namespace, List.copyOf(groupActions), List.copyOf(arrayActions), new HashSet<>());
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
            if (m.type().equals("group") && state.catalog().group(m.id()) != null) {
                shareTree(state.catalog().group(m.id()), namespace, groupActions, arrayActions, seen);
            } else if (state.catalog().array(m.id()) != null) {
                if (arrayActions.isEmpty()) {
                    state.catalog().array(m.id()).sharing.remove(namespace);
                } else {
                    state.catalog().array(m.id()).sharing.put(namespace, arrayActions);
                }
            }
        }
    }

    GroupAnswers.GroupInfo info(StoredGroup g, User user, boolean withMetadata) {
        long assets = g.members.stream().filter(m -> m.type().equals("array")).count();
        long groups = g.members.size() - assets;
        return new GroupAnswers.GroupInfo(
                g.id,
                g.namespace,
                g.name,
                g.description,
                g.uri,
                g.tiledbUri(),
                assets,
                groups,
                assets + groups,
                g.lastAccessed == null ? null : g.lastAccessed.toString(),
                state.access().actionsOf(user, g),
                g.groupType,
                g.logo,
                g.accessCredentialsName,
                g.sharing.size(),
                g.isPublic(),
                g.tags,
                g.createdAt.toString(),
                g.createdBy,
                withMetadata ? GroupContentRoutes.stringified(g) : null);
    }

    private StoredGroup readable(HttpCall call) {
        return state.access().readableGroup(call.user(), call.path("namespace"), call.path("group"));
    }

    private StoredGroup administered(HttpCall call) {
        return state.access().administeredGroup(call.user(), call.path("namespace"), call.path("group"));
    }

    /** A 404, not a 403, for whoever may not read or change the group's sharing (spec of both share endpoints). */
    private StoredGroup sharingAdministered(HttpCall call) {
        return state.access().groupSharingAdministered(call.user(), call.path("namespace"), call.path("group"));
    }
}
