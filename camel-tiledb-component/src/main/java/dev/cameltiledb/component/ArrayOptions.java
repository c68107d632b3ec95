package dev.cameltiledb.component;

import java.util.List;

import dev.cameltiledb.camel.OptionGroup;
import dev.cameltiledb.camel.OptionText;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Parameters of the array operations, and of the sharing and activity operations every asset kind shares. Each can be
 * overridden per message by its header.
 */
@UriParams
public class ArrayOptions extends OptionGroup<ArrayOptions> {

    @UriParam(
            label = "producer",
            description =
                    "For activity (of arrays, notebooks and groups), tasks list and sidebar and taskgraphs logs: window start, an ISO-8601 instant or epoch seconds (the service's default is seven days ago).")
    private String startTime;

    @UriParam(
            label = "producer",
            description =
                    "For activity (of arrays, notebooks and groups), tasks list and sidebar and taskgraphs logs: window end, an ISO-8601 instant or epoch seconds (default now).")
    private String endTime;

    @UriParam(
            label = "producer",
            description =
                    "For activity: only these event types (comma-separated ActivityEventType values such as create, query_read).")
    private String eventTypes;

    @UriParam(
            label = "producer",
            description =
                    "For activity: only events of this array task. For tasks get and result: the task to read. Set on the reply of sql exec, the UDF runs and arrays query (the task that ran), of taskgraphs submit, retry and resubmit when the graph has one final node (that node's latest task), and on each exchange of the tasks consumer.")
    private String taskId;

    @UriParam(label = "producer", description = "For activity: only events that carry an array task id.")
    private Boolean hasTaskId;

    @UriParam(
            label = "producer",
            description =
                    "For activityEvent: the id of the event to read, as the activity log and the activity consumer give it.")
    private String activityId;

    @UriParam(
            label = "producer",
            description =
                    "For share and unshare: the user or organization to grant or revoke, or public. For udfs copy: the namespace the copy goes to.")
    private String targetNamespace;

    @UriParam(
            label = "producer",
            defaultValue = "read",
            description =
                    "For share: the actions to grant (comma-separated: read, write, edit, read_array_logs, read_array_info, read_array_schema); on a registered UDF fetch_udf and share_udf, on a registered task graph fetch_task_graph and share_task_graph, where read grants fetch_udf or fetch_task_graph.")
    private String actions = "read";

    @UriParam(
            label = "producer",
            description =
                    "For create and register: where the array's data lives, such as s3://bucket/sales. For files (classic file arrays): create and upload, where a new file array is stored (default: the namespace's location); export, where the plain file is written. For notebook and udfs copy: where the copy is stored.")
    private String storageUri;

    @UriParam(
            label = "producer",
            description =
                    "For create and register (and files create and upload, notebook and udfs copy): the name of the stored cloud credentials TileDB Cloud uses to reach the storage. For the UDF runs: the stored credentials put in the UDF's environment (access_credentials_name).")
    private String credentialsName;

    @UriParam(label = "producer", description = "For maxBufferSizes: the subarray bounds as CSV, such as 1,100,1,10.")
    private String subarray;

    @UriParam(label = "producer", description = "For sample: how many cells to return (the service's default is 5).")
    private Integer samples;

    @UriParam(label = "producer", description = "For metadataJson: truncate values to this many characters.")
    private Integer metadataLength;

    @UriParam(
            label = "producer",
            description =
                    "For metadataJson: read the metadata as of this time; for fragmentEndTimestamp: the time a read opens the array at; for notebook and udfs copy: copy the version of this time; for arrays read: the cells as they were at this time (time travel: only fragments written at or before it). Epoch milliseconds.")
    private Long endTimestamp;

    @UriParam(
            label = "producer",
            description =
                    "For arrays read: only the cells of fragments written at or after this time (with endTimestamp, the cells a window of writes made). Epoch milliseconds; the beginning when unset.")
    private Long startTimestamp;

    @UriParam(
            label = "producer",
            description =
                    "For arrays write: the timestamp of the fragments the write makes (epoch milliseconds), which time-travel reads and the fragment list see; the service's clock when unset. Every fragment of one exchange gets it.")
    private Long writeTimestamp;

    @UriParam(
            label = "producer",
            description =
                    "For nonEmptyDomain, maxBufferSizes, query, udfs apply and the download of notebooks and file arrays: the namespace charged for the request (X-Payer).")
    private String payer;

    @UriParam(
            label = "producer",
            description =
                    "For files create on the classic platform: the file in storage to make a file array of, such as s3://bucket/report.pdf.")
    private String inputUri;

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

    public Long getStartTimestamp() {
        return startTimestamp;
    }

    public void setStartTimestamp(Long startTimestamp) {
        this.startTimestamp = startTimestamp;
    }

    public Long getWriteTimestamp() {
        return writeTimestamp;
    }

    public void setWriteTimestamp(Long writeTimestamp) {
        this.writeTimestamp = writeTimestamp;
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

    public String getActivityId() {
        return activityId;
    }

    public void setActivityId(String activityId) {
        this.activityId = activityId;
    }

    /** The event types as the service takes them: one comma-separated value, blanks dropped. */
    public String eventTypeList() {
        List<String> types = OptionText.list(eventTypes);
        return types == null ? null : String.join(",", types);
    }

    public String getInputUri() {
        return inputUri;
    }

    public void setInputUri(String inputUri) {
        this.inputUri = inputUri;
    }
}
