package dev.cameltiledb.emulator.workspace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.cameltiledb.emulator.http.ApiFailure;
import dev.cameltiledb.emulator.state.EmulatorState;
import dev.cameltiledb.emulator.state.StoredArray;
import dev.cameltiledb.emulator.state.StoredAsset;
import dev.cameltiledb.emulator.state.StoredFile;
import dev.cameltiledb.emulator.state.StoredFolder;
import dev.cameltiledb.emulator.state.StoredGroup;

/**
 * The tree of a teamspace: arrays, groups, folders and files whose {@code name} is their path in the teamspace
 * ({@code folder/sales}). Paths are normalized here: no leading or trailing {@code /}, and the root is the empty
 * path, which requests write as {@code .} (or an encoded {@code /}), since a path segment cannot be empty. Moving or
 * renaming a folder moves what it holds; removing one removes what it holds. Call under the state lock.
 */
public final class TeamspaceAssets {

    /** The asset types a group's type maps to; other group types are plain {@code group}s. */
    private static final Set<String> GROUP_ASSET_TYPES =
            Set.of("vcf", "soma", "pointcloud", "bioimg", "geometry", "raster", "vector_search");
    /** The asset types an array's file type maps to. */
    private static final Set<String> ARRAY_ASSET_TYPES =
            Set.of("notebook", "dashboard", "user_defined_function", "ml_model", "file", "registered_task_graph");

    private final EmulatorState state;
    private final PlatformAccess access;
    /** Called with a file asset that is removed, so its bytes go too. */
    private final Consumer<StoredFile> fileRemoved;

    TeamspaceAssets(EmulatorState state, PlatformAccess access, Consumer<StoredFile> fileRemoved) {
        this.state = state;
        this.access = access;
        this.fileRemoved = fileRemoved;
    }

    /** {@code .}, {@code /}, {@code ./a/} and {@code a} as the root and {@code a}. */
    public static String normalize(String path) {
        String p = path.strip();
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        if (p.equals(".")) {
            return "";
        }
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.contains("//") || Stream.of(p.split("/")).anyMatch(s -> s.equals(".") || s.equals(".."))) {
            throw ApiFailure.badRequest("path '" + path + "' is not a plain path");
        }
        return p;
    }

    static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static String join(String folder, String name) {
        return folder.isEmpty() ? name : folder + "/" + name;
    }

    /** Every asset of the namespace, of every kind. */
    Stream<StoredAsset> all(String namespace) {
        return Stream.of(
                        state.catalog().arrays(),
                        state.catalog().groups(),
                        state.catalog().items())
                .flatMap(c -> c.stream().map(a -> (StoredAsset) a))
                .filter(a -> a.namespace.equals(namespace));
    }

    /** The assets directly inside a folder (the empty path: the root). */
    List<StoredAsset> children(String namespace, String folder) {
        return all(namespace).filter(a -> parentOf(a.name).equals(folder)).toList();
    }

    /** The assets anywhere under a folder, the folder excluded. */
    List<StoredAsset> descendants(String namespace, String folder) {
        String prefix = folder + "/";
        return all(namespace).filter(a -> a.name.startsWith(prefix)).toList();
    }

    /** An asset by id or path, or a 404. */
    StoredAsset find(String namespace, String idOrPath) {
        StoredAsset byId = state.catalog().assetById(namespace, idOrPath);
        if (byId != null) {
            return byId;
        }
        String path = normalize(idOrPath);
        StoredAsset byPath = path.isEmpty() ? null : state.catalog().assetAt(namespace, path);
        if (byPath == null) {
            throw ApiFailure.notFound("asset " + idOrPath + " does not exist in " + namespace);
        }
        return byPath;
    }

    /** A folder by id or path ({@code .} is the root, answered as the empty path), or a 404. */
    String folderPath(String namespace, String idOrPath) {
        StoredAsset byId = state.catalog().assetById(namespace, idOrPath);
        if (byId instanceof StoredFolder folder) {
            return folder.name;
        }
        String path = normalize(idOrPath);
        if (!path.isEmpty() && !(state.catalog().assetAt(namespace, path) instanceof StoredFolder)) {
            throw ApiFailure.notFound("folder " + idOrPath + " does not exist in " + namespace);
        }
        return path;
    }

    StoredFolder folder(String namespace, String idOrPath) {
        StoredAsset asset = find(namespace, idOrPath);
        if (!(asset instanceof StoredFolder folder)) {
            throw ApiFailure.notFound("folder " + idOrPath + " does not exist in " + namespace);
        }
        return folder;
    }

    /**
     * Moves an asset to a new path; a folder takes what it holds along. The new path must be free, its folder must
     * exist, and a folder cannot move into itself.
     */
    void move(StoredAsset asset, String newPath) {
        if (newPath.equals(asset.name)) {
            return;
        }
        if (asset instanceof StoredFolder && (newPath + "/").startsWith(asset.name + "/")) {
            throw ApiFailure.badRequest("folder " + asset.name + " cannot move into itself");
        }
        if (state.catalog().assetAt(asset.namespace, newPath) != null) {
            throw ApiFailure.conflict(asset.namespace + "/" + newPath + " already exists");
        }
        String parent = parentOf(newPath);
        if (!parent.isEmpty() && !(state.catalog().assetAt(asset.namespace, parent) instanceof StoredFolder)) {
            throw ApiFailure.notFound("folder " + parent + " does not exist in " + asset.namespace);
        }
        String oldPath = asset.name;
        List<StoredAsset> inside = asset instanceof StoredFolder ? descendants(asset.namespace, oldPath) : List.of();
        state.catalog().changed(asset); // the folder it leaves
        state.catalog().movePath(asset, newPath);
        for (StoredAsset a : inside) {
            state.catalog().movePath(a, newPath + a.name.substring(oldPath.length()));
        }
        state.catalog().changed(asset); // and the folder it enters
    }

    /** Removes an asset and, for a folder, everything in it. */
    void remove(StoredAsset asset) {
        List<StoredAsset> inside =
                asset instanceof StoredFolder ? descendants(asset.namespace, asset.name) : new ArrayList<>();
        inside.forEach(this::removeOne);
        removeOne(asset);
    }

    /** Removes every asset of a teamspace. */
    void removeAll(String namespace) {
        all(namespace).toList().forEach(this::removeOne);
    }

    private void removeOne(StoredAsset asset) {
        state.catalog().removeAny(asset);
        if (asset instanceof StoredFile file) {
            fileRemoved.accept(file);
        }
    }

    /** The v4 asset type: a notebook is an array with that file type; a SOMA experiment a group with that type. */
    static String type(StoredAsset asset) {
        if (asset instanceof StoredArray array) {
            return array.fileType != null && ARRAY_ASSET_TYPES.contains(array.fileType) ? array.fileType : "array";
        }
        if (asset instanceof StoredGroup group) {
            return GROUP_ASSET_TYPES.contains(group.groupType) ? group.groupType : "group";
        }
        return asset.kind();
    }

    /** Renders the assets of one teamspace for one answer; counts a folder's contents once per answer. */
    Renderer renderer(PlatformAccess.Space space) {
        return new Renderer(space);
    }

    final class Renderer {

        private final PlatformAccess.Space space;
        private Map<String, Long> folderLengths;

        private Renderer(PlatformAccess.Space space) {
            this.space = space;
        }

        PlatformAnswers.AssetInfo asset(StoredAsset a, boolean withMetadata) {
            String namespace = space.namespace();
            return new PlatformAnswers.AssetInfo(
                    a.id,
                    space.workspace().id,
                    space.teamspace().id,
                    lastSegment(a.name),
                    a.description,
                    a.kind(),
                    type(a),
                    a.name,
                    a.createdAt,
                    a.changedAt(),
                    access.creator(space.workspace(), a.createdBy),
                    withMetadata ? metadata(a) : List.of(),
                    a.uri != null ? a.uri : "s3://tiledb-emulator/" + namespace + "/" + a.name,
                    "tiledb://" + namespace + "/" + a.name,
                    a instanceof StoredFile f ? new PlatformAnswers.Size(f.size) : null,
                    a instanceof StoredArray array
                            ? new PlatformAnswers.Size(array.size == null ? 0 : array.size)
                            : null,
                    a instanceof StoredGroup g ? new PlatformAnswers.Length(g.members.size()) : null,
                    a instanceof StoredFolder ? new PlatformAnswers.Length(folderLength(a.name)) : null);
        }

        PlatformAnswers.FolderInfo folder(StoredFolder f) {
            String parent = parentOf(f.name);
            StoredAsset parentFolder = parent.isEmpty() ? null : state.catalog().assetAt(f.namespace, parent);
            return new PlatformAnswers.FolderInfo(
                    f.id,
                    space.workspace().id,
                    space.teamspace().id,
                    f.id,
                    parentFolder == null ? null : parentFolder.id,
                    lastSegment(f.name),
                    f.createdAt,
                    f.changedAt(),
                    access.creator(space.workspace(), f.createdBy),
                    f.description);
        }

        private long folderLength(String path) {
            if (folderLengths == null) {
                folderLengths = new HashMap<>();
                all(space.namespace()).forEach(a -> folderLengths.merge(parentOf(a.name), 1L, Long::sum));
            }
            return folderLengths.getOrDefault(path, 0L);
        }
    }

    static List<PlatformAnswers.MetadataEntry> metadata(StoredAsset a) {
        List<PlatformAnswers.MetadataEntry> entries = new ArrayList<>();
        a.metadata.forEach((key, value) -> entries.add(new PlatformAnswers.MetadataEntry(
                key, String.valueOf(value), a.metadataTypes.getOrDefault(key, metadataType(value)))));
        return entries;
    }

    /** The TileDB type of a metadata value that was stored without one (seeded, or written through v1). */
    private static String metadataType(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return "INT64";
        }
        if (value instanceof Number) {
            return "FLOAT64";
        }
        if (value instanceof Boolean) {
            return "BOOL";
        }
        return "STRING_UTF8";
    }
}
