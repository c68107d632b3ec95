package dev.cameltiledb.arraylake.component;

import dev.cameltiledb.camel.OptionGroup;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * What orgs checkPermission checks. Each can be overridden per message by its header.
 */
@UriParams
public class PermissionOptions extends OptionGroup<PermissionOptions> {

    @UriParam(
            label = "producer",
            description =
                    "For orgs checkPermission: the principal (user or API client id) whose permission is checked.")
    private String principalId;

    @UriParam(
            label = "producer",
            description = "For orgs checkPermission: what the permission is checked on, an org name or org/repo.")
    private String resource;

    @UriParam(
            label = "producer",
            description =
                    "For orgs checkPermission: the action, an org action (such as CAN_READ_REPOS) or a repo action (such as CAN_WRITE).")
    private String action;

    public String getPrincipalId() {
        return principalId;
    }

    public void setPrincipalId(String principalId) {
        this.principalId = principalId;
    }

    public String getResource() {
        return resource;
    }

    public void setResource(String resource) {
        this.resource = resource;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }
}
