package dev.cameltiledb.component;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** Parameters of the user operations. Each can be overridden per message by its header. */
@UriParams
public class UserOptions extends OptionGroup<UserOptions> {

    @UriParam(label = "producer", description = "For user operation organization: the organization's name or id.")
    private String organization;

    @UriParam(
            label = "producer",
            description =
                    "For user operation defaultChargedNamespace: only namespaces that allow this action (such as run_job).")
    private String requiredAction;

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
}
