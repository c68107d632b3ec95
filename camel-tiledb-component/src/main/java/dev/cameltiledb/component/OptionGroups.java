package dev.cameltiledb.component;

/**
 * The option groups of a {@link TileDBConfiguration}, reachable from the component and from each endpoint: Camel's
 * generated configurers set a grouped option through them ({@code target.getListing().setPage(...)}). One
 * declaration for both holders.
 */
public interface OptionGroups {

    TileDBConfiguration getConfiguration();

    default ConnectionOptions getConnection() {
        return getConfiguration().getConnection();
    }

    default void setConnection(ConnectionOptions connection) {
        getConfiguration().setConnection(connection);
    }

    default ListingOptions getListing() {
        return getConfiguration().getListing();
    }

    default void setListing(ListingOptions listing) {
        getConfiguration().setListing(listing);
    }

    default ArrayOptions getArrayOptions() {
        return getConfiguration().getArrayOptions();
    }

    default void setArrayOptions(ArrayOptions arrayOptions) {
        getConfiguration().setArrayOptions(arrayOptions);
    }

    default NotebookOptions getNotebookOptions() {
        return getConfiguration().getNotebookOptions();
    }

    default void setNotebookOptions(NotebookOptions notebookOptions) {
        getConfiguration().setNotebookOptions(notebookOptions);
    }

    default GroupOptions getGroupOptions() {
        return getConfiguration().getGroupOptions();
    }

    default void setGroupOptions(GroupOptions groupOptions) {
        getConfiguration().setGroupOptions(groupOptions);
    }

    default UserOptions getUserOptions() {
        return getConfiguration().getUserOptions();
    }

    default void setUserOptions(UserOptions userOptions) {
        getConfiguration().setUserOptions(userOptions);
    }

    default WorkspaceOptions getWorkspaceOptions() {
        return getConfiguration().getWorkspaceOptions();
    }

    default void setWorkspaceOptions(WorkspaceOptions workspaceOptions) {
        getConfiguration().setWorkspaceOptions(workspaceOptions);
    }

    default DataOptions getDataOptions() {
        return getConfiguration().getDataOptions();
    }

    default void setDataOptions(DataOptions dataOptions) {
        getConfiguration().setDataOptions(dataOptions);
    }

    default ConsumerOptions getConsumer() {
        return getConfiguration().getConsumer();
    }

    default void setConsumer(ConsumerOptions consumer) {
        getConfiguration().setConsumer(consumer);
    }
}
