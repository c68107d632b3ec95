package dev.cameltiledb.arraylake.component;

import dev.cameltiledb.camel.OptionGroup;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Every option of an {@code arraylake:} endpoint, grouped by concern: the operation and what it works on here, the
 * rest in one class per concern ({@link ListingOptions}, {@link RepoOptions}, {@link DeleteOptions},
 * {@link BucketOptions}, {@link PermissionOptions}, {@link ServiceOptions}, {@link ConnectionOptions},
 * {@link ConsumerOptions}). Camel's tooling flattens the groups: users write
 * {@code arraylake:repos?operation=list&size=50} as before. The component holds one as the default of its endpoints;
 * each endpoint, and each message with option headers, works on a {@link #copy()}.
 *
 * <p>Every option here and in the message-option groups is overridden for one message by the header
 * {@code CamelArraylake<Option>} ({@link OptionHeaders}); how to reach the service ({@link ConnectionOptions}) and
 * how the consumer keeps its state ({@link ConsumerOptions}) are endpoint options only: a message never changes where
 * a call goes, with which credentials, or where a feed's state lives.
 */
@UriParams
public class ArraylakeConfiguration extends OptionGroup<ArraylakeConfiguration> {

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

    @UriParam
    private ListingOptions listing = new ListingOptions();

    @UriParam
    private RepoOptions repoOptions = new RepoOptions();

    @UriParam
    private DeleteOptions deleteOptions = new DeleteOptions();

    @UriParam
    private BucketOptions bucketOptions = new BucketOptions();

    @UriParam
    private PermissionOptions permissionOptions = new PermissionOptions();

    @UriParam
    private ServiceOptions serviceOptions = new ServiceOptions();

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

    public ListingOptions getListing() {
        return listing;
    }

    public void setListing(ListingOptions listing) {
        this.listing = listing;
    }

    public RepoOptions getRepoOptions() {
        return repoOptions;
    }

    public void setRepoOptions(RepoOptions repoOptions) {
        this.repoOptions = repoOptions;
    }

    public DeleteOptions getDeleteOptions() {
        return deleteOptions;
    }

    public void setDeleteOptions(DeleteOptions deleteOptions) {
        this.deleteOptions = deleteOptions;
    }

    public BucketOptions getBucketOptions() {
        return bucketOptions;
    }

    public void setBucketOptions(BucketOptions bucketOptions) {
        this.bucketOptions = bucketOptions;
    }

    public PermissionOptions getPermissionOptions() {
        return permissionOptions;
    }

    public void setPermissionOptions(PermissionOptions permissionOptions) {
        this.permissionOptions = permissionOptions;
    }

    public ServiceOptions getServiceOptions() {
        return serviceOptions;
    }

    public void setServiceOptions(ServiceOptions serviceOptions) {
        this.serviceOptions = serviceOptions;
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
}
