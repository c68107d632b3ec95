package dev.cameltiledb.client;

import java.util.List;

import dev.cameltiledb.client.model.Organization;
import dev.cameltiledb.client.model.OrganizationUser;
import dev.cameltiledb.client.model.User;

/** The calling user and its organizations ({@code tiledb.cloud.client} user functions). */
public final class UsersApi {

    /** Never charged: the namespace that makes assets public is not an organization one can bill. */
    private static final String PUBLIC = "public";

    private final RestTransport transport;

    UsersApi(RestTransport transport) {
        this.transport = transport;
    }

    /** {@code user_profile}: {@code GET /v1/user}. */
    public User profile() {
        return transport.call(RestRequest.get("v1", "user"), transport.type(User.class));
    }

    /** {@code organizations}: every organization the user belongs to. */
    public List<Organization> organizations() {
        return transport.call(RestRequest.get("v1", "organizations"), transport.listOf(Organization.class));
    }

    /** {@code organization(name)}: one organization by name or id. */
    public Organization organization(String nameOrId) {
        AssetRef.requireText(nameOrId, "organization");
        return transport.call(RestRequest.get("v1", "organizations", nameOrId), transport.type(Organization.class));
    }

    /** {@code default_charged_namespace(required_action)}: fetches the profile and applies {@link #chargedNamespace}. */
    public String defaultChargedNamespace(String requiredAction) {
        return chargedNamespace(profile(), requiredAction);
    }

    /**
     * {@code find_organization_or_user_for_default_charges}, rule for rule: the user's own
     * {@code default_namespace_charged} if set; else the first organization other than {@code public} whose allowed
     * actions include {@code requiredAction} (any, when null); else the user if it holds the action (or none is
     * required); else an error.
     */
    public static String chargedNamespace(User user, String requiredAction) {
        if (user.defaultNamespaceCharged() != null
                && !user.defaultNamespaceCharged().isBlank()) {
            return user.defaultNamespaceCharged();
        }
        for (OrganizationUser membership :
                user.organizations() == null ? List.<OrganizationUser>of() : user.organizations()) {
            if (!PUBLIC.equals(membership.organizationName()) && allows(membership.allowedActions(), requiredAction)) {
                return membership.organizationName();
            }
        }
        if (allows(user.allowedActions(), requiredAction)) {
            return user.username();
        }
        throw new TileDBConfigurationException("No namespace of user '" + user.username() + "' can be charged"
                + (requiredAction == null ? "" : " for '" + requiredAction + "'")
                + ": no default_namespace_charged, no organization and no own permission allows it");
    }

    private static boolean allows(List<String> actions, String requiredAction) {
        return requiredAction == null || actions != null && actions.contains(requiredAction);
    }
}
