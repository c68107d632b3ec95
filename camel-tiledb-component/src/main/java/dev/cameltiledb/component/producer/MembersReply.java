package dev.cameltiledb.component.producer;

import java.util.ArrayList;
import java.util.List;

import dev.cameltiledb.camel.OptionText;
import dev.cameltiledb.client.Members;
import dev.cameltiledb.client.TileDBException;
import dev.cameltiledb.client.model.workspace.MemberRole;
import dev.cameltiledb.component.TileDBOperation;
import dev.cameltiledb.component.WorkspaceOptions;
import org.apache.camel.Message;

/**
 * The member operations of workspaces, teamspaces and organizations: the same calls on three paths ({@link Members}),
 * so one piece of code serves them all. Users are named by id or user name.
 */
final class MembersReply {

    private MembersReply() {}

    static void handle(TileDBOperation operation, MessageOptions options, Message message, Members<?> members) {
        WorkspaceOptions w = options.workspaces();
        switch (operation) {
            case listMembers ->
                ListingReply.write(
                        message,
                        options,
                        page -> members.list(
                                page,
                                options.listing().getPerPage(),
                                options.listing().getSearch()));
            case getMember -> message.setBody(members.get(MessageOptions.require(w.getUser(), "user", operation)));
            case updateMember ->
                members.updateRole(
                        MessageOptions.require(w.getUser(), "user", operation),
                        MessageOptions.require(w.getRole(), "role", operation));
            case addMembers -> {
                String role = MessageOptions.require(w.getRole(), "role", operation);
                message.setBody(members.add(users(options, operation).stream()
                        .map(user -> new MemberRole(user, role))
                        .toList()));
            }
            case removeMembers -> remove(users(options, operation), members);
            default -> throw new IllegalStateException("not a member operation: " + operation);
        }
    }

    private static List<String> users(MessageOptions options, TileDBOperation operation) {
        return MessageOptions.require(OptionText.list(options.groups().getMembers()), "members", operation);
    }

    /** One call per user, as the services remove members; a failure names the users already removed. */
    private static void remove(List<String> users, Members<?> members) {
        List<String> removed = new ArrayList<>();
        for (String user : users) {
            try {
                members.remove(user);
            } catch (TileDBException e) {
                throw Members.partly("Removed", removed, user, e);
            }
            removed.add(user);
        }
    }
}
