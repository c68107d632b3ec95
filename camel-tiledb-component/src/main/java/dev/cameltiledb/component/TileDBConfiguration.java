package dev.cameltiledb.component;

import dev.cameltiledb.camel.OptionGroup;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Every option of a {@code tiledb:} endpoint, grouped by concern: the operation and the asset it works on here, the
 * rest in one class per concern ({@link ConnectionOptions}, {@link ListingOptions}, {@link ArrayOptions},
 * {@link NotebookOptions}, {@link GroupOptions}, {@link UserOptions}, {@link WorkspaceOptions}, {@link DataOptions},
 * {@link ConsumerOptions}). Camel's tooling
 * flattens the groups: users write {@code tiledb:arrays?operation=list&perPage=50} as before. The component holds one
 * as the default for all its endpoints; each endpoint works on a {@link #copy()}.
 *
 * <p>Every option here and in the message-option groups can be overridden per message by the header
 * {@code CamelTileDB<Option>} ({@link OptionHeaders}); connection and consumer options cannot.
 */
@UriParams
public class TileDBConfiguration extends OptionGroup<TileDBConfiguration> {

    @UriParam(
            label = "producer",
            description =
                    "The operation to perform. Each resource offers its own set; see the docs for which. tiledb:sql and tiledb:udfs run exec when none is given.")
    private TileDBOperation operation;

    @UriParam(
            label = "common",
            description =
                    "The namespace (user or organization) the asset lives in; for list operations, only assets of this namespace. On the workspace platform, the teamspace written workspace/teamspace (such as acme/research).")
    private String namespace;

    @UriParam(
            label = "common",
            description =
                    "The array's name, UUID or storage URI; a tiledb://namespace/name value sets the namespace too. For files on the classic platform, the file array's name; for tasks list and the tasks consumer, only tasks on this array; for arrays query, read and udfs apply, the array read; for arrays write, the array written.")
    private String array;

    @UriParam(
            label = "common",
            description =
                    "The asset as one address, instead of namespace and array: tiledb://namespace/name, or the workspace form tiledb://workspace/teamspace/path (on a workspace server; see serverGeneration).")
    private String tiledbUri;

    @UriParam(
            label = "common",
            description = "The group's name or id (with namespace), or a tiledb://namespace/name URI.")
    private String group;

    @UriParam
    private ConnectionOptions connection = new ConnectionOptions();

    @UriParam
    private ListingOptions listing = new ListingOptions();

    @UriParam
    private ArrayOptions arrayOptions = new ArrayOptions();

    @UriParam
    private NotebookOptions notebookOptions = new NotebookOptions();

    @UriParam
    private GroupOptions groupOptions = new GroupOptions();

    @UriParam
    private UserOptions userOptions = new UserOptions();

    @UriParam
    private WorkspaceOptions workspaceOptions = new WorkspaceOptions();

    @UriParam
    private DataOptions dataOptions = new DataOptions();

    @UriParam
    private ConsumerOptions consumer = new ConsumerOptions();

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

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public ConnectionOptions getConnection() {
        return connection;
    }

    public void setConnection(ConnectionOptions connection) {
        this.connection = connection;
    }

    public ListingOptions getListing() {
        return listing;
    }

    public void setListing(ListingOptions listing) {
        this.listing = listing;
    }

    public ArrayOptions getArrayOptions() {
        return arrayOptions;
    }

    public void setArrayOptions(ArrayOptions arrayOptions) {
        this.arrayOptions = arrayOptions;
    }

    public NotebookOptions getNotebookOptions() {
        return notebookOptions;
    }

    public void setNotebookOptions(NotebookOptions notebookOptions) {
        this.notebookOptions = notebookOptions;
    }

    public GroupOptions getGroupOptions() {
        return groupOptions;
    }

    public void setGroupOptions(GroupOptions groupOptions) {
        this.groupOptions = groupOptions;
    }

    public UserOptions getUserOptions() {
        return userOptions;
    }

    public void setUserOptions(UserOptions userOptions) {
        this.userOptions = userOptions;
    }

    public WorkspaceOptions getWorkspaceOptions() {
        return workspaceOptions;
    }

    public void setWorkspaceOptions(WorkspaceOptions workspaceOptions) {
        this.workspaceOptions = workspaceOptions;
    }

    public DataOptions getDataOptions() {
        return dataOptions;
    }

    public void setDataOptions(DataOptions dataOptions) {
        this.dataOptions = dataOptions;
    }

    public ConsumerOptions getConsumer() {
        return consumer;
    }

    public void setConsumer(ConsumerOptions consumer) {
        this.consumer = consumer;
    }
}
