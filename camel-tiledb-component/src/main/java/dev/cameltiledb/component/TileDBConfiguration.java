package dev.cameltiledb.component;

import dev.cameltiledb.client.HttpClientConfigurer;
import dev.cameltiledb.client.TileDBClient;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Every option of a {@code tiledb:} endpoint. The component holds one as the default for all its endpoints; each
 * endpoint works on a {@link #copy()}. Every producer option can be overridden per message by the header named in
 * its description (see {@link TileDBConstants}).
 */
@UriParams
public class TileDBConfiguration implements Cloneable {

    @UriParam(
            label = "producer",
            description =
                    "The operation to perform. Each resource offers its own set; see the docs for which. Header: CamelTileDBOperation.")
    private TileDBOperation operation;

    @UriParam(
            label = "common",
            description =
                    "The namespace (user or organization) the asset lives in; for list operations, only assets of this namespace. Header: CamelTileDBNamespace.")
    private String namespace;

    @UriParam(
            label = "common",
            description =
                    "The array's name, UUID or storage URI; a tiledb://namespace/name value sets the namespace too. Header: CamelTileDBArray.")
    private String array;

    @UriParam(
            label = "common",
            description =
                    "The asset as one tiledb://namespace/name URI, instead of namespace and array. Header: CamelTileDBUri.")
    private String tiledbUri;

    @UriParam(
            label = "common",
            defaultValue = "https://api.tiledb.com",
            description =
                    "The TileDB Cloud REST host. A host without scheme gets https://; regional hosts such as https://us-east-1.aws.api.tiledb.com work too. When unset: TILEDB_REST_HOST, ~/.tiledb/cloud.json, the profile, then https://api.tiledb.com.")
    private String host;

    @UriParam(
            label = "security",
            secret = true,
            description =
                    "The TileDB Cloud API key (the REST token), sent as the X-TILEDB-REST-API-KEY header. Named apiKey because Camel masks that name everywhere it prints configuration or URIs. When neither it nor username is set: TILEDB_REST_TOKEN (or TILEDB_REST_USERNAME and TILEDB_REST_PASSWORD), ~/.tiledb/cloud.json, then the profile.")
    private String apiKey;

    @UriParam(
            label = "producer",
            description =
                    "For list operations: fetch only this page (1-based). Without it, all pages are fetched up to maxResults, or streamed with streamResults. Header: CamelTileDBPage.")
    private Integer page;

    @UriParam(
            label = "common",
            defaultValue = "100",
            description =
                    "The page size asked of the service: for list operations, and for the consumers' listings and activity pages. Header (producer): CamelTileDBPerPage.")
    private Integer perPage = 100;

    @UriParam(
            label = "producer",
            defaultValue = "0",
            description =
                    "For list operations without page: stop after this many items (0 = no limit). Header: CamelTileDBMaxResults.")
    private int maxResults = 0;

    @UriParam(
            label = "producer",
            defaultValue = "false",
            description =
                    "For list operations without page: reply with a lazy Iterator that fetches the next page only when the previous one is used up, for .split(body()).streaming(). Header: CamelTileDBStreamResults.")
    private boolean streamResults = false;

    @UriParam(
            label = "producer",
            description =
                    "For list operations: text matched against name, namespace and description. Header: CamelTileDBSearch.")
    private String search;

    @UriParam(
            label = "producer",
            description = "For list operations: sort field, such as name or size. Header: CamelTileDBOrderBy.")
    private String orderBy;

    @UriParam(
            label = "producer",
            description =
                    "For list operations: only assets the caller holds these permissions on: read, read_write, write or admin. Header: CamelTileDBPermissions.")
    private String permissions;

    @UriParam(
            label = "producer",
            description =
                    "For list operations: only assets with these tags (comma-separated). Header: CamelTileDBTags (a String or a Collection).")
    private String tags;

    @UriParam(
            label = "producer",
            description =
                    "For list operations: no assets with these tags (comma-separated). Header: CamelTileDBExcludeTags.")
    private String excludeTags;

    @UriParam(
            label = "producer",
            description =
                    "For list operations: only these file types (comma-separated: notebook, user_defined_function, ml_model, file, registered_task_graph). Header: CamelTileDBFileTypes.")
    private String fileTypes;

    @UriParam(
            label = "producer",
            description =
                    "For list operations: no assets of these file types (comma-separated). Header: CamelTileDBExcludeFileTypes.")
    private String excludeFileTypes;

    @UriParam(
            label = "producer",
            description =
                    "For list operations: key=value pairs (separated by semicolons) the assets' file properties must have. Header: CamelTileDBFileProperties.")
    private String fileProperties;

    @UriParam(
            label = "producer",
            description =
                    "For listShared: only assets shared with these namespaces (comma-separated). Header: CamelTileDBSharedTo.")
    private String sharedTo;

    @UriParam(
            label = "producer",
            description = "For list operations: include each asset's metadata. Header: CamelTileDBWithMetadata.")
    private Boolean withMetadata;

    @UriParam(
            label = "producer",
            enums = "exclude,only",
            description =
                    "For listAll: exclude leaves out public arrays, only keeps just them. Header: CamelTileDBPublicShare.")
    private String publicShare;

    @UriParam(
            label = "producer",
            description =
                    "For activity: window start, an ISO-8601 instant or epoch seconds (the service's default is seven days ago). Header: CamelTileDBStartTime (also an Instant or a number).")
    private String startTime;

    @UriParam(
            label = "producer",
            description =
                    "For activity: window end, an ISO-8601 instant or epoch seconds (default now). Header: CamelTileDBEndTime.")
    private String endTime;

    @UriParam(
            label = "producer",
            description =
                    "For activity: only these event types (comma-separated ActivityEventType values such as create, query_read). Header: CamelTileDBEventTypes.")
    private String eventTypes;

    @UriParam(
            label = "producer",
            description = "For activity: only events of this array task. Header: CamelTileDBTaskId.")
    private String taskId;

    @UriParam(
            label = "producer",
            description = "For activity: only events that carry an array task id. Header: CamelTileDBHasTaskId.")
    private Boolean hasTaskId;

    @UriParam(
            label = "producer",
            description =
                    "For share and unshare: the user or organization to grant or revoke, or public. Header: CamelTileDBTargetNamespace.")
    private String targetNamespace;

    @UriParam(
            label = "producer",
            defaultValue = "read",
            description =
                    "For share: the actions to grant (comma-separated: read, write, edit, read_array_logs, read_array_info, read_array_schema). Header: CamelTileDBActions.")
    private String actions = "read";

    @UriParam(
            label = "producer",
            description =
                    "For create and register: where the array's data lives, such as s3://bucket/sales. Header: CamelTileDBStorageUri.")
    private String storageUri;

    @UriParam(
            label = "producer",
            description =
                    "For create and register: the name of the stored cloud credentials TileDB Cloud uses to reach the storage. Header: CamelTileDBCredentialsName.")
    private String credentialsName;

    @UriParam(
            label = "producer",
            description =
                    "For maxBufferSizes: the subarray bounds as CSV, such as 1,100,1,10. Header: CamelTileDBSubarray.")
    private String subarray;

    @UriParam(
            label = "producer",
            description =
                    "For sample: how many cells to return (the service's default is 5). Header: CamelTileDBSamples.")
    private Integer samples;

    @UriParam(
            label = "producer",
            description =
                    "For metadataJson: truncate values to this many characters. Header: CamelTileDBMetadataLength.")
    private Integer metadataLength;

    @UriParam(
            label = "producer",
            description =
                    "For metadataJson: read the metadata as of this time, epoch milliseconds. Header: CamelTileDBEndTimestamp.")
    private Long endTimestamp;

    @UriParam(
            label = "producer",
            description =
                    "For nonEmptyDomain and maxBufferSizes: the namespace charged for the request (X-Payer). Header: CamelTileDBPayer.")
    private String payer;

    @UriParam(
            label = "advanced",
            defaultValue = "10000",
            description = "Milliseconds to wait for a connection to be established.")
    private int connectTimeout = 10000;

    @UriParam(
            label = "advanced",
            defaultValue = "60000",
            description = "Milliseconds to wait for response data before the request fails.")
    private int responseTimeout = 60000;

    @UriParam(
            label = "advanced",
            defaultValue = "30000",
            description = "Milliseconds to wait for a free connection from the pool.")
    private int connectionRequestTimeout = 30000;

    @UriParam(
            label = "advanced",
            defaultValue = "20",
            description =
                    "The size of the connection pool shared by all endpoints with the same host, credentials and HTTP options (the Python client's threads).")
    private int maxConnections = 20;

    @UriParam(
            label = "advanced",
            defaultValue = "camel-tiledb",
            description = "The User-Agent header sent with every request.")
    private String userAgent = "camel-tiledb";

    @UriParam(label = "security", description = "A TileDB Cloud user name, with password, instead of apiKey.")
    private String username;

    @UriParam(
            label = "security",
            secret = true,
            description = "The password of username. Exchanged once for a session token unless noSession is set.")
    private String password;

    @UriParam(
            label = "security",
            defaultValue = "false",
            description =
                    "With username and password: send HTTP basic auth on every request instead of logging in once for a session token (the Python client's no_session).")
    private boolean noSession = false;

    @UriParam(
            label = "security",
            description =
                    "A profile of profiles.json (written by tiledb.client.configure) to take the host and credentials from; it must exist. Without it the profile named default is the last resort.")
    private String profileName;

    @UriParam(
            label = "security",
            description = "The folder of profiles.json. Default: TILEDB_PROFILE_DIR, else ~/.tiledb.")
    private String profileDir;

    @UriParam(
            label = "security",
            defaultValue = "true",
            description =
                    "Verify TLS certificates and host names. false trusts any certificate and logs a warning once. When unset: TILEDB_REST_IGNORE_SSL_VALIDATION, then the credential files, then true.")
    private Boolean verifySsl;

    @UriParam(
            label = "security",
            description =
                    "A PEM file of CA certificates to trust instead of the JDK's (TILEDB_SSL_CA_FILE when unset).")
    private String caFile;

    @UriParam(
            label = "security",
            description =
                    "Camel TLS configuration (key stores, trust stores, protocols); wins over verifySsl and caFile.")
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "proxy", description = "An HTTP proxy host.")
    private String proxyHost;

    @UriParam(label = "proxy", description = "The HTTP proxy port.")
    private Integer proxyPort;

    @UriParam(label = "proxy", description = "The user name for the proxy, if it asks for basic auth.")
    private String proxyUser;

    @UriParam(label = "proxy", secret = true, description = "The proxy password.")
    private String proxyPassword;

    @UriParam(
            label = "advanced",
            defaultValue = "default",
            enums = "default,forceful,disabled",
            description =
                    "Which answers are retried, as the Python client's retry_mode: default (429 and 503), forceful (also 400, 500, 501, 502) or disabled. Connection failures are retried only for GET, PUT, DELETE and other requests safe to repeat.")
    private String retryMode = "default";

    @UriParam(
            label = "advanced",
            defaultValue = "10",
            description = "How many times a request is retried after the first attempt (within maxRetryTime).")
    private int maxRetries = 10;

    @UriParam(
            label = "advanced",
            defaultValue = "300000",
            javaType = "java.time.Duration",
            description =
                    "The most one call may take, its retries and the reading of a JSON answer included (milliseconds, or a duration such as 5m); past it the call is cancelled and its connection closed. Socket timeouts count silence only, so this is what stops a server that sends a byte a second. For a streamed notebook download it bounds the wait for the answer's headers; the body then streams at the route's pace.")
    private long callTimeout = 300_000L;

    @UriParam(
            label = "advanced",
            defaultValue = "67108864",
            description =
                    "The largest JSON answer read, in bytes; a larger one fails the call at once and its connection is closed rather than read to its end. Notebook and file downloads are streamed and not limited by it.")
    private long maxResponseSize = 67_108_864L;

    @UriParam(
            label = "advanced",
            defaultValue = "120000",
            javaType = "java.time.Duration",
            description =
                    "The most one call spends on its attempts and the waits between them (milliseconds, or a duration such as 2m) before it stops retrying and fails with the last error: a server that never answers, or answers 503 with a long Retry-After, costs one such budget per call.")
    private long maxRetryTime = 120_000L;

    @UriParam(
            label = "advanced",
            defaultValue = "250",
            description =
                    "Milliseconds before the first retry; each further retry waits twice as long, with full jitter.")
    private long retryBackoffBase = 250L;

    @UriParam(label = "advanced", defaultValue = "30000", description = "The longest backoff wait in milliseconds.")
    private long retryBackoffMax = 30000L;

    @UriParam(
            label = "advanced",
            defaultValue = "60000",
            description =
                    "The longest wait in milliseconds a Retry-After header on 429 or 503 can impose; a server asking for longer is retried after this.")
    private long retryAfterMax = 60000L;

    @UriParam(
            label = "advanced",
            defaultValue = "true",
            description = "Randomise retry waits (full jitter) so many clients do not retry in step.")
    private boolean retryJitter = true;

    @UriParam(
            label = "security",
            description =
                    "Hosts (host or host:port, comma-separated) that may receive credentials after a redirect, besides the configured host and https://*.tiledb.com. Redirects elsewhere are followed without credentials.")
    private String redirectAllowedHosts;

    @UriParam(
            label = "advanced",
            description =
                    "A hook that changes anything of the Apache HttpClient builder after the component's own settings.")
    private HttpClientConfigurer httpClientConfigurer;

    @UriParam(
            label = "advanced",
            description =
                    "A ready TileDBClient (of the tiledb-cloud-client module) to use instead of building one; with it the"
                            + " connection, credential, TLS, proxy and retry options are not read. Found in the registry"
                            + " when it holds exactly one. The component does not close a client it was given.")
    @Metadata(autowired = true)
    private TileDBClient tiledbClient;

    @UriParam(
            label = "producer",
            description =
                    "For notebook upload: the storage folder the new notebook array goes in, such as s3://bucket/notebooks. Default: the user's notebook location, else its default storage path (GET /v1/user). Header: CamelTileDBStoragePath.")
    private String storagePath;

    @UriParam(
            label = "producer",
            defaultValue = "fail",
            enums = "fail,overwrite",
            description =
                    "For notebook upload: fail refuses to replace an existing notebook before any byte is sent; overwrite writes a new version. The service has no create-if-absent upload, so fail checks, then uploads: uploads of one name from this JVM take turns (one wins, the others fail), but an upload from another process between the check and the upload can still win, and then this one writes a new version. Header: CamelTileDBOnExists.")
    private String onExists = "fail";

    @UriParam(
            label = "producer",
            defaultValue = "true",
            description =
                    "For notebook upload: check that the body is well-formed notebook JSON (a JSON object) before sending it; streamed, so large files are fine. Header: CamelTileDBValidateJson.")
    private boolean validateJson = true;

    @UriParam(
            label = "producer",
            defaultValue = "string",
            enums = "string,bytes,stream",
            description =
                    "For notebook download: the body type, string, bytes or stream (a live InputStream to close after use). Header: CamelTileDBDownloadAs.")
    private String downloadAs = "string";

    @UriParam(
            label = "producer",
            description =
                    "For notebook download: write the notebook to this file (streamed) and reply with the File. Its folder must exist and be writable (checked before any request); the file appears only when complete, renamed over any file of that name in one step (a reader finds the old file or the new one, never none), and a failed download leaves the old one as it was. Header: CamelTileDBOutputFile.")
    private String outputFile;

    @UriParam(
            label = "producer",
            description = "For notebook rename and copy: the new name. Header: CamelTileDBNewName.")
    private String newName;

    @UriParam(
            label = "producer",
            description =
                    "For notebook prune: how many of the most recent versions to keep. Header: CamelTileDBKeepVersions.")
    private Integer keepVersions;

    @UriParam(
            label = "common",
            description =
                    "The group's name or id (with namespace), or a tiledb://namespace/name URI. Header: CamelTileDBGroup.")
    private String group;

    @UriParam(
            label = "producer",
            description =
                    "For group lists: only groups of this type (generic, vcf, soma, bioimg, pointcloud, raster, geometry, vector_search). Header: CamelTileDBGroupType.")
    private String groupType;

    @UriParam(
            label = "producer",
            description =
                    "For group lists: true lists every group regardless of nesting, false only top-level groups (the Python client sends true unless told). Header: CamelTileDBFlat.")
    private Boolean flat;

    @UriParam(
            label = "producer",
            description =
                    "For group lists: only the children of this group id; for group register: the parent group (name or id). Header: CamelTileDBParent.")
    private String parent;

    @UriParam(
            label = "producer",
            description =
                    "For group contents: only members of these asset types (comma-separated: array, group, notebook...). Header: CamelTileDBMemberTypes.")
    private String memberTypes;

    @UriParam(
            label = "producer",
            description =
                    "For group contents: no members of these asset types (comma-separated). Header: CamelTileDBExcludeMemberTypes.")
    private String excludeMemberTypes;

    @UriParam(
            label = "producer",
            description =
                    "For addMembers and removeMembers: the members, comma-separated, as tiledb://namespace/name URIs or names in the group's namespace. Header: CamelTileDBMembers (a String or a Collection).")
    private String members;

    @UriParam(
            label = "producer",
            defaultValue = "array",
            enums = "array,group",
            description = "For addMembers: whether the members are arrays or groups. Header: CamelTileDBMemberType.")
    private String memberType = "array";

    @UriParam(
            label = "producer",
            description =
                    "For group delete and deregister: also delete or deregister every member, descending into sub-groups. Header: CamelTileDBRecursive.")
    private Boolean recursive;

    @UriParam(
            label = "consumer",
            defaultValue = "now",
            description =
                    "For the activity consumer without a saved cursor: now (exactly the events logged at or after the consumer's first start; an older event is never delivered, even one the service logs late), beginning (everything in the service's seven-day window) or an ISO-8601 instant (the events at or after it). The start is saved with the cursors, so a restart keeps it.")
    private String startFrom = "now";

    @UriParam(
            label = "consumer",
            description =
                    "Where consumers keep their cursor (activity) or known assets (change feeds), so a restart resumes exactly where the last completed exchange left off; e.g. a FileStateRepository, or a shared one for several nodes. Without it the state lives in memory.")
    private StateRepository<String, String> stateRepository;

    @UriParam(
            label = "consumer",
            description =
                    "The key prefix of this consumer's entries in the stateRepository; default: derived from the resource, namespace and array. Give two consumers of the same assets different keys.")
    private String stateKey;

    @UriParam(
            label = "consumer",
            defaultValue = "1000",
            description =
                    "The most exchanges one poll emits (0 = no limit); the rest follow on the next poll, nothing skipped.")
    private int maxMessagesPerPoll = 1000;

    @UriParam(
            label = "consumer",
            defaultValue = "60",
            description =
                    "For the activity consumer: how many seconds back each poll looks again, so that events the service logs late (with an earlier time) are still delivered once; events already delivered in that window are recognised by id.")
    private long lateArrivalSeconds = 60L;

    @UriParam(
            label = "consumer",
            defaultValue = "21600000",
            javaType = "java.time.Duration",
            description =
                    "For the activity consumer of a whole namespace: the longest an array goes unread (milliseconds, or a duration such as 6h). An array whose read finds nothing waits twice as long as before, from the poll delay up to this bound; an array whose last access moved is read on the next poll, and once more lateArrivalSeconds later. Must stay well inside the service's seven-day activity window.")
    private long maxQuietInterval = 21_600_000L;

    @UriParam(
            label = "consumer",
            defaultValue = "3600000",
            javaType = "java.time.Duration",
            description =
                    "For the activity consumer of a whole namespace: how often the full listing of the namespace's arrays is read again (milliseconds, or a duration such as 1h), to drop removed arrays; new and changed arrays are found every poll through the listing ordered by last access.")
    private long listingRefreshInterval = 3_600_000L;

    @UriParam(
            label = "consumer",
            defaultValue = "500",
            description =
                    "For the activity consumer of a whole namespace: the most activity requests one poll sends (changed arrays first, then the most overdue: second reads of arrays that changed lateArrivalSeconds ago, quiet arrays due); the rest wait for the next poll. The listing requests are not counted.")
    private int maxRequestsPerPoll = 500;

    @UriParam(
            label = "consumer",
            defaultValue = "false",
            description =
                    "For change feeds (arrays, notebooks, groups consumers): true emits every existing asset as created on the first poll; false only records them and emits what changes afterwards.")
    private boolean initialSnapshot = false;

    @UriParam(
            label = "producer",
            description =
                    "For user operation organization: the organization's name or id. Header: CamelTileDBOrganization.")
    private String organization;

    @UriParam(
            label = "producer",
            description =
                    "For user operation defaultChargedNamespace: only namespaces that allow this action (such as run_job). Header: CamelTileDBRequiredAction.")
    private String requiredAction;

    public TileDBOperation getOperation() {
        return operation;
    }

    public void setOperation(TileDBOperation operation) {
        this.operation = operation;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public String getArray() {
        return array;
    }

    public void setArray(String array) {
        this.array = array;
    }

    public String getTiledbUri() {
        return tiledbUri;
    }

    public void setTiledbUri(String tiledbUri) {
        this.tiledbUri = tiledbUri;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }

    public Integer getPerPage() {
        return perPage;
    }

    public void setPerPage(Integer perPage) {
        this.perPage = perPage;
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

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getOrderBy() {
        return orderBy;
    }

    public void setOrderBy(String orderBy) {
        this.orderBy = orderBy;
    }

    public String getPermissions() {
        return permissions;
    }

    public void setPermissions(String permissions) {
        this.permissions = permissions;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public String getExcludeTags() {
        return excludeTags;
    }

    public void setExcludeTags(String excludeTags) {
        this.excludeTags = excludeTags;
    }

    public String getFileTypes() {
        return fileTypes;
    }

    public void setFileTypes(String fileTypes) {
        this.fileTypes = fileTypes;
    }

    public String getExcludeFileTypes() {
        return excludeFileTypes;
    }

    public void setExcludeFileTypes(String excludeFileTypes) {
        this.excludeFileTypes = excludeFileTypes;
    }

    public String getFileProperties() {
        return fileProperties;
    }

    public void setFileProperties(String fileProperties) {
        this.fileProperties = fileProperties;
    }

    public String getSharedTo() {
        return sharedTo;
    }

    public void setSharedTo(String sharedTo) {
        this.sharedTo = sharedTo;
    }

    public Boolean getWithMetadata() {
        return withMetadata;
    }

    public void setWithMetadata(Boolean withMetadata) {
        this.withMetadata = withMetadata;
    }

    public String getPublicShare() {
        return publicShare;
    }

    public void setPublicShare(String publicShare) {
        this.publicShare = publicShare;
    }

    public String getStartTime() {
        return startTime;
    }

    public void setStartTime(String startTime) {
        this.startTime = startTime;
    }

    public String getEndTime() {
        return endTime;
    }

    public void setEndTime(String endTime) {
        this.endTime = endTime;
    }

    public String getEventTypes() {
        return eventTypes;
    }

    public void setEventTypes(String eventTypes) {
        this.eventTypes = eventTypes;
    }

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    public Boolean getHasTaskId() {
        return hasTaskId;
    }

    public void setHasTaskId(Boolean hasTaskId) {
        this.hasTaskId = hasTaskId;
    }

    public String getTargetNamespace() {
        return targetNamespace;
    }

    public void setTargetNamespace(String targetNamespace) {
        this.targetNamespace = targetNamespace;
    }

    public String getActions() {
        return actions;
    }

    public void setActions(String actions) {
        this.actions = actions;
    }

    public String getStorageUri() {
        return storageUri;
    }

    public void setStorageUri(String storageUri) {
        this.storageUri = storageUri;
    }

    public String getCredentialsName() {
        return credentialsName;
    }

    public void setCredentialsName(String credentialsName) {
        this.credentialsName = credentialsName;
    }

    public String getSubarray() {
        return subarray;
    }

    public void setSubarray(String subarray) {
        this.subarray = subarray;
    }

    public Integer getSamples() {
        return samples;
    }

    public void setSamples(Integer samples) {
        this.samples = samples;
    }

    public Integer getMetadataLength() {
        return metadataLength;
    }

    public void setMetadataLength(Integer metadataLength) {
        this.metadataLength = metadataLength;
    }

    public Long getEndTimestamp() {
        return endTimestamp;
    }

    public void setEndTimestamp(Long endTimestamp) {
        this.endTimestamp = endTimestamp;
    }

    public String getPayer() {
        return payer;
    }

    public void setPayer(String payer) {
        this.payer = payer;
    }

    public int getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(int connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public int getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(int responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public int getConnectionRequestTimeout() {
        return connectionRequestTimeout;
    }

    public void setConnectionRequestTimeout(int connectionRequestTimeout) {
        this.connectionRequestTimeout = connectionRequestTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public void setUserAgent(String userAgent) {
        this.userAgent = userAgent;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isNoSession() {
        return noSession;
    }

    public void setNoSession(boolean noSession) {
        this.noSession = noSession;
    }

    public String getProfileName() {
        return profileName;
    }

    public void setProfileName(String profileName) {
        this.profileName = profileName;
    }

    public String getProfileDir() {
        return profileDir;
    }

    public void setProfileDir(String profileDir) {
        this.profileDir = profileDir;
    }

    public Boolean getVerifySsl() {
        return verifySsl;
    }

    public void setVerifySsl(Boolean verifySsl) {
        this.verifySsl = verifySsl;
    }

    public String getCaFile() {
        return caFile;
    }

    public void setCaFile(String caFile) {
        this.caFile = caFile;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyUser() {
        return proxyUser;
    }

    public void setProxyUser(String proxyUser) {
        this.proxyUser = proxyUser;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public String getRetryMode() {
        return retryMode;
    }

    public void setRetryMode(String retryMode) {
        this.retryMode = retryMode;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryBackoffBase() {
        return retryBackoffBase;
    }

    public void setRetryBackoffBase(long retryBackoffBase) {
        this.retryBackoffBase = retryBackoffBase;
    }

    public long getRetryBackoffMax() {
        return retryBackoffMax;
    }

    public void setRetryBackoffMax(long retryBackoffMax) {
        this.retryBackoffMax = retryBackoffMax;
    }

    public long getRetryAfterMax() {
        return retryAfterMax;
    }

    public void setRetryAfterMax(long retryAfterMax) {
        this.retryAfterMax = retryAfterMax;
    }

    public boolean isRetryJitter() {
        return retryJitter;
    }

    public void setRetryJitter(boolean retryJitter) {
        this.retryJitter = retryJitter;
    }

    public String getRedirectAllowedHosts() {
        return redirectAllowedHosts;
    }

    public void setRedirectAllowedHosts(String redirectAllowedHosts) {
        this.redirectAllowedHosts = redirectAllowedHosts;
    }

    public HttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    public void setHttpClientConfigurer(HttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }

    public TileDBClient getTiledbClient() {
        return tiledbClient;
    }

    public void setTiledbClient(TileDBClient tiledbClient) {
        this.tiledbClient = tiledbClient;
    }

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

    public String getStoragePath() {
        return storagePath;
    }

    public void setStoragePath(String storagePath) {
        this.storagePath = storagePath;
    }

    public String getOnExists() {
        return onExists;
    }

    public void setOnExists(String onExists) {
        this.onExists = onExists;
    }

    public boolean isValidateJson() {
        return validateJson;
    }

    public void setValidateJson(boolean validateJson) {
        this.validateJson = validateJson;
    }

    public String getDownloadAs() {
        return downloadAs;
    }

    public void setDownloadAs(String downloadAs) {
        this.downloadAs = downloadAs;
    }

    public String getOutputFile() {
        return outputFile;
    }

    public void setOutputFile(String outputFile) {
        this.outputFile = outputFile;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public Integer getKeepVersions() {
        return keepVersions;
    }

    public void setKeepVersions(Integer keepVersions) {
        this.keepVersions = keepVersions;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getGroupType() {
        return groupType;
    }

    public void setGroupType(String groupType) {
        this.groupType = groupType;
    }

    public Boolean getFlat() {
        return flat;
    }

    public void setFlat(Boolean flat) {
        this.flat = flat;
    }

    public String getParent() {
        return parent;
    }

    public void setParent(String parent) {
        this.parent = parent;
    }

    public String getMemberTypes() {
        return memberTypes;
    }

    public void setMemberTypes(String memberTypes) {
        this.memberTypes = memberTypes;
    }

    public String getExcludeMemberTypes() {
        return excludeMemberTypes;
    }

    public void setExcludeMemberTypes(String excludeMemberTypes) {
        this.excludeMemberTypes = excludeMemberTypes;
    }

    public String getMembers() {
        return members;
    }

    public void setMembers(String members) {
        this.members = members;
    }

    public String getMemberType() {
        return memberType;
    }

    public void setMemberType(String memberType) {
        this.memberType = memberType;
    }

    public Boolean getRecursive() {
        return recursive;
    }

    public void setRecursive(Boolean recursive) {
        this.recursive = recursive;
    }

    public String getStartFrom() {
        return startFrom;
    }

    public void setStartFrom(String startFrom) {
        this.startFrom = startFrom;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getStateKey() {
        return stateKey;
    }

    public void setStateKey(String stateKey) {
        this.stateKey = stateKey;
    }

    public boolean isInitialSnapshot() {
        return initialSnapshot;
    }

    public void setInitialSnapshot(boolean initialSnapshot) {
        this.initialSnapshot = initialSnapshot;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public long getLateArrivalSeconds() {
        return lateArrivalSeconds;
    }

    public void setLateArrivalSeconds(long lateArrivalSeconds) {
        this.lateArrivalSeconds = lateArrivalSeconds;
    }

    public long getCallTimeout() {
        return callTimeout;
    }

    public void setCallTimeout(long callTimeout) {
        this.callTimeout = callTimeout;
    }

    public long getMaxResponseSize() {
        return maxResponseSize;
    }

    public void setMaxResponseSize(long maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    public long getMaxRetryTime() {
        return maxRetryTime;
    }

    public void setMaxRetryTime(long maxRetryTime) {
        this.maxRetryTime = maxRetryTime;
    }

    public long getMaxQuietInterval() {
        return maxQuietInterval;
    }

    public void setMaxQuietInterval(long maxQuietInterval) {
        this.maxQuietInterval = maxQuietInterval;
    }

    public long getListingRefreshInterval() {
        return listingRefreshInterval;
    }

    public void setListingRefreshInterval(long listingRefreshInterval) {
        this.listingRefreshInterval = listingRefreshInterval;
    }

    public int getMaxRequestsPerPoll() {
        return maxRequestsPerPoll;
    }

    public void setMaxRequestsPerPoll(int maxRequestsPerPoll) {
        this.maxRequestsPerPoll = maxRequestsPerPoll;
    }

    public TileDBConfiguration copy() {
        try {
            return (TileDBConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
