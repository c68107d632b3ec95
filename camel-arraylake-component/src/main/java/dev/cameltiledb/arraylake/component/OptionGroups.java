package dev.cameltiledb.arraylake.component;

/**
 * The option groups of an {@link ArraylakeConfiguration}, reachable from the component and from each endpoint: Camel's
 * generated configurers set a grouped option through them ({@code target.getListing().setSize(...)}). One
 * declaration for both holders.
 */
public interface OptionGroups {

    ArraylakeConfiguration getConfiguration();

    default ListingOptions getListing() {
        return getConfiguration().getListing();
    }

    default void setListing(ListingOptions listing) {
        getConfiguration().setListing(listing);
    }

    default RepoOptions getRepoOptions() {
        return getConfiguration().getRepoOptions();
    }

    default void setRepoOptions(RepoOptions repoOptions) {
        getConfiguration().setRepoOptions(repoOptions);
    }

    default DeleteOptions getDeleteOptions() {
        return getConfiguration().getDeleteOptions();
    }

    default void setDeleteOptions(DeleteOptions deleteOptions) {
        getConfiguration().setDeleteOptions(deleteOptions);
    }

    default BucketOptions getBucketOptions() {
        return getConfiguration().getBucketOptions();
    }

    default void setBucketOptions(BucketOptions bucketOptions) {
        getConfiguration().setBucketOptions(bucketOptions);
    }

    default PermissionOptions getPermissionOptions() {
        return getConfiguration().getPermissionOptions();
    }

    default void setPermissionOptions(PermissionOptions permissionOptions) {
        getConfiguration().setPermissionOptions(permissionOptions);
    }

    default ServiceOptions getServiceOptions() {
        return getConfiguration().getServiceOptions();
    }

    default void setServiceOptions(ServiceOptions serviceOptions) {
        getConfiguration().setServiceOptions(serviceOptions);
    }

    default ConnectionOptions getConnection() {
        return getConfiguration().getConnection();
    }

    default void setConnection(ConnectionOptions connection) {
        getConfiguration().setConnection(connection);
    }

    default ConsumerOptions getConsumer() {
        return getConfiguration().getConsumer();
    }

    default void setConsumer(ConsumerOptions consumer) {
        getConfiguration().setConsumer(consumer);
    }
}
