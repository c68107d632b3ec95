package dev.cameltiledb.arraylake.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything the emulator holds: users, orgs (with their members, API clients, bucket configs and repos) and tokens.
 * Not thread-safe by itself: the dispatcher and the emulator's inspection methods hold this object's monitor, so one
 * request sees and leaves a consistent state.
 */
final class ArraylakeState {

    /** How long an API client's token lives when nobody says otherwise. */
    static final Duration SERVICE_TOKEN_LIFETIME = Duration.ofDays(365);

    private static final Map<String, Object> NO_OPTIMIZATION;

    static {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("window", null);
        config.put("gc_config", null);
        config.put("expiration_config", null);
        NO_OPTIMIZATION = Collections.unmodifiableMap(config);
    }

    private final Timestamps time;
    private final Ids ids = new Ids();
    private final TokenRegistry tokens = new TokenRegistry();
    private final Map<String, UserAccount> users = new LinkedHashMap<>();
    private final Map<String, Org> orgs = new TreeMap<>();
    private final List<RepoDeletion> deletions = new ArrayList<>();
    private long repoSequence;

    ArraylakeState(Clock clock) {
        this.time = new Timestamps(clock);
    }

    Timestamps time() {
        return time;
    }

    TokenRegistry tokens() {
        return tokens;
    }

    Map<String, UserAccount> users() {
        return users;
    }

    Org addOrg(String name, String description) {
        NameRules.org(name).ifPresent(msg -> {
            throw new IllegalArgumentException(msg);
        });
        if (orgs.containsKey(name)) {
            throw new IllegalArgumentException("org " + name + " is declared twice");
        }
        Org org = new Org(Ids.uuid(), name, description);
        orgs.put(name, org);
        return org;
    }

    UserAccount addUser(String email, String firstName, String familyName, String idToken, String refreshToken) {
        if (users.containsKey(email)) {
            throw new IllegalArgumentException("user " + email + " is declared twice");
        }
        UserAccount user = new UserAccount(Ids.uuid(), email, firstName, familyName);
        users.put(email, user);
        tokens.issue(user, idToken, refreshToken, time.now());
        return user;
    }

    void addMember(String orgName, String email, String role) {
        if (!users.containsKey(email)) {
            throw new IllegalArgumentException("member " + email + " of " + orgName + " is not a declared user");
        }
        setupOrg(orgName).member(email, Role.parse(role));
    }

    ServiceAccount addServiceAccount(String orgName, String email, String token, String role) {
        Org org = setupOrg(orgName);
        Instant now = time.now();
        String secret = token != null ? token : Ids.serviceToken();
        if (!secret.startsWith("ema_")) {
            throw new IllegalArgumentException("a service account token starts with ema_ (" + email + ")");
        }
        ServiceAccount account = new ServiceAccount(
                Ids.uuid(), orgName, email, secret, Role.parse(role), now, now.plus(SERVICE_TOKEN_LIFETIME));
        tokens.registerService(account);
        org.serviceAccount(account);
        return account;
    }

    /** An org named in a builder or seed entry; a name not declared first is a setup mistake. */
    private Org setupOrg(String name) {
        return org(name).orElseThrow(() -> new IllegalArgumentException("org " + name + " is not declared"));
    }

    List<Org> orgs() {
        return List.copyOf(orgs.values());
    }

    Optional<Org> org(String name) {
        return Optional.ofNullable(orgs.get(name));
    }

    /** The org, or a 404 naming it. */
    Org requireOrg(String name) {
        return org(name).orElseThrow(() -> ApiError.notFound("Org " + name + " not found"));
    }

    /** The orgs a principal belongs to, by name. */
    List<Org> orgsOf(Principal principal) {
        List<Org> mine = new ArrayList<>();
        for (Org org : orgs.values()) {
            if (org.roleOf(principal).isPresent()) {
                mine.add(org);
            }
        }
        return mine;
    }

    /** Stores a bucket config already checked against the rules; a nickname in use is a 409. */
    BucketConfig addBucket(Org org, BucketChange spec, String createdBy, boolean makeDefault) {
        if (org.bucketByNickname(spec.nickname()).isPresent()) {
            throw ApiError.conflict(
                    "Bucket config with nickname " + spec.nickname() + " already exists in org " + org.name());
        }
        Instant now = time.now();
        BucketConfig bucket = new BucketConfig(
                Ids.uuid(),
                spec.nickname(),
                spec.platform(),
                spec.name(),
                spec.prefix() == null ? "" : spec.prefix(),
                spec.extraConfig() == null ? Map.of() : spec.extraConfig(),
                spec.authConfig() == null ? Map.of("method", "anonymous") : spec.authConfig(),
                now,
                now,
                createdBy);
        org.putBucket(bucket);
        if (makeDefault) {
            org.defaultBucket(bucket.id());
        }
        return bucket;
    }

    /**
     * Creates a live repo: a name in use by a live repo is a 409, an unknown bucket nickname a 404, no nickname and no
     * default bucket a 422, a prefix already used in the bucket a 409. Without a prefix the repo's id is its prefix,
     * as the Python client documents.
     */
    StoredRepo createRepo(Org org, RepoSpec spec, String principalId) {
        String fullName = org.name() + "/" + spec.name();
        if (org.repos().live(spec.name()).isPresent()) {
            throw ApiError.conflict("Repo " + fullName + " already exists");
        }
        BucketConfig bucket = spec.bucketNickname() != null
                ? org.bucketByNickname(spec.bucketNickname())
                        .orElseThrow(() -> ApiError.notFound(
                                "Bucket config " + spec.bucketNickname() + " not found in org " + org.name()))
                : org.defaultBucket()
                        .orElseThrow(() -> ApiError.unprocessable("Org " + org.name()
                                + " has no default bucket config: give bucket_nickname or set a default"));
        Instant now = time.now();
        String id = ids.objectId(now.getEpochSecond());
        String prefix = spec.prefix() == null || spec.prefix().isEmpty() ? id : spec.prefix();
        org.repos().holderOfPrefix(bucket.id(), prefix).ifPresent(holder -> {
            throw ApiError.conflict(
                    "Prefix " + prefix + " of bucket config " + bucket.nickname() + " is already used by "
                            + (holder.ghost() ? "deleted repo " : "repo ") + holder.org() + "/" + holder.name());
        });
        StoredRepo repo = new StoredRepo(
                id,
                org.name(),
                spec.name(),
                ++repoSequence,
                now,
                now,
                spec.description(),
                spec.metadata(),
                principalId,
                bucket.id(),
                new RepoStatus(RepoStatus.ONLINE, null, principalId),
                spec.kind() == null ? "icechunk" : spec.kind(),
                prefix,
                NO_OPTIMIZATION,
                false,
                false);
        org.repos().add(repo);
        return repo;
    }

    /**
     * Enables a compute service with a checked {@code ServiceConfig}: named after its deployment name, or its service
     * type; a name in use in the org is a 409.
     */
    ComputeService enableService(Org org, Map<String, Object> config) {
        String name =
                config.get("deployment_name") instanceof String given ? given : (String) config.get("service_type");
        if (org.service(name).isPresent()) {
            throw ApiError.conflict("Service " + name + " already exists in org " + org.name());
        }
        ComputeService service = new ComputeService(name, config, time.now());
        org.putService(service);
        return service;
    }

    /** The org's service of that name, or a 404 naming it. */
    ComputeService requireService(Org org, String name) {
        return org.service(name)
                .orElseThrow(() -> ApiError.notFound("Service " + name + " not found in org " + org.name()));
    }

    /** Disables a service: it is gone, and whoever follows its log sees the log end. */
    void disableService(Org org, ComputeService service) {
        org.removeService(service.name());
        service.log().close();
    }

    /** Ends every follower of every service's log (the server stops); the logs stay. */
    void endLogFollowers() {
        for (Org org : orgs.values()) {
            org.services().forEach(s -> s.log().endFollowers());
        }
    }

    /** The live repo, or a 404 naming it (ghosts are not found). */
    StoredRepo requireRepo(Org org, String name) {
        return org.repos()
                .live(name)
                .orElseThrow(() -> ApiError.notFound("Repo " + org.name() + "/" + name + " not found"));
    }

    /** Soft delete into a ghost, or removal when {@code immediate}. */
    void deleteRepo(Org org, StoredRepo repo, String principalId, boolean immediate, boolean retainData) {
        deletions.add(new RepoDeletion(org.name(), repo.name(), repo.id(), immediate, retainData, principalId));
        if (immediate) {
            org.repos().remove(repo);
        } else {
            org.repos().replace(repo.asGhost(principalId, retainData, time.after(repo.updated())));
        }
    }

    List<RepoDeletion> deletions() {
        return List.copyOf(deletions);
    }
}
