package dev.cameltiledb.arraylake.component;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.cameltiledb.arraylake.component.ArraylakeResource.buckets;
import static dev.cameltiledb.arraylake.component.ArraylakeResource.orgs;
import static dev.cameltiledb.arraylake.component.ArraylakeResource.repos;
import static dev.cameltiledb.arraylake.component.ArraylakeResource.services;
import static dev.cameltiledb.arraylake.component.ArraylakeResource.user;

/**
 * What a producer does. One name serves every resource where it means the same thing ({@code list}, {@code get},
 * {@code create}, {@code modify}, {@code delete}); each constant names the resources offering it and the seed function
 * of the Python client it stands for.
 */
public enum ArraylakeOperation {
    /** {@code list_repos}, {@code list_bucket_configs}, the caller's orgs, {@code get_services(org).list_enabled}. */
    list(repos, buckets, orgs, services),
    /**
     * {@code get_repo_object}, {@code get_bucket_config}, whoami ({@code GET /user}), a compute service's
     * {@code get_status}.
     */
    get(repos, buckets, user, services),
    /** {@code get_or_create_repo}. */
    getOrCreate(repos),
    /** {@code create_repo}, {@code create_bucket_config}, a compute service's {@code enable}. */
    create(repos, buckets, services),
    /** Change a repo's description or metadata, or a bucket config. */
    modify(repos, buckets),
    /**
     * {@code delete_repo}, {@code delete_bucket_config}, a compute service's {@code disable}: only with
     * {@code confirmDelete=true}.
     */
    delete(repos, buckets, services),
    /** Put a repo online, in maintenance or offline. */
    setStatus(repos),
    /** {@code set_default_bucket_config}. */
    setDefault(buckets),
    /** {@code list_repos_for_bucket_config}. */
    listRepos(buckets),
    /** {@code get_api_client_id_from_token}: the token to look up is the body. */
    apiClientId(orgs),
    /** {@code get_permission_check}. */
    checkPermission(orgs),
    /** A compute service's {@code stream_logs} and {@code get_logs}: the log as a live InputStream. */
    logs(services);

    private final Set<ArraylakeResource> offeredBy;

    ArraylakeOperation(ArraylakeResource first, ArraylakeResource... more) {
        this.offeredBy = EnumSet.of(first, more);
    }

    public Set<ArraylakeResource> offeredBy() {
        return offeredBy;
    }

    /** The operations of one resource, in declaration order. */
    public static Set<ArraylakeOperation> of(ArraylakeResource resource) {
        return EnumSet.allOf(ArraylakeOperation.class).stream()
                .filter(o -> o.offeredBy.contains(resource))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ArraylakeOperation.class)));
    }

    /**
     * The single check of which resource offers which operation: when a route starts for the URI's
     * {@code operation}, and for each message whose {@code CamelArraylakeOperation} header names one.
     */
    public ArraylakeOperation checkFor(ArraylakeResource resource, String source) {
        if (!offeredBy.contains(resource)) {
            throw new ArraylakeOptionException("arraylake:" + resource + " has no operation " + name() + " (" + source
                    + "); it offers " + of(resource));
        }
        return this;
    }
}
