package dev.cameltiledb.arraylake.component;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of an {@code arraylake:} endpoint. The ones declared here are message options: each is overridden for
 * one message by the header {@code CamelArraylake<Option>} ({@link OptionHeaders}). How to reach the service
 * ({@link ConnectionOptions}) and how the consumer keeps its state ({@link ConsumerOptions}) are endpoint options only:
 * a message never changes where a call goes, with which credentials, or where a feed's state lives. The component
 * keeps one as the default of its endpoints; each endpoint, and each message with option headers, works on a
 * {@link #copy()}.
 */
@UriParams
public class ArraylakeConfiguration implements Cloneable {

    @UriParam(
            label = "producer",
            description =
                    "The operation to perform; each resource offers its own (see the docs). When a resource offers one operation only (user: get), it is the default.")
    private ArraylakeOperation operation;

    @UriParam(
            label = "common",
            description =
                    "The org (organization) name: whose repos are listed or watched by the consumer, whose bucket configs, API clients and permissions are used. For repo operations, the org of a repo given without one.")
    private String org;

    @UriParam(
            label = "producer",
            description =
                    "The repo, written org/name (or name alone with the org option). Checked against the service's name rule before any request.")
    private String repo;

    @UriParam(
            label = "producer",
            description = "For list operations of repos: fetch only this page (1-based) instead of all pages.")
    private Integer page;

    @UriParam(
            label = "common",
            description =
                    "The page size (1 to 100) of repos list with page (the service's default is 50) and of the consumer's listing (default 100). A repos list without page reads pages of 100.")
    private Integer size;

    @UriParam(
            label = "producer",
            defaultValue = "0",
            description =
                    "For list operations without page: stop after this many items (0 = no limit). For services logs: the lines end after this many and the log is closed, which is how a route stops reading a followed log.")
    private int maxResults = 0;

    @UriParam(
            label = "producer",
            defaultValue = "false",
            description =
                    "For repos list without page: reply with a lazy Iterator that fetches the next page only when the previous one is used up, for .split(body()).streaming().")
    private boolean streamResults = false;

    @UriParam(
            label = "producer",
            description =
                    "For repos list: only repos whose metadata matches this JSON object (each key must equal the value, or contain it when the repo's value is a list).")
    private String filterMetadata;

    @UriParam(
            label = "producer",
            defaultValue = "false",
            description =
                    "For repos list: include repos that were soft-deleted (ghosts, status offline with message deleted).")
    private boolean includeGhosts = false;

    @UriParam(
            label = "producer",
            description =
                    "For repos create and getOrCreate: the nickname of the bucket config the repo's data goes to; without it, the org's default bucket.")
    private String bucketNickname;

    @UriParam(
            label = "producer",
            enums = "icechunk,v1",
            description =
                    "For repos create and getOrCreate: the kind of repo; the service creates icechunk repos only.")
    private String kind;

    @UriParam(
            label = "producer",
            description =
                    "For repos create and getOrCreate: the repo's prefix inside its bucket (at most 256 characters); without it, the service uses the repo's id.")
    private String prefix;

    @UriParam(label = "producer", description = "For repos create and modify: the repo's description.")
    private String description;

    @UriParam(
            label = "producer",
            description =
                    "For repos create and getOrCreate: the repo's metadata as a JSON object of scalars or lists of scalars; a Map body does the same.")
    private String metadata;

    @UriParam(
            label = "producer",
            enums = "create,register,import",
            description =
                    "For repos create and getOrCreate: create a new repo (the service's default), register existing data, or import it.")
    private String createMode;

    @UriParam(
            label = "producer",
            description =
                    "For repos modify: metadata keys to add, as a JSON object (a key that exists already is refused by the service).")
    private String addMetadata;

    @UriParam(
            label = "producer",
            description =
                    "For repos modify: metadata keys to change, as a JSON object (a key that does not exist is refused by the service). A Map body does the same.")
    private String updateMetadata;

    @UriParam(label = "producer", description = "For repos modify: metadata keys to remove, comma separated.")
    private String removeMetadata;

    @UriParam(
            label = "producer",
            enums = "online,maintenance,offline",
            description = "For repos setStatus: the repo's new status.")
    private String mode;

    @UriParam(label = "producer", description = "For repos setStatus: the message shown with the status.")
    private String message;

    @UriParam(
            label = "producer",
            defaultValue = "false",
            description =
                    "For delete: must be true, else the delete operation fails without sending anything (the Python client's imsure and imreallysure).")
    private boolean confirmDelete = false;

    @UriParam(
            label = "producer",
            defaultValue = "false",
            description =
                    "For repos delete: remove the repo at once instead of the service's soft delete (which keeps a ghost).")
    private boolean immediate = false;

    @UriParam(
            label = "producer",
            defaultValue = "false",
            description = "For repos delete: keep the repo's data in its bucket.")
    private boolean retainData = false;

    @UriParam(
            label = "producer",
            defaultValue = "false",
            description =
                    "For repos get and buckets get: also fetch temporary credentials for the bucket into the CamelArraylakeTemporaryCredentials header (never into the body, never logged).")
    private boolean bucketCredentials = false;

    @UriParam(
            label = "producer",
            defaultValue = "read",
            enums = "read,write",
            description = "For buckets get with bucketCredentials: read or write credentials.")
    private String access = "read";

    @UriParam(label = "producer", description = "The bucket config's nickname, for every buckets operation but list.")
    private String nickname;

    @UriParam(
            label = "producer",
            description =
                    "For buckets create: where the bucket is, as platform://bucket-name[/prefix] (platform s3, s3-compatible, minio, gs or azure).")
    private String bucketUri;

    @UriParam(
            label = "producer",
            description =
                    "For buckets create: the bucket's extra configuration as a JSON object (s3 needs region_name, s3-compatible endpoint_url).")
    private String extraConfig;

    @UriParam(
            label = "producer,security",
            secret = true,
            description =
                    "For buckets create: how the service reaches the bucket, a JSON object with a method key; default {\"method\": \"anonymous\"}. It may hold keys: masked like a token, never shown in an error.")
    private String authConfig;

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
    private String serviceType;

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
    private int followTimeout = 30;

    @UriParam
    private ConnectionOptions connection = new ConnectionOptions();

    @UriParam
    private ConsumerOptions consumer = new ConsumerOptions();

    public ArraylakeOperation getOperation() {
        return operation;
    }

    public void setOperation(ArraylakeOperation operation) {
        this.operation = operation;
    }

    public String getOrg() {
        return org;
    }

    public void setOrg(String org) {
        this.org = org;
    }

    public String getRepo() {
        return repo;
    }

    public void setRepo(String repo) {
        this.repo = repo;
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }

    public Integer getSize() {
        return size;
    }

    public void setSize(Integer size) {
        this.size = size;
    }

    public int getMaxResults() {
        return maxResults;
    }

    public void setMaxResults(int maxResults) {
        this.maxResults = maxResults;
    }

    public boolean isStreamResults() {
        return streamResults;
    }

    public void setStreamResults(boolean streamResults) {
        this.streamResults = streamResults;
    }

    public String getFilterMetadata() {
        return filterMetadata;
    }

    public void setFilterMetadata(String filterMetadata) {
        this.filterMetadata = filterMetadata;
    }

    public boolean isIncludeGhosts() {
        return includeGhosts;
    }

    public void setIncludeGhosts(boolean includeGhosts) {
        this.includeGhosts = includeGhosts;
    }

    public String getBucketNickname() {
        return bucketNickname;
    }

    public void setBucketNickname(String bucketNickname) {
        this.bucketNickname = bucketNickname;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getMetadata() {
        return metadata;
    }

    public void setMetadata(String metadata) {
        this.metadata = metadata;
    }

    public String getCreateMode() {
        return createMode;
    }

    public void setCreateMode(String createMode) {
        this.createMode = createMode;
    }

    public String getAddMetadata() {
        return addMetadata;
    }

    public void setAddMetadata(String addMetadata) {
        this.addMetadata = addMetadata;
    }

    public String getUpdateMetadata() {
        return updateMetadata;
    }

    public void setUpdateMetadata(String updateMetadata) {
        this.updateMetadata = updateMetadata;
    }

    public String getRemoveMetadata() {
        return removeMetadata;
    }

    public void setRemoveMetadata(String removeMetadata) {
        this.removeMetadata = removeMetadata;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public boolean isConfirmDelete() {
        return confirmDelete;
    }

    public void setConfirmDelete(boolean confirmDelete) {
        this.confirmDelete = confirmDelete;
    }

    public boolean isImmediate() {
        return immediate;
    }

    public void setImmediate(boolean immediate) {
        this.immediate = immediate;
    }

    public boolean isRetainData() {
        return retainData;
    }

    public void setRetainData(boolean retainData) {
        this.retainData = retainData;
    }

    public boolean isBucketCredentials() {
        return bucketCredentials;
    }

    public void setBucketCredentials(boolean bucketCredentials) {
        this.bucketCredentials = bucketCredentials;
    }

    public String getAccess() {
        return access;
    }

    public void setAccess(String access) {
        this.access = access;
    }

    public String getNickname() {
        return nickname;
    }

    public void setNickname(String nickname) {
        this.nickname = nickname;
    }

    public String getBucketUri() {
        return bucketUri;
    }

    public void setBucketUri(String bucketUri) {
        this.bucketUri = bucketUri;
    }

    public String getExtraConfig() {
        return extraConfig;
    }

    public void setExtraConfig(String extraConfig) {
        this.extraConfig = extraConfig;
    }

    public String getAuthConfig() {
        return authConfig;
    }

    public void setAuthConfig(String authConfig) {
        this.authConfig = authConfig;
    }

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

    public String getServiceId() {
        return serviceId;
    }

    public void setServiceId(String serviceId) {
        this.serviceId = serviceId;
    }

    public String getServiceType() {
        return serviceType;
    }

    public void setServiceType(String serviceType) {
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

    public ConnectionOptions getConnection() {
        return connection;
    }

    public void setConnection(ConnectionOptions connection) {
        this.connection = connection;
    }

    public ConsumerOptions getConsumer() {
        return consumer;
    }

    public void setConsumer(ConsumerOptions consumer) {
        this.consumer = consumer;
    }

    /** A copy whose option groups are copies too, so changing one never changes the other. */
    public ArraylakeConfiguration copy() {
        try {
            ArraylakeConfiguration copy = (ArraylakeConfiguration) clone();
            copy.connection = connection.copy();
            copy.consumer = consumer.copy();
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
