package dev.cameltiledb.component;

import java.util.ArrayList;
import java.util.List;

import dev.cameltiledb.client.SpaceMembers;
import dev.cameltiledb.client.TileDBException;
import dev.cameltiledb.client.model.workspace.MemberRole;
import org.apache.camel.Message;

/**
 * The member operations of workspaces and teamspaces: the same calls on two paths ({@link SpaceMembers}), so one
 * piece of code serves both resources. Users are named by id or user name.
 */
final class MembersReply {

    private MembersReply() {}

    static void handle(TileDBOperation operation, MessageOptions options, Message message, SpaceMembers members) {
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

    /**
     * One call per user, as the service removes members; when one fails, the error says which were already removed,
     * so a retry of the rest is possible and nothing is left unknown.
     */
    private static void remove(List<String> users, SpaceMembers members) {
        List<String> removed = new ArrayList<>();
        for (String user : users) {
            try {
                members.remove(user);
            } catch (TileDBException e) {
                if (removed.isEmpty()) {
                    throw e;
                }
                throw new TileDBException(
                        "Removed " + removed + " but not " + user + " (nor the members after it): " + e.getMessage(),
                        e);
            }
            removed.add(user);
        }
    }
}
