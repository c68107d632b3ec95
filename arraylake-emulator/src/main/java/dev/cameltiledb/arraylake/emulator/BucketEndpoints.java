package dev.cameltiledb.arraylake.emulator;

import java.util.ArrayList;
import java.util.List;

import dev.cameltiledb.emulator.common.Answer;
import dev.cameltiledb.emulator.common.Router;

/**
 * Bucket configs of an org, addressed by id: any member may read them; creating, changing, deleting and choosing the
 * default take the admin role. A bucket config used by a live repo cannot be deleted.
 */
final class BucketEndpoints {

    private final ArraylakeState state;

    BucketEndpoints(ArraylakeState state) {
        this.state = state;
    }

    void register(Router<Endpoint> routes) {
        routes.add("GET", "/orgs/{org}/buckets", this::list);
        routes.add("POST", "/orgs/{org}/buckets", this::create);
        routes.add("GET", "/orgs/{org}/buckets/{bucket_id}", this::get);
        routes.add("PATCH", "/orgs/{org}/buckets/{bucket_id}", this::modify);
        routes.add("DELETE", "/orgs/{org}/buckets/{bucket_id}", this::delete);
        routes.add("GET", "/orgs/{org}/buckets/{bucket_id}/repos", this::repos);
        routes.add("POST", "/orgs/{org}/buckets/{bucket_id}/default", this::setDefault);
        routes.add("GET", "/orgs/{org}/buckets/{bucket_id}/credentials", this::credentials);
    }

    private Org readableOrg(Request request) {
        Org org = state.requireOrg(request.pathName("org", NameRules::org));
        Access.require(org, request.principal(), OrgAction.CAN_READ_REPOS);
        return org;
    }

    private static BucketConfig bucket(Org org, String bucketId) {
        return org.bucket(bucketId)
                .orElseThrow(() -> ApiError.notFound("Bucket config " + bucketId + " not found in org " + org.name()));
    }

    private Answer list(Request request) {
        Org org = readableOrg(request);
        return Answer.ok(org.buckets().stream().map(b -> Views.bucket(org, b)).toList());
    }

    private Answer create(Request request) {
        String orgName = request.pathName("org", NameRules::org);
        BucketChange spec = BucketRules.readNew(request.body());
        BucketRules.checkCombination(spec.platform(), spec.extraConfig(), spec.authConfig());
        Org org = state.requireOrg(orgName);
        Access.requireAdmin(org, request.principal(), "create bucket configs");
        BucketConfig bucket = state.addBucket(org, spec, request.principal().email(), false);
        return Answer.created(Views.bucket(org, bucket));
    }

    private Answer get(Request request) {
        String bucketId = request.pathUuid("bucket_id");
        Org org = readableOrg(request);
        return Answer.ok(Views.bucket(org, bucket(org, bucketId)));
    }

    private Answer modify(Request request) {
        String orgName = request.pathName("org", NameRules::org);
        String bucketId = request.pathUuid("bucket_id");
        BucketChange change = BucketRules.readChange(request.body());
        Org org = state.requireOrg(orgName);
        Access.requireAdmin(org, request.principal(), "modify bucket configs");
        BucketConfig bucket = bucket(org, bucketId);
        BucketConfig changed = bucket.changed(change, state.time().after(bucket.updated()));
        BucketRules.checkCombination(changed.platform(), changed.extraConfig(), changed.authConfig());
        org.bucketByNickname(changed.nickname())
                .filter(other -> !other.id().equals(bucketId))
                .ifPresent(other -> {
                    throw ApiError.conflict(
                            "Bucket config with nickname " + changed.nickname() + " already exists in org " + orgName);
                });
        org.replaceBucket(changed);
        return Answer.ok(Views.bucket(org, changed));
    }

    private Answer delete(Request request) {
        String orgName = request.pathName("org", NameRules::org);
        String bucketId = request.pathUuid("bucket_id");
        Org org = state.requireOrg(orgName);
        Access.requireAdmin(org, request.principal(), "delete bucket configs");
        BucketConfig bucket = bucket(org, bucketId);
        long users = org.repos().liveCountOnBucket(bucketId);
        if (users > 0) {
            throw ApiError.conflict("Bucket config " + bucket.nickname() + " is in use by " + users + " repos");
        }
        org.removeBucket(bucketId);
        return Answer.noContent();
    }

    private Answer repos(Request request) {
        String bucketId = request.pathUuid("bucket_id");
        Org org = readableOrg(request);
        bucket(org, bucketId);
        List<Wire.Repo> repos = new ArrayList<>();
        for (StoredRepo repo : org.repos().ordered(false)) {
            if (bucketId.equals(repo.bucketId())) {
                repos.add(Views.repo(org, repo));
            }
        }
        return Answer.ok(repos);
    }

    private Answer setDefault(Request request) {
        String orgName = request.pathName("org", NameRules::org);
        String bucketId = request.pathUuid("bucket_id");
        Org org = state.requireOrg(orgName);
        Access.requireAdmin(org, request.principal(), "set the default bucket config");
        org.defaultBucket(bucket(org, bucketId).id());
        return Answer.noContent();
    }

    /** Read credentials for readers, write credentials for those who may write repos. */
    private Answer credentials(Request request) {
        String orgName = request.pathName("org", NameRules::org);
        String bucketId = request.pathUuid("bucket_id");
        String access = request.query("access") == null ? "read" : request.query("access");
        if (!access.equals("read") && !access.equals("write")) {
            throw ApiError.invalid(Problem.query("access", "Input should be 'read' or 'write'", "literal_error"));
        }
        Org org = state.requireOrg(orgName);
        Access.require(
                org,
                request.principal(),
                access.equals("write") ? OrgAction.CAN_WRITE_REPOS : OrgAction.CAN_READ_REPOS);
        return Answer.ok(Credentials.issue(bucket(org, bucketId), state.time().now()));
    }
}
