package dev.cameltiledb.arraylake.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An org: who belongs with which role, its API clients, bucket configs (one of them the default) and repos. */
final class Org {

    private final String id;
    private final String name;
    private final String description;
    private final Map<String, Role> members = new LinkedHashMap<>();
    private final List<ServiceAccount> serviceAccounts = new ArrayList<>();
    /** In creation order, which is the order the service lists them in. */
    private final Map<String, BucketConfig> buckets = new LinkedHashMap<>();

    private final RepoCatalog repos = new RepoCatalog();
    /** By name, in the order they were enabled. */
    private final Map<String, ComputeService> services = new LinkedHashMap<>();

    private String defaultBucketId;

    Org(String id, String name, String description) {
        this.id = id;
        this.name = name;
        this.description = description;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    RepoCatalog repos() {
        return repos;
    }

    Optional<ComputeService> service(String name) {
        return Optional.ofNullable(services.get(name));
    }

    List<ComputeService> services() {
        return List.copyOf(services.values());
    }

    void putService(ComputeService service) {
        services.put(service.name(), service);
    }

    void removeService(String name) {
        services.remove(name);
    }

    void member(String email, Role role) {
        members.put(email, role);
    }

    /** The members' roles by email, in the order they joined. */
    Map<String, Role> members() {
        return java.util.Collections.unmodifiableMap(members);
    }

    void serviceAccount(ServiceAccount account) {
        serviceAccounts.add(account);
    }

    List<ServiceAccount> serviceAccounts() {
        return serviceAccounts;
    }

    /** The principal's role here, empty when it does not belong to the org. */
    Optional<Role> roleOf(Principal principal) {
        if (principal instanceof ServiceAccount account) {
            return account.org().equals(name) ? Optional.of(account.role()) : Optional.empty();
        }
        return Optional.ofNullable(members.get(principal.email()));
    }

    /** The role of a principal given by id (permission checks name principals by id). */
    Optional<Role> roleOfPrincipalId(String principalId, Map<String, UserAccount> users) {
        for (ServiceAccount account : serviceAccounts) {
            if (account.id().equals(principalId)) {
                return Optional.of(account.role());
            }
        }
        return users.values().stream()
                .filter(u -> u.id().equals(principalId))
                .findFirst()
                .flatMap(this::roleOf);
    }

    void putBucket(BucketConfig bucket) {
        buckets.put(bucket.id(), bucket);
        if (defaultBucketId == null) {
            // the first bucket config of an org becomes its default
            defaultBucketId = bucket.id();
        }
    }

    /** Stores a changed bucket config in its place; whether it is the default stays as it was. */
    void replaceBucket(BucketConfig bucket) {
        buckets.put(bucket.id(), bucket);
    }

    void removeBucket(String bucketId) {
        buckets.remove(bucketId);
        if (bucketId.equals(defaultBucketId)) {
            defaultBucketId = null;
        }
    }

    Optional<BucketConfig> bucket(String bucketId) {
        return Optional.ofNullable(buckets.get(bucketId));
    }

    Optional<BucketConfig> bucketByNickname(String nickname) {
        return buckets.values().stream()
                .filter(b -> b.nickname().equals(nickname))
                .findFirst();
    }

    List<BucketConfig> buckets() {
        return List.copyOf(buckets.values());
    }

    Optional<BucketConfig> defaultBucket() {
        return defaultBucketId == null ? Optional.empty() : bucket(defaultBucketId);
    }

    boolean isDefault(BucketConfig bucket) {
        return bucket.id().equals(defaultBucketId);
    }

    void defaultBucket(String bucketId) {
        defaultBucketId = bucketId;
    }
}
