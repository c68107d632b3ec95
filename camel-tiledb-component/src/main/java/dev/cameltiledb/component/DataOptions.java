package dev.cameltiledb.component;

import dev.cameltiledb.camel.OptionGroup;
import dev.cameltiledb.camel.ValueRange;
import dev.cameltiledb.client.model.ResultFormat;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Parameters of the work the service runs on data: SQL ({@code tiledb:sql}), UDFs ({@code tiledb:udfs}), task graphs
 * ({@code tiledb:taskgraphs}) and JSON queries ({@code tiledb:arrays?operation=query}). The JSON-valued options
 * ({@code parameters}, {@code initCommands}, {@code arguments}, {@code ranges}, {@code arraySlices}) take JSON text;
 * their headers may hold the value itself (a List or Map). Each can be overridden per message by its header.
 */
@UriParams
public class DataOptions extends OptionGroup<DataOptions> {

    @UriParam(
            label = "producer",
            description =
                    "For sql exec: the SQL to run, its tables the arrays' tiledb://namespace/name URIs in backquotes; without it the body (a String, a byte array or an InputStream) is the query.")
    private String query;

    @UriParam(
            label = "producer",
            description =
                    "For sql exec: the values of the query's placeholders (question marks), in order, as a JSON array (a List in the header).")
    private String parameters;

    @UriParam(
            label = "producer",
            description =
                    "For sql exec: statements run before the query, as a JSON array of strings (a List in the header).")
    private String initCommands;

    @UriParam(
            label = "producer",
            description =
                    "For sql exec and the UDF runs: the format the service answers in; json when unset. json is parsed (SQL: a List of Map rows; a UDF: its JSON value), or read lazily with streamResults; any other format (arrow: the Arrow IPC stream) is the body as a live InputStream, closed when the exchange completes.")
    private TaskResultFormat resultFormat;

    @UriParam(
            label = "common",
            defaultValue = "1",
            description =
                    "For sql exec, arrays query and read and the UDF runs with streamResults and a json result: the rows each item of the lazy Iterator holds. 1 (the default): each item is one Map row; more: each item is a List of up to batchSize Map rows (the last one shorter), so that .split(body()).streaming() makes one exchange per batch (for a JDBC batch insert, say), and a batch's rows are held in memory together. Without streamResults it has no effect. For the cells consumer: the cells each exchange holds, 1 (one Map) or more (a List of up to batchSize Maps).")
    @ValueRange(min = 1)
    private int batchSize = 1;

    @UriParam(
            label = "producer",
            description =
                    "For sql exec: an array to store the result in as well, such as s3://bucket/results/daily (outputUri of the service).")
    private String outputUri;

    @UriParam(
            label = "producer",
            description =
                    "For sql exec and the UDF runs: keep the result on the service, for tasks result with the task id (CamelTileDBTaskId) later.")
    private Boolean storeResults;

    @UriParam(
            label = "producer",
            description =
                    "For sql exec and the UDF runs: the resource class (the CPU and memory limits) the task runs in, such as standard or large.")
    private String resourceClass;

    @UriParam(
            label = "producer",
            description = "For sql exec and the UDF runs: the task's name, as the tasks list shows it.")
    private String taskName;

    @UriParam(
            label = "producer",
            description =
                    "For udfs: the registered UDF, written namespace/name (as TileDB's Python client takes it) or tiledb://namespace/name; a name alone belongs to the namespace option. The UDF the run operations run, or the one the management operations work on.")
    private String udfName;

    @UriParam(
            label = "producer",
            description =
                    "For the UDF runs: Python source to run instead of a registered UDF (the last function it defines runs); for udfs register and update: the code to store. The service keeps it as exec_raw.")
    private String udfSource;

    @UriParam(
            label = "producer",
            description =
                    "For the UDF runs: the arguments as JSON, a JSON array for positional arguments or an object for named ones; without it the body gives them (a List, a Map, or JSON text; another value is one positional argument).")
    private String arguments;

    @UriParam(
            label = "producer",
            description =
                    "For the UDF runs: the seconds the UDF may run before the service stops it (the service's default is 900).")
    @ValueRange(min = 1)
    private Integer timeout;

    @UriParam(
            label = "producer",
            description = "For the UDF runs: the image the UDF runs in (the service's default image when unset).")
    private String imageName;

    @UriParam(
            label = "producer",
            description =
                    "For arrays query and read and udfs apply: the slice to read, a JSON array holding one array of bounds per dimension, in the schema's order: lo1, hi1, lo2, hi2 and so on, numbers only; an empty array reads the whole dimension. Without it the whole array.")
    private String ranges;

    // text, not an enum: TileDB spells layouts with hyphens, which enum constants cannot hold (SliceOptions checks it)
    @UriParam(
            label = "common",
            enums = "row-major,col-major,global-order,unordered",
            description =
                    "For arrays query and read and udfs apply and execMultiArray, and the cells consumer: the order of the cells: row-major (the default), col-major, global-order or unordered. The cells consumer reads a window in the same order each time, so a restart skips the cells already delivered; with unordered it delivers the whole window again.")
    private String layout;

    @UriParam(
            label = "common",
            description =
                    "For arrays query and read and udfs apply, and the cells consumer: the attributes and dimensions to read (comma-separated); all when unset.")
    private String fields;

    @UriParam(
            label = "common",
            defaultValue = "rows",
            description =
                    "For arrays read and the cells consumer: the shape of the cells. rows (the default): a List of Map rows (field to value), or with streamResults a lazy Iterator of them (of Lists of up to batchSize rows with batchSize above 1). columns: CellColumns, a typed Java array per field (long[], int[], double[], float[], String[]) with the validity of nullable fields, for bulk use; without streamResults one CellColumns holding every cell read, with streamResults a lazy Iterator of one CellColumns per page (at most readBufferSize bytes each). The cells consumer delivers one exchange per cell or batchSize cells (rows), or per page (columns).")
    private CellFormat cellFormat = CellFormat.rows;

    @UriParam(
            label = "common",
            defaultValue = "16777216",
            description =
                    "For arrays read and the cells consumer: the bytes one page of cells may take (shared by the fields read); a larger read comes in several pages, asked for one at a time, so its memory stays within about one page whatever its size. At least 1024.")
    @ValueRange(min = 1024)
    private long readBufferSize = 16L << 20;

    @UriParam(
            label = "producer",
            defaultValue = "1000000",
            description =
                    "For arrays write: the most cells one fragment (one write request) holds; a larger body is cut into several fragments, a stream (an Iterator of rows) is read this many rows at a time. A dense body is cut into whole slabs along its first dimension (at least one slab a fragment).")
    @ValueRange(min = 1)
    private int fragmentSize = 1_000_000;

    @UriParam(
            label = "producer",
            description =
                    "For udfs execMultiArray: the array slices the UDF reads, a JSON array whose items are a tiledb://namespace/name URI (the whole array) or an object with uri, ranges (bounds per dimension, as the ranges option takes them) and buffers (the attributes and dimensions to read).")
    private String arraySlices;

    @UriParam(
            label = "producer",
            description =
                    "For taskgraphs: the registered task graph, written namespace/name or tiledb://namespace/name; a name alone belongs to the namespace option. For submit: the registered graph to run.")
    private String graphName;

    @UriParam(
            label = "producer",
            description =
                    "For taskgraphs log, retry, resubmit and stop: the execution (a TaskGraphLog's uuid). Set on the reply of submit, retry and resubmit.")
    private String executionId;

    @UriParam(
            label = "producer",
            defaultValue = "false",
            description =
                    "For taskgraphs submit, retry and resubmit: wait until the execution ends, reading its log every completionPollInterval up to completionTimeout, and reply with the final log; an execution that ends in failure fails the exchange, naming the nodes that failed.")
    private boolean waitForCompletion;

    @UriParam(
            label = "producer",
            defaultValue = "600000",
            javaType = "java.time.Duration",
            description =
                    "For waitForCompletion: the longest to wait for the end (milliseconds, or a duration such as 10m); the execution goes on when the wait gives up, and the error names it.")
    @ValueRange(min = 1)
    private long completionTimeout = 600_000L;

    @UriParam(
            label = "producer",
            defaultValue = "2000",
            javaType = "java.time.Duration",
            description =
                    "For waitForCompletion: how long to wait between two reads of the execution's log (milliseconds, or a duration such as 2s).")
    @ValueRange(min = 1)
    private long completionPollInterval = 2_000L;

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String getParameters() {
        return parameters;
    }

    public void setParameters(String parameters) {
        this.parameters = parameters;
    }

    public String getInitCommands() {
        return initCommands;
    }

    public void setInitCommands(String initCommands) {
        this.initCommands = initCommands;
    }

    public TaskResultFormat getResultFormat() {
        return resultFormat;
    }

    public void setResultFormat(TaskResultFormat resultFormat) {
        this.resultFormat = resultFormat;
    }

    /** The resultFormat as the client names it; null when unset. */
    public ResultFormat clientResultFormat() {
        return resultFormat == null ? null : resultFormat.toClient();
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public String getOutputUri() {
        return outputUri;
    }

    public void setOutputUri(String outputUri) {
        this.outputUri = outputUri;
    }

    public Boolean getStoreResults() {
        return storeResults;
    }

    public void setStoreResults(Boolean storeResults) {
        this.storeResults = storeResults;
    }

    public String getResourceClass() {
        return resourceClass;
    }

    public void setResourceClass(String resourceClass) {
        this.resourceClass = resourceClass;
    }

    public String getTaskName() {
        return taskName;
    }

    public void setTaskName(String taskName) {
        this.taskName = taskName;
    }

    public String getUdfName() {
        return udfName;
    }

    public void setUdfName(String udfName) {
        this.udfName = udfName;
    }

    public String getUdfSource() {
        return udfSource;
    }

    public void setUdfSource(String udfSource) {
        this.udfSource = udfSource;
    }

    public String getArguments() {
        return arguments;
    }

    public void setArguments(String arguments) {
        this.arguments = arguments;
    }

    public Integer getTimeout() {
        return timeout;
    }

    public void setTimeout(Integer timeout) {
        this.timeout = timeout;
    }

    public String getImageName() {
        return imageName;
    }

    public void setImageName(String imageName) {
        this.imageName = imageName;
    }

    public String getRanges() {
        return ranges;
    }

    public void setRanges(String ranges) {
        this.ranges = ranges;
    }

    public String getLayout() {
        return layout;
    }

    public void setLayout(String layout) {
        this.layout = layout;
    }

    public String getFields() {
        return fields;
    }

    public void setFields(String fields) {
        this.fields = fields;
    }

    public CellFormat getCellFormat() {
        return cellFormat;
    }

    public void setCellFormat(CellFormat cellFormat) {
        this.cellFormat = cellFormat;
    }

    public long getReadBufferSize() {
        return readBufferSize;
    }

    public void setReadBufferSize(long readBufferSize) {
        this.readBufferSize = readBufferSize;
    }

    public int getFragmentSize() {
        return fragmentSize;
    }

    public void setFragmentSize(int fragmentSize) {
        this.fragmentSize = fragmentSize;
    }

    public String getArraySlices() {
        return arraySlices;
    }

    public void setArraySlices(String arraySlices) {
        this.arraySlices = arraySlices;
    }

    public String getGraphName() {
        return graphName;
    }

    public void setGraphName(String graphName) {
        this.graphName = graphName;
    }

    public String getExecutionId() {
        return executionId;
    }

    public void setExecutionId(String executionId) {
        this.executionId = executionId;
    }

    public boolean isWaitForCompletion() {
        return waitForCompletion;
    }

    public void setWaitForCompletion(boolean waitForCompletion) {
        this.waitForCompletion = waitForCompletion;
    }

    public long getCompletionTimeout() {
        return completionTimeout;
    }

    public void setCompletionTimeout(long completionTimeout) {
        this.completionTimeout = completionTimeout;
    }

    public long getCompletionPollInterval() {
        return completionPollInterval;
    }

    public void setCompletionPollInterval(long completionPollInterval) {
        this.completionPollInterval = completionPollInterval;
    }
}
