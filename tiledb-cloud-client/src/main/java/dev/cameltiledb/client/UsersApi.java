package dev.cameltiledb.client;

import java.util.List;

import dev.cameltiledb.client.model.Organization;
import dev.cameltiledb.client.model.OrganizationUser;
import dev.cameltiledb.client.model.Token;
import dev.cameltiledb.client.model.TokenRequest;
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

    /**
     * Another user's profile ({@code GET /v1/users/{username}}, by user name or id): what the service shows of a user
     * who is not the caller (the caller's own is whole).
     */
    public User profile(String user) {
        AssetRef.requireText(user, "user");
        return transport.call(RestRequest.get("v1", "users", user), transport.type(User.class));
    }

    /** The caller's API tokens ({@code GET /v1/tokens}); listings never carry a token's value. */
    public List<Token> tokens() {
        return transport.call(RestRequest.get("v1", "tokens"), transport.listOf(Token.class));
    }

    /** The caller's session tokens, from logins with a user name and password ({@code GET /v1/tokens/session}). */
    public List<Token> sessionTokens() {
        return transport.call(RestRequest.get("v1", "tokens", "session"), transport.listOf(Token.class));
    }

    /** The scopes a token can be given ({@code GET /v1/tokens/scopes}). */
    public List<String> tokenScopes() {
        return transport.call(RestRequest.get("v1", "tokens", "scopes"), transport.listOf(String.class));
    }

    /**
     * Issues an API token ({@code POST /v1/token}): the answer is the only place its value appears; keep it as the
     * secret it is.
     */
    public Token createToken(TokenRequest request) {
        return transport.call(RestRequest.post("v1", "token").json(request), transport.type(Token.class));
    }

    /**
     * Revokes an API token by its name ({@code DELETE /v1/tokens/{token}}). The service takes the token's value there
     * too, but a value in a URL path reaches logs and error messages, so this client asks for the name.
     */
    public void revokeToken(String name) {
        AssetRef.requireText(name, "token name");
        transport.call(RestRequest.delete("v1", "tokens", name));
    }

    /** The members of one organization (by name or id): read, add, change their role, remove. */
    public OrganizationMembers members(String organization) {
        return new OrganizationMembers(transport, organization);
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
