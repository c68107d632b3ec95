package dev.cameltiledb.arraylake.component;

import dev.cameltiledb.arraylake.client.model.LogQuery;
import dev.cameltiledb.camel.OptionGroup;
import dev.cameltiledb.camel.ValueRange;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The compute service of the services operations, and how its log is read. Each can be overridden per message by its
 * header.
 */
@UriParams
public class ServiceOptions extends OptionGroup<ServiceOptions> {

    @UriParam(
            label = "producer",
            description =
                    "For services get, delete and logs: the service, by the name services list answers (its deployment name).")
    private String serviceId;

    @UriParam(
            label = "producer",
            enums = "dap2,edr,wms,tiles,zarr,openeo,sql",
            description =
                    "For services create: the protocol the service serves (the Python client's protocol, sent as service_type).")
    private ServiceType serviceType;

    @UriParam(
            label = "producer",
            defaultValue = "false",
            description =
                    "For services create: true opens the service to anyone without authentication (the Python client's is_public); false keeps it to those who may read the repo queried.")
    private boolean publicAccess = false;

    @UriParam(
            label = "producer",
            description =
                    "For services create: the service's name, its id in the other calls (at most 16 lower-case letters, digits and dashes, not starting or ending with a dash); without it, the service type.")
    private String deploymentName;

    @UriParam(label = "producer", description = "For services logs: only the last this many lines (1 or more).")
    @ValueRange(min = 1)
    private Integer tail;

    @UriParam(
            label = "producer",
            description =
                    "For services logs: only lines written at or after this time, ISO 8601 such as 2030-01-31T08:00:00Z (without an offset: UTC).")
    private String since;

    @UriParam(
            label = "producer",
            description =
                    "For services logs: only lines written at or before this time, ISO 8601 (without an offset: UTC).")
    private String until;

    @UriParam(
            label = "producer",
            defaultValue = "false",
            description =
                    "For services logs: go on receiving lines as the service writes them, until the service ends the log after followTimeout (or the route closes it).")
    private boolean follow = false;

    @UriParam(
            label = "producer",
            defaultValue = "30",
            description =
                    "For services logs: the seconds (1 to 600) a followed log stays open; the service ends it then. Sent with every logs call, as the Python client does.")
    @ValueRange(min = 1, max = LogQuery.MAX_FOLLOW_TIMEOUT)
    private int followTimeout = 30;

    public String getServiceId() {
        return serviceId;
    }

    public void setServiceId(String serviceId) {
        this.serviceId = serviceId;
    }

    public ServiceType getServiceType() {
        return serviceType;
    }

    public void setServiceType(ServiceType serviceType) {
        this.serviceType = serviceType;
    }

    public boolean isPublicAccess() {
        return publicAccess;
    }

    public void setPublicAccess(boolean publicAccess) {
        this.publicAccess = publicAccess;
    }

    public String getDeploymentName() {
        return deploymentName;
    }

    public void setDeploymentName(String deploymentName) {
        this.deploymentName = deploymentName;
    }

    public Integer getTail() {
        return tail;
    }

    public void setTail(Integer tail) {
        this.tail = tail;
    }

    public String getSince() {
        return since;
    }

    public void setSince(String since) {
        this.since = since;
    }

    public String getUntil() {
        return until;
    }

    public void setUntil(String until) {
        this.until = until;
    }

    public boolean isFollow() {
        return follow;
    }

    public void setFollow(boolean follow) {
        this.follow = follow;
    }

    public int getFollowTimeout() {
        return followTimeout;
    }

    public void setFollowTimeout(int followTimeout) {
        this.followTimeout = followTimeout;
    }
}
