package dev.cameltiledb.client;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cameltiledb.client.model.AssetActivityLog;
import dev.cameltiledb.client.model.GroupActivityResponse;
import dev.cameltiledb.client.model.GroupBrowserData;
import dev.cameltiledb.client.model.GroupContentActivity;
import dev.cameltiledb.client.model.GroupContentActivityResponse;
import dev.cameltiledb.client.model.GroupContents;
import dev.cameltiledb.client.model.GroupCreated;
import dev.cameltiledb.client.model.GroupDetails;
import dev.cameltiledb.client.model.GroupEntry;
import dev.cameltiledb.client.model.GroupInfo;
import dev.cameltiledb.client.model.GroupMember;
import dev.cameltiledb.client.model.GroupMetadata;
import dev.cameltiledb.client.model.GroupMetadataEntry;
import dev.cameltiledb.client.model.GroupSharing;
import dev.cameltiledb.client.model.GroupUpdate;

/**
 * Group operations, on the endpoints the Python client uses: v2 for create, register, member changes, deregister and
 * delete; v1 for listings, info, contents, update and sharing.
 */
public final class GroupsApi implements SharingApi<GroupSharing> {

    private static final String GROUPS = "groups";
    private static final String CREDENTIALS_HEADER = "X-TILEDB-CLOUD-ACCESS-CREDENTIALS-NAME";
    /** The actions a group itself knows; array actions beyond these apply to its arrays only. */
    private static final Set<String> GROUP_ACTIONS = Set.of("read", "write", "edit");

    private final RestTransport transport;

    GroupsApi(RestTransport transport) {
        this.transport = transport;
    }

    /** {@code list_groups} / {@code list_shared_groups} / {@code list_public_groups}: one page. */
    public Page<GroupInfo> browse(Listing listing, GroupListQuery query, int page) {
        RestRequest request = query.filters()
                .browse(GROUPS, listing, page)
                .query("group_type", query.groupType())
                .query("flat", query.flat())
                .query("parent", query.parent());
        GroupBrowserData data = transport.call(request, transport.type(GroupBrowserData.class));
        return new Page<>(data.groups(), data.paginationMetadata());
    }

    /** {@code groups.info}. */
    public GroupInfo info(AssetRef group) {
        return transport.call(
                RestRequest.get(RestRequest.path("v1", GROUPS, group)).about(group), transport.type(GroupInfo.class));
    }

    /**
     * {@code groups.contents}: one page of members, filtered like the service allows.
     *
     * @param memberTypes        only members of these asset types ({@code array}, {@code group}, {@code notebook}...)
     * @param excludeMemberTypes no members of these asset types
     */
    public Page<GroupEntry> contents(
            AssetRef group,
            ListingFilters filters,
            List<String> memberTypes,
            List<String> excludeMemberTypes,
            int page) {
        RestRequest request = RestRequest.get(RestRequest.path("v1", GROUPS, group, "contents"))
                .about(group)
                .query("page", page)
                .query("per_page", filters.perPage())
                .query("namespace", filters.namespace())
                .query("search", filters.search())
                .query("orderby", filters.orderBy())
                .queryAll("tag", filters.tags())
                .queryAll("exclude_tag", filters.excludeTags())
                .queryAll("member_type", memberTypes)
                .queryAll("exclude_member_type", excludeMemberTypes);
        GroupContents data = transport.call(request, transport.type(GroupContents.class));
        return new Page<>(data.entries(), data.paginationMetadata());
    }

    /**
     * The activity of the group's contents ({@code getGroupActivity}), one page: every event of the assets in the
     * group, in the order the service keeps them (the spec does not say which; the emulator answers newest first).
     */
    public Page<GroupContentActivity> contentActivity(AssetRef group, int page, Integer perPage) {
        RestRequest request = RestRequest.get(RestRequest.path("v1", GROUPS, group, "content_activity"))
                .about(group)
                .query("page", page)
                .query("per_page", perPage);
        GroupContentActivityResponse data = transport.call(request, transport.type(GroupContentActivityResponse.class));
        return new Page<>(data.activity(), data.paginationMetadata());
    }

    /**
     * The activity of the group itself and of everything it holds, nested groups included ({@code getGroupActivity}),
     * one page of the events of the window {@code [start, end]} (epoch seconds; the service's default is the seven days
     * up to now).
     */
    public Page<AssetActivityLog> activity(AssetRef group, Long start, Long end, int page, Integer perPage) {
        RestRequest request = RestRequest.get(RestRequest.path("v2", GROUPS, group, "activity"))
                .about(group)
                .query("start", start)
                .query("end", end)
                .query("page", page)
                .query("per_page", perPage);
        GroupActivityResponse data = transport.call(request, transport.type(GroupActivityResponse.class));
        return new Page<>(data.activityLogs(), data.paginationMetadata());
    }

    /** The group's metadata ({@code getGroupMetadata}, what {@code tiledb.Group.meta} reads). */
    public GroupMetadata metadata(AssetRef group) {
        return transport.call(
                RestRequest.post(RestRequest.path("v2", GROUPS, group, "metadata"))
                        .about(group)
                        .json(Map.of()),
                transport.type(GroupMetadata.class));
    }

    /**
     * Changes the group's metadata ({@code updateGroupMetadata}): each entry replaces its key's value; an entry made
     * with {@link GroupMetadataEntry#deletion} removes the key.
     */
    public void updateMetadata(AssetRef group, List<GroupMetadataEntry> entries) {
        if (entries == null || entries.isEmpty()) {
            throw new TileDBConfigurationException("Updating a group's metadata needs at least one entry");
        }
        transport.call(RestRequest.put(RestRequest.path("v2", GROUPS, group, "metadata"))
                .about(group)
                .json(Map.of("metadata", new GroupMetadata(entries))));
    }

    /**
     * {@code groups.create}: a new, empty group at a storage URI. The credentials travel in the header only: the
     * creation details have no field for them.
     */
    public GroupCreated create(String namespace, GroupDetails details, String credentialsName) {
        NamespaceRef home = NamespaceRef.parse(namespace);
        GroupDetails sent = details.with(details.name(), details.uri(), null, null);
        return transport.call(
                RestRequest.post(RestRequest.path("v2", GROUPS, home))
                        .about(home)
                        .header(CREDENTIALS_HEADER, credentialsName)
                        .json(Map.of("group_details", sent)),
                transport.type(GroupCreated.class));
    }

    /** {@code groups.register}: an existing group at a storage URI, optionally under a parent group; no answer body. */
    public void register(String namespace, GroupDetails details, String credentialsName) {
        NamespaceRef home = NamespaceRef.parse(namespace);
        transport.call(RestRequest.put(RestRequest.path("v2", GROUPS, home))
                .about(home)
                .header(CREDENTIALS_HEADER, credentialsName)
                .json(Map.of("group_details", details)));
    }

    /** {@code groups.update_info}: changes the fields that are set. */
    public void update(AssetRef group, GroupUpdate update) {
        transport.call(RestRequest.patch(RestRequest.path("v1", GROUPS, group))
                .about(group)
                .json(update));
    }

    /** Adds arrays and groups ({@code _add_to}). */
    public void addMembers(AssetRef group, List<GroupMember> members) {
        changeMembers(group, Map.of("members_to_add", members));
    }

    /** Removes members, named by their {@code tiledb://} URIs. */
    public void removeMembers(AssetRef group, List<String> memberUris) {
        changeMembers(group, Map.of("members_to_remove", memberUris));
    }

    private void changeMembers(AssetRef group, Map<String, Object> changes) {
        transport.call(RestRequest.patch(RestRequest.path("v2", GROUPS, group))
                .about(group)
                .json(Map.of("group_changes", changes)));
    }

    /** {@code groups.deregister}: forgets the group (and with {@code recursive} every member); data stays. */
    public void deregister(AssetRef group, Boolean recursive) {
        transport.call(RestRequest.delete(RestRequest.path("v2", GROUPS, group))
                .about(group)
                .query("recursive", recursive));
    }

    /** {@code groups.delete}: deregisters and deletes the group (and with {@code recursive} its members). */
    public void delete(AssetRef group, Boolean recursive) {
        transport.call(RestRequest.delete(RestRequest.path("v2", GROUPS, group, "delete"))
                .about(group)
                .query("recursive", recursive));
    }

    /**
     * {@code groups.share}: as the Python client, the same actions on the group and on its arrays; the service applies
     * them to every sub-group and array.
     */
    @Override
    public void share(AssetRef group, String namespace, List<String> actions) {
        AssetRef.requireText(namespace, "namespace to share with");
        List<String> groupActions =
                actions.stream().filter(GROUP_ACTIONS::contains).toList();
        share(group, new GroupSharing(groupActions, List.copyOf(actions), namespace, null));
    }

    public void share(AssetRef group, GroupSharing sharing) {
        transport.call(RestRequest.patch(RestRequest.path("v1", GROUPS, group, "share"))
                .about(group)
                .json(sharing));
    }

    @Override
    public void unshare(AssetRef group, String namespace) {
        share(group, new GroupSharing(List.of(), List.of(), namespace, null));
    }

    @Override
    public List<GroupSharing> sharingPolicies(AssetRef group) {
        return transport.call(
                RestRequest.get(RestRequest.path("v1", GROUPS, group, "share")).about(group),
                transport.listOf(GroupSharing.class));
    }
}
