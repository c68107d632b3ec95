package dev.cameltiledb.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.cameltiledb.client.model.Organization;
import dev.cameltiledb.client.model.OrganizationUser;
import dev.cameltiledb.client.model.workspace.MemberRole;

/**
 * The members of a classic organization ({@code /v1/organizations/{organization}/...}); roles are {@code owner},
 * {@code admin}, {@code read_write_delete}, {@code read_write} and {@code read_only}. The service adds and removes one
 * user per call and lists the members only as part of the organization, unpaged.
 */
public final class OrganizationMembers implements Members<OrganizationUser> {

    private final RestTransport transport;
    private final String organization;

    OrganizationMembers(RestTransport transport, String organization) {
        AssetRef.requireText(organization, "organization");
        this.transport = transport;
        this.organization = organization;
    }

    /** Every member, as one page ({@code GET /v1/organizations/{organization}}); the service pages none. */
    @Override
    public Page<OrganizationUser> list(int page, Integer perPage, String search) {
        if (search != null && !search.isBlank()) {
            throw new TileDBConfigurationException(
                    "An organization's members cannot be searched: the service lists them whole");
        }
        if (page > 1) {
            return new Page<>(List.of(), null);
        }
        Organization answer = transport.call(
                RestRequest.get("v1", "organizations", organization), transport.type(Organization.class));
        return new Page<>(answer.users(), null);
    }

    /**
     * Adds each user with its role, one call per user as the service takes them, then reads the memberships back.
     * When a call fails, the error names the users already added, so the rest can be retried and nothing is left
     * unknown.
     */
    @Override
    public List<OrganizationUser> add(List<MemberRole> members) {
        if (members == null || members.isEmpty()) {
            throw new TileDBConfigurationException("Adding members needs at least one user and role");
        }
        List<String> added = new ArrayList<>();
        for (MemberRole member : members) {
            AssetRef.requireText(member.userId(), "user");
            try {
                transport.call(RestRequest.post("v1", "organizations", organization, "user")
                        .json(Map.of("username", member.userId(), "role", member.role())));
            } catch (TileDBException e) {
                throw Members.partly("Added", added, member.userId(), e);
            }
            added.add(member.userId());
        }
        return added.stream().map(this::get).toList();
    }

    @Override
    public OrganizationUser get(String user) {
        return transport.call(
                RestRequest.get("v1", "organizations", organization, requireUser(user)),
                transport.type(OrganizationUser.class));
    }

    @Override
    public void updateRole(String user, String role) {
        AssetRef.requireText(role, "role");
        transport.call(RestRequest.patch("v1", "organizations", organization, requireUser(user))
                .json(Map.of("username", user, "role", role)));
    }

    @Override
    public void remove(String user) {
        transport.call(RestRequest.delete("v1", "organizations", organization, requireUser(user)));
    }

    private static String requireUser(String user) {
        AssetRef.requireText(user, "user");
        return user;
    }
}
