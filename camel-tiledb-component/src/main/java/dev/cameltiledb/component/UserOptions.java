package dev.cameltiledb.component;

import dev.cameltiledb.camel.OptionGroup;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** Parameters of the user operations. Each can be overridden per message by its header. */
@UriParams
public class UserOptions extends OptionGroup<UserOptions> {

    @UriParam(
            label = "producer",
            description =
                    "For user operation organization, and the organization's member operations (listMembers, getMember, addMembers, updateMember, removeMembers): the organization's name or id.")
    private String organization;

    @UriParam(
            label = "producer",
            description =
                    "For user operation defaultChargedNamespace: only namespaces that allow this action (such as run_job).")
    private String requiredAction;

    @UriParam(
            label = "producer",
            description =
                    "For user operations createToken (the new API token's name) and revokeToken (the token to revoke, by name: a token's value would travel in the URL).")
    private String tokenName;

    @UriParam(
            label = "producer",
            description =
                    "For createToken: when the new token expires, an ISO-8601 instant such as 2026-12-31T00:00:00Z or epoch seconds (the service's default is 30 minutes).")
    private String tokenExpires;

    @UriParam(
            label = "producer",
            description =
                    "For createToken: what the new token may do, comma-separated token scopes such as array:read,group:read (default *: everything the user may do).")
    private String tokenScopes;

    public String getOrganization() {
        return organization;
    }

    public void setOrganization(String organization) {
        this.organization = organization;
    }

    public String getRequiredAction() {
        return requiredAction;
    }

    public void setRequiredAction(String requiredAction) {
        this.requiredAction = requiredAction;
    }

    public String getTokenName() {
        return tokenName;
    }

    public void setTokenName(String tokenName) {
        this.tokenName = tokenName;
    }

    public String getTokenExpires() {
        return tokenExpires;
    }

    public void setTokenExpires(String tokenExpires) {
        this.tokenExpires = tokenExpires;
    }

    public String getTokenScopes() {
        return tokenScopes;
    }

    public void setTokenScopes(String tokenScopes) {
        this.tokenScopes = tokenScopes;
    }
}
