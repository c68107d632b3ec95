package dev.cameltiledb.emulator.state;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.cameltiledb.emulator.StorageLocation;

/**
 * Where a new asset goes when the request that makes it names no storage URI (a notebook uploaded by name, a group
 * created without {@code uri}...): as the spec's {@code AssetLocations} says, the owner's location for that kind of
 * asset, else "a suffix of the owning (user/organization) {@code default_s3_path}", the kind's name
 * ({@code <default_s3_path>/groups}, as TileDB-Cloud-Py's {@code groups.create} builds it), with the location's
 * credentials, else the default path's. A teamspace, or an owner with no settings, has none: the emulator then makes
 * up {@code s3://tiledb-emulator/<namespace>/<name>} (COMPATIBILITY.md). Call in a transaction.
 */
public final class AssetStorage {

    /** The kinds {@code AssetLocations} names. */
    public static final Set<String> KINDS =
            Set.of("arrays", "files", "groups", "ml_models", "notebooks", "task_graphs", "udfs");

    /** A storage URI and the credentials to reach it (null: none named). */
    public record Placement(String uri, String credentialsName) {}

    private AssetStorage() {}

    /** The owner's placement of a new {@code kind} asset named {@code name}, or null when it has no settings. */
    public static Placement settled(Accounts accounts, String namespace, String kind, String name) {
        StorageOwner owner = accounts.storageOwner(namespace);
        if (owner == null) {
            return null;
        }
        StorageLocation location = owner.assetLocations().get(kind);
        String folder = location != null && notBlank(location.path())
                ? location.path()
                : notBlank(owner.defaultS3Path()) ? owner.defaultS3Path().replaceAll("/+$", "") + "/" + kind : null;
        if (folder == null) {
            return null;
        }
        String credentials = location != null && notBlank(location.credentialsName())
                ? location.credentialsName()
                : owner.defaultS3PathCredentialsName();
        return new Placement(folder.replaceAll("/+$", "") + "/" + name, credentials);
    }

    /** {@link #settled}, or the emulator's made-up location (no credentials) when the owner has no settings. */
    public static Placement place(Accounts accounts, String namespace, String kind, String name) {
        Placement settled = settled(accounts, namespace, kind, name);
        return settled != null ? settled : new Placement("s3://tiledb-emulator/" + namespace + "/" + name, null);
    }

    /** The owner's {@code asset_locations} as the API answers them; null when none is set. */
    public static Map<String, Object> locations(StorageOwner owner) {
        if (owner.assetLocations().isEmpty()) {
            return null;
        }
        Map<String, Object> locations = new LinkedHashMap<>();
        owner.assetLocations().forEach((kind, location) -> locations.put(kind, location.answer()));
        return locations;
    }

    /** A seed's asset locations, checked: only the kinds the spec names. */
    public static Map<String, StorageLocation> checked(Map<String, StorageLocation> locations, String owner) {
        Map<String, StorageLocation> kept = new java.util.TreeMap<>();
        if (locations != null) {
            locations.forEach((kind, location) -> {
                if (!KINDS.contains(kind)) {
                    throw new IllegalArgumentException("assetLocations of " + owner + " names '" + kind
                            + "'; the kinds are " + new java.util.TreeSet<>(KINDS));
                }
                if (location != null) {
                    kept.put(kind, location);
                }
            });
        }
        return java.util.Collections.unmodifiableMap(kept);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
