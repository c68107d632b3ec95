package dev.cameltiledb.component.producer;

import java.util.List;

import dev.cameltiledb.camel.OptionText;
import dev.cameltiledb.client.AssetRef;
import dev.cameltiledb.client.GroupListQuery;
import dev.cameltiledb.client.GroupsApi;
import dev.cameltiledb.client.Listing;
import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.client.model.GroupCreated;
import dev.cameltiledb.client.model.GroupDetails;
import dev.cameltiledb.client.model.GroupMember;
import dev.cameltiledb.client.model.GroupMetadataEntry;
import dev.cameltiledb.client.model.GroupUpdate;
import dev.cameltiledb.component.OptionHeaders;
import dev.cameltiledb.component.TileDBConstants;
import dev.cameltiledb.component.TileDBOperation;
import dev.cameltiledb.component.TileDBResource;
import org.apache.camel.Message;

/**
 * The {@code tiledb:groups} operations: listings, contents, activity, metadata, create and register, members,
 * sharing, removal.
 */
final class GroupsHandler implements ResourceHandler {

    private final BodyConverter bodies = new BodyConverter();
    private final Sharing sharing = new Sharing();

    @Override
    public void handle(TileDBOperation operation, MessageOptions options, Message message, TileDBClient client) {
        GroupsApi groups = client.groups();
        switch (operation) {
            case list -> browse(Listing.OWNED, options, message, groups);
            case listShared -> browse(Listing.SHARED, options, message, groups);
            case listPublic -> browse(Listing.PUBLIC, options, message, groups);
            case info -> message.setBody(groups.info(target(operation, options, message)));
            case contents -> {
                AssetRef group = target(operation, options, message);
                ListingReply.write(
                        message,
                        options,
                        page -> groups.contents(
                                group,
                                options.listingFilters(),
                                OptionText.list(options.groups().getMemberTypes()),
                                OptionText.list(options.groups().getExcludeMemberTypes()),
                                page));
            }
            case activity -> {
                AssetRef group = target(operation, options, message);
                Long start = MessageOptions.epochSeconds(options.arrays().getStartTime(), "startTime");
                Long end = MessageOptions.epochSeconds(options.arrays().getEndTime(), "endTime");
                ListingReply.write(
                        message,
                        options,
                        page -> groups.activity(
                                group, start, end, page, options.listing().getPerPage()));
            }
            case metadata -> message.setBody(groups.metadata(target(operation, options, message)));
            case updateMetadata ->
                groups.updateMetadata(
                        target(operation, options, message),
                        List.of(bodies.required(message.getBody(), GroupMetadataEntry[].class, operation)));
            case deleteMetadata ->
                groups.updateMetadata(
                        target(operation, options, message),
                        MessageOptions.require(
                                        OptionText.list(options.workspaces().getMetadataKeys()),
                                        "metadataKeys",
                                        operation)
                                .stream()
                                .map(GroupMetadataEntry::deletion)
                                .toList());
            case create, register -> createOrRegister(operation, options, message, groups);
            case update ->
                groups.update(
                        target(operation, options, message),
                        bodies.required(message.getBody(), GroupUpdate.class, operation));
            case addMembers -> {
                AssetRef group = target(operation, options, message);
                String type = options.groups().getMemberType().restName();
                groups.addMembers(
                        group,
                        MessageOptions.require(OptionText.list(options.groups().getMembers()), "members", operation)
                                .stream()
                                .map(m -> member(group, m))
                                .map(ref -> new GroupMember(ref.name(), ref.toUri(), type))
                                .toList());
            }
            case removeMembers -> {
                AssetRef group = target(operation, options, message);
                groups.removeMembers(
                        group,
                        MessageOptions.require(OptionText.list(options.groups().getMembers()), "members", operation)
                                .stream()
                                .map(m -> member(group, m).toUri())
                                .toList());
            }
            case deregister ->
                groups.deregister(
                        target(operation, options, message), options.groups().getRecursive());
            case delete ->
                groups.delete(
                        target(operation, options, message), options.groups().getRecursive());
            case share -> sharing.share(operation, options, message, groups, target(operation, options, message));
            case unshare -> sharing.unshare(operation, options, groups, target(operation, options, message));
            case sharingPolicies -> sharing.policies(message, groups, target(operation, options, message));
            default -> throw ResourceHandler.notHandled(TileDBResource.groups, operation);
        }
    }

    private static void browse(Listing listing, MessageOptions options, Message message, GroupsApi groups) {
        GroupListQuery query = new GroupListQuery(
                options.listingFilters(),
                options.groups().getGroupType(),
                options.groups().getFlat(),
                options.groups().getParent());
        ListingReply.write(message, options, page -> groups.browse(listing, query, page));
    }

    private static AssetRef target(TileDBOperation operation, MessageOptions options, Message message) {
        AssetRef ref = options.groupRef(operation);
        message.setHeader(TileDBConstants.ASSET_URI, ref.toUri());
        return ref;
    }

    /** A member given as {@code tiledb://namespace/name}, or as a name in the group's own namespace. */
    private static AssetRef member(AssetRef group, String member) {
        return member.startsWith(AssetRef.SCHEME) ? AssetRef.parse(member) : new AssetRef(group.namespace(), member);
    }

    /**
     * A body of {@link GroupDetails} (or its Map/JSON form) may describe the group; the group option names it, the
     * storageUri option places it, parent (register only) nests it. create replies with {@code GroupCreated};
     * register leaves the body and sets the asset headers.
     */
    private void createOrRegister(
            TileDBOperation operation, MessageOptions options, Message message, GroupsApi groups) {
        GroupDetails body = bodies.optional(message.getBody(), GroupDetails.class, operation);
        GroupDetails details = body != null ? body : GroupDetails.of(null, null);
        String namespace = options.requiredNamespace(operation);
        String name = ArraysHandler.firstText(options.groupName(), details.name());
        String uri = ArraysHandler.firstText(options.arrays().getStorageUri(), details.uri());
        if (name == null || uri == null) {
            throw new TileDBConfigurationException(
                    "The " + operation + " operation needs the group's name (group option, header "
                            + OptionHeaders.headerOf("group") + ", or the body's name) and its storage URI (storageUri"
                            + " option, header " + OptionHeaders.headerOf("storageUri") + ", or the body's uri)");
        }
        String credentials =
                ArraysHandler.firstText(options.arrays().getCredentialsName(), details.accessCredentialsName());
        message.setHeader(TileDBConstants.ASSET_URI, new AssetRef(namespace, name).toUri());
        message.setHeader(TileDBConstants.ASSET_NAME, name);
        if (operation == TileDBOperation.create) {
            GroupCreated created = groups.create(namespace, details.with(name, uri, null, null), credentials);
            message.setBody(created);
            message.setHeader(TileDBConstants.ASSET_ID, created.id());
        } else {
            // the service answers a registration with no body; the headers say what was registered
            groups.register(
                    namespace,
                    details.with(
                            name,
                            uri,
                            ArraysHandler.firstText(options.groups().getParent(), details.parent()),
                            credentials),
                    credentials);
        }
    }
}
