package dev.cameltiledb.component;

import java.util.List;

import dev.cameltiledb.camel.OptionGroup;
import dev.cameltiledb.camel.OptionText;
import dev.cameltiledb.camel.ValueRange;
import dev.cameltiledb.client.TileDBConfigurationException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Paging and filters of the list operations (and the page size of the consumers' listings). Each can be overridden per
 * message by its header.
 */
@UriParams
public class ListingOptions extends OptionGroup<ListingOptions> {

    @UriParam(
            label = "producer",
            description =
                    "For list operations: fetch only this page (1-based). Without it, all pages are fetched up to maxResults, or streamed with streamResults.")
    @ValueRange(min = 1)
    private Integer page;

    @UriParam(
            label = "common",
            defaultValue = "100",
            description =
                    "The page size asked of the service: for list operations, and for the consumers' listings and activity pages.")
    @ValueRange(min = 1)
    private Integer perPage = 100;

    @UriParam(
            label = "producer",
            defaultValue = "0",
            description =
                    "For list operations without page: stop after this many items (0 = no limit). For sql exec and arrays query and read without streamResults: keep this many rows (cells).")
    private int maxResults = 0;

    @UriParam(
            label = "producer",
            defaultValue = "false",
            description =
                    "For list operations without page: reply with a lazy Iterator that fetches the next page only when the previous one is used up, for .split(body()).streaming(). For sql exec, arrays query and the UDF runs with a json result: a lazy Iterator of Map rows read as they arrive (of Lists of up to batchSize rows with batchSize above 1; closed when read to its end or when the exchange completes). For arrays read: the cells page by page as they are read (rows, or one CellColumns per page with cellFormat=columns), closed the same way. For tasks result: the live answer as an InputStream.")
    private boolean streamResults = false;

    @UriParam(
            label = "producer",
            description =
                    "For list operations: text matched against name, namespace and description; for taskgraphs logs, against the execution's name.")
    private String search;

    @UriParam(
            label = "producer",
            description =
                    "For list operations: sort field, such as name or size; for classic assets list and listPublic created_at, name or asset_type, each optionally followed by asc or desc; for tasks list start_time or name.")
    private String orderBy;

    @UriParam(
            label = "producer",
            description =
                    "For list operations: only assets the caller holds these permissions on: read, read_write, write or admin.")
    private String permissions;

    @UriParam(label = "producer", description = "For list operations: only assets with these tags (comma-separated).")
    private String tags;

    @UriParam(label = "producer", description = "For list operations: no assets with these tags (comma-separated).")
    private String excludeTags;

    @UriParam(
            label = "producer",
            description =
                    "For list operations: only these file types (comma-separated: notebook, user_defined_function, ml_model, file, registered_task_graph).")
    private String fileTypes;

    @UriParam(label = "producer", description = "For list operations: no assets of these file types (comma-separated).")
    private String excludeFileTypes;

    @UriParam(
            label = "producer",
            description =
                    "For list operations: key=value pairs (separated by semicolons) the assets' file properties must have.")
    private String fileProperties;

    @UriParam(
            label = "producer",
            description = "For listShared: only assets shared with these namespaces (comma-separated).")
    private String sharedTo;

    @UriParam(label = "producer", description = "For list operations: include each asset's metadata.")
    private Boolean withMetadata;

    @UriParam(label = "producer", description = "For listAll: exclude leaves out public arrays, only keeps just them.")
    private PublicShare publicShare;

    @UriParam(
            label = "producer",
            enums = "owned,shared",
            description =
                    "For assets list on the classic platform: only the assets the namespace owns (owned) or only those shared with it (shared); both by default.")
    private OwnershipLevel ownershipLevel;

    @UriParam(
            label = "producer",
            enums = "root,all",
            description =
                    "For assets list and listPublic on the classic platform: root lists only the assets no group holds, all every asset.")
    private Depth depth;

    @UriParam(
            label = "producer",
            description =
                    "For tasks list and the tasks consumer: only tasks of this type (QUERY, SQL, UDF, GENERIC_UDF, BATCH_UDF, CLIENT_COMPUTATION).")
    private String taskType;

    @UriParam(label = "producer", description = "For tasks list: no tasks of these types (comma-separated).")
    private String excludeTaskTypes;

    @UriParam(
            label = "producer",
            description =
                    "For tasks list: only tasks in this status (QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED, DENIED, RESOURCES_UNAVAILABLE, UNKNOWN). For the tasks consumer: only tasks that finished in one of these (comma-separated, such as FAILED). For taskgraphs logs: only executions in this status (submitted, running, succeeded, failed, cancelled...).")
    private String taskStatus;

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

    public PublicShare getPublicShare() {
        return publicShare;
    }

    public void setPublicShare(PublicShare publicShare) {
        this.publicShare = publicShare;
    }

    /** {@code key=value;key2=value2} as the service's {@code key,value} pairs. */
    public List<String> filePropertyPairs() {
        List<String> pairs = OptionText.split(fileProperties, ";");
        if (pairs == null) {
            return null;
        }
        return pairs.stream()
                .map(pair -> {
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        throw new TileDBConfigurationException("The fileProperties option"
                                + " (header " + OptionHeaders.headerOf("fileProperties")
                                + ") takes key=value pairs separated by ';', was '" + pair + "'");
                    }
                    return pair.substring(0, eq).strip() + ","
                            + pair.substring(eq + 1).strip();
                })
                .toList();
    }

    public OwnershipLevel getOwnershipLevel() {
        return ownershipLevel;
    }

    public void setOwnershipLevel(OwnershipLevel ownershipLevel) {
        this.ownershipLevel = ownershipLevel;
    }

    public Depth getDepth() {
        return depth;
    }

    public void setDepth(Depth depth) {
        this.depth = depth;
    }

    public String getTaskType() {
        return taskType;
    }

    public void setTaskType(String taskType) {
        this.taskType = taskType;
    }

    public String getExcludeTaskTypes() {
        return excludeTaskTypes;
    }

    public void setExcludeTaskTypes(String excludeTaskTypes) {
        this.excludeTaskTypes = excludeTaskTypes;
    }

    public String getTaskStatus() {
        return taskStatus;
    }

    public void setTaskStatus(String taskStatus) {
        this.taskStatus = taskStatus;
    }
}
