package dev.cameltiledb.client;

import java.util.List;
import java.util.Objects;

/**
 * The address of one asset (an array, a group, a notebook) in either of TileDB's two forms:
 *
 * <ul>
 *   <li>classic, {@code tiledb://namespace/name}: a namespace (user or organization) and the asset's name, UUID or
 *       storage URI; in {@code tiledb://acme/s3://bucket/sales} the name is {@code s3://bucket/sales};
 *   <li>workspace ({@code tiledb.client}, TileDB-Server 3.x), {@code tiledb://workspace/teamspace/path/to/asset}:
 *       here {@link #namespace()} is the workspace, {@link #teamspace()} the teamspace and {@link #name()} the path
 *       inside it.
 * </ul>
 *
 * A URI of three or more segments whose name part is not a storage URI is a workspace address. The REST paths of an
 * asset are its {@link #segments()}: {@code /namespace/name} or {@code /workspace/teamspace/path}.
 *
 * @param namespace the classic namespace, or the workspace
 * @param teamspace the teamspace of a workspace address; null for a classic one
 * @param name the classic name (or UUID, or storage URI), or the path inside the teamspace
 */
public record AssetRef(String namespace, String teamspace, String name) implements Address {

    public static final String SCHEME = "tiledb://";

    private static final String EXPECTED =
            "expected tiledb://<namespace>/<name> or" + " tiledb://<workspace>/<teamspace>/<path>";

    public AssetRef {
        requireText(namespace, teamspace == null ? "namespace" : "workspace");
        if (teamspace != null) {
            requireText(teamspace, "teamspace");
        }
        requireText(name, teamspace == null ? "name" : "path");
    }

    /**
     * The asset {@code name} in a namespace written as option values and listings write it: {@code acme} (classic)
     * or {@code acme/research} (a workspace's teamspace).
     */
    public AssetRef(String namespace, String name) {
        this(NamespaceRef.parse(namespace), name);
    }

    private AssetRef(NamespaceRef namespace, String name) {
        this(namespace.namespace(), namespace.teamspace(), name);
    }

    /** A workspace address. */
    public static AssetRef inWorkspace(String workspace, String teamspace, String path) {
        requireText(teamspace, "teamspace");
        return new AssetRef(workspace, teamspace, path);
    }

    public static AssetRef parse(String uri) {
        Objects.requireNonNull(uri, "uri");
        if (!uri.startsWith(SCHEME)) {
            throw new TileDBConfigurationException("Not a TileDB URI: '" + uri + "'; " + EXPECTED);
        }
        String rest = uri.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            throw new TileDBConfigurationException("Not a TileDB URI: '" + uri + "'; " + EXPECTED);
        }
        String namespace = rest.substring(0, slash);
        String tail = rest.substring(slash + 1);
        int second = tail.indexOf('/');
        if (second < 0 || tail.contains("://")) {
            return new AssetRef(namespace, tail);
        }
        String teamspace = tail.substring(0, second);
        String path = tail.substring(second + 1);
        if (teamspace.isEmpty()
                || path.isEmpty()
                || path.startsWith("/")
                || path.endsWith("/")
                || path.contains("//")) {
            throw new TileDBConfigurationException("Not a TileDB URI: '" + uri + "'; " + EXPECTED);
        }
        if (List.of(path.split("/")).contains("..")) {
            // a path that climbs out of where it points names nothing a teamspace holds
            throw new TileDBConfigurationException(
                    "Not a TileDB URI: '" + uri + "' (its path has a '..' segment); " + EXPECTED);
        }
        return new AssetRef(namespace, teamspace, path);
    }

    /** Whether this is a workspace address ({@code tiledb://workspace/teamspace/path}). */
    @Override
    public boolean isWorkspace() {
        return teamspace != null;
    }

    /** The path segments the REST API names this asset by; a workspace path is one segment, encoded as such. */
    @Override
    public List<String> segments() {
        return isWorkspace() ? List.of(namespace, teamspace, name) : List.of(namespace, name);
    }

    /** Where the asset lives: its namespace, or its workspace and teamspace. */
    public NamespaceRef home() {
        return new NamespaceRef(namespace, teamspace);
    }

    /** Another asset in the same namespace or teamspace. */
    public AssetRef withName(String otherName) {
        return new AssetRef(namespace, teamspace, otherName);
    }

    @Override
    public String describe() {
        return toUri();
    }

    public String toUri() {
        // one concatenation, no list of segments: every message and every event carries this URI
        return isWorkspace() ? SCHEME + namespace + '/' + teamspace + '/' + name : SCHEME + namespace + '/' + name;
    }

    static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new TileDBConfigurationException("The " + what + " must not be empty");
        }
    }

    @Override
    public String toString() {
        return toUri();
    }
}
