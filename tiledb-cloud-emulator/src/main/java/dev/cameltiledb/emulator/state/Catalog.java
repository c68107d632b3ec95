package dev.cameltiledb.emulator.state;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cameltiledb.emulator.http.ApiFailure;

/**
 * What the service holds: arrays (notebooks and files among them), groups, and the folders and files of teamspaces,
 * with their indexes (by id, by {@code namespace/name}), so lookups stay constant-time with 100,000 arrays. In a
 * teamspace, arrays, groups, folders and files share one tree: a path holds one of them, and the folders on a new
 * asset's path are made when missing. Every lookup in a write transaction marks what it found as touched (the route
 * changes the fields of what it looked up); every change goes through {@link Changes}.
 */
public final class Catalog {

    private final Map<String, StoredArray> arraysById = new LinkedHashMap<>();
    /** "namespace/name" → array. */
    private final Map<String, StoredArray> arraysByName = new HashMap<>();

    private final Map<String, StoredGroup> groupsById = new LinkedHashMap<>();
    /** Folders and files of teamspaces, by id, and by "namespace/path". */
    private final Map<String, StoredAsset> itemsById = new LinkedHashMap<>();

    private final Map<String, StoredAsset> itemsByPath = new HashMap<>();
    private final Workspaces workspaces;
    private final Changes changes;
    private final Clock clock;

    Catalog(Workspaces workspaces, Changes changes, Clock clock) {
        this.workspaces = workspaces;
        this.changes = changes;
        this.clock = clock;
    }

    public Collection<StoredArray> arrays() {
        return arraysById.values();
    }

    public Collection<StoredGroup> groups() {
        return groupsById.values();
    }

    /** Folders and files of teamspaces. */
    public Collection<StoredAsset> items() {
        return itemsById.values();
    }

    // ---- arrays

    /** The array of that name, id or storage URI in the namespace, or null. */
    public StoredArray find(String namespace, String nameOrIdOrUri) {
        return changes.touched(lookUp(namespace, nameOrIdOrUri));
    }

    private StoredArray lookUp(String namespace, String nameOrIdOrUri) {
        StoredArray byName = arraysByName.get(namespace + "/" + nameOrIdOrUri);
        if (byName != null) {
            return byName;
        }
        StoredArray byId = arraysById.get(nameOrIdOrUri);
        if (byId != null && byId.namespace.equals(namespace)) {
            return byId;
        }
        if (!nameOrIdOrUri.contains("://")) {
            return null;
        }
        return arraysById.values().stream()
                .filter(a -> a.namespace.equals(namespace) && nameOrIdOrUri.equals(a.uri))
                .findFirst()
                .orElse(null);
    }

    /** An array by id, or null. */
    public StoredArray array(String id) {
        return changes.touched(arraysById.get(id));
    }

    /** Adds an array (a new id unless it has one, created now unless it says when); a 409 when the name is taken. */
    public StoredArray add(StoredArray array) {
        if (arraysByName.containsKey(array.namespace + "/" + array.name)) {
            throw ApiFailure.conflict("array " + array.namespace + "/" + array.name + " already exists");
        }
        if (array.id == null) {
            array.id = UUID.randomUUID().toString();
        }
        requirePathFree(array.namespace, array.name);
        if (array.createdAt == null) {
            array.createdAt = now();
        }
        changes.added(array);
        arraysById.put(array.id, array);
        arraysByName.put(array.namespace + "/" + array.name, array);
        added(array);
        return array;
    }

    public void remove(StoredArray array) {
        changes.removed(array);
        arraysById.remove(array.id);
        arraysByName.remove(array.namespace + "/" + array.name);
        forget(array);
    }

    /** Gives an array a new name, keeping the name index right. */
    public void rename(StoredArray array, String newName) {
        moveArray(array, array.namespace, newName);
    }

    /** Gives an array a new namespace and name (a teamspace rename, a move between folders). */
    public void moveArray(StoredArray array, String namespace, String name) {
        changes.changed(array, "moving array " + array.namespace + "/" + array.name);
        arraysByName.remove(array.namespace + "/" + array.name);
        array.namespace = namespace;
        array.name = name;
        arraysByName.put(array.namespace + "/" + array.name, array);
    }

    // ---- groups

    /** A group by id, or null. */
    public StoredGroup group(String id) {
        return changes.touched(groupsById.get(id));
    }

    /** The group of that name or id in the namespace, or null. */
    public StoredGroup findGroup(String namespace, String nameOrId) {
        StoredGroup byId = groupsById.get(nameOrId);
        if (byId != null && byId.namespace.equals(namespace)) {
            return changes.touched(byId);
        }
        return changes.touched(groupsById.values().stream()
                .filter(g -> g.namespace.equals(namespace) && g.name.equals(nameOrId))
                .findFirst()
                .orElse(null));
    }

    public StoredGroup addGroup(StoredGroup group) {
        if (findGroup(group.namespace, group.name) != null) {
            throw ApiFailure.conflict("group " + group.namespace + "/" + group.name + " already exists");
        }
        requirePathFree(group.namespace, group.name);
        group.id = group.id != null ? group.id : UUID.randomUUID().toString();
        group.createdAt = group.createdAt != null ? group.createdAt : now();
        changes.added(group);
        groupsById.put(group.id, group);
        added(group);
        return group;
    }

    public void removeGroup(StoredGroup group) {
        changes.removed(group);
        groupsById.remove(group.id);
        forget(group);
    }

    // ---- folders and files of teamspaces

    /** A folder or file by id, in the namespace; null when there is none. */
    public StoredAsset itemById(String namespace, String id) {
        StoredAsset item = itemsById.get(id);
        return item != null && item.namespace.equals(namespace) ? changes.touched(item) : null;
    }

    /** The folder or file at a path of a teamspace, or null. */
    public StoredAsset itemAt(String namespace, String path) {
        return changes.touched(itemsByPath.get(namespace + "/" + path));
    }

    public <T extends StoredAsset> T addItem(T item) {
        requirePathFree(item.namespace, item.name);
        item.id = item.id != null ? item.id : UUID.randomUUID().toString();
        item.createdAt = item.createdAt != null ? item.createdAt : now();
        changes.added(item);
        itemsById.put(item.id, item);
        itemsByPath.put(item.namespace + "/" + item.name, item);
        added(item);
        return item;
    }

    public void moveItem(StoredAsset item, String namespace, String path) {
        changes.changed(item, "moving " + item.kind() + " " + item.namespace + "/" + item.name);
        itemsByPath.remove(item.namespace + "/" + item.name);
        item.namespace = namespace;
        item.name = path;
        itemsByPath.put(item.namespace + "/" + item.name, item);
    }

    public void removeItem(StoredAsset item) {
        changes.removed(item);
        itemsById.remove(item.id);
        itemsByPath.remove(item.namespace + "/" + item.name);
        forget(item);
    }

    // ---- any asset

    /** Whatever asset (array, group, folder or file) is at the path of the namespace, or null. */
    public StoredAsset assetAt(String namespace, String path) {
        StoredAsset found = arraysByName.get(namespace + "/" + path);
        if (found == null) {
            found = itemsByPath.get(namespace + "/" + path);
        }
        if (found == null) {
            found = groupsById.values().stream()
                    .filter(g -> g.namespace.equals(namespace) && g.name.equals(path))
                    .findFirst()
                    .orElse(null);
        }
        return changes.touched(found);
    }

    /** Whatever asset has the id in the namespace, or null. */
    public StoredAsset assetById(String namespace, String id) {
        StoredAsset found = arraysById.get(id);
        if (found == null) {
            found = groupsById.get(id);
        }
        if (found == null) {
            found = itemsById.get(id);
        }
        return found != null && found.namespace.equals(namespace) ? changes.touched(found) : null;
    }

    /** Moves an asset of any kind to another path of its namespace, keeping the indexes right. */
    public void movePath(StoredAsset asset, String path) {
        if (asset instanceof StoredArray array) {
            moveArray(array, array.namespace, path);
        } else if (asset instanceof StoredGroup) {
            changes.changed(asset, "moving group " + asset.namespace + "/" + asset.name).name = path;
        } else {
            moveItem(asset, asset.namespace, path);
        }
    }

    /** Removes an asset of any kind. */
    public void removeAny(StoredAsset asset) {
        if (asset instanceof StoredArray array) {
            remove(array);
        } else if (asset instanceof StoredGroup group) {
            removeGroup(group);
        } else {
            removeItem(asset);
        }
    }

    /**
     * Every asset of namespace {@code from} moves to {@code to}: a workspace or teamspace rename. Sharing with the
     * old name follows too, so that an array shared with a renamed teamspace stays shared with it.
     */
    public void renameNamespace(String from, String to) {
        for (StoredArray array : List.copyOf(arraysById.values())) {
            if (array.namespace.equals(from)) {
                moveArray(array, to, array.name);
            }
            if (array.sharing.containsKey(from)) {
                changes.changed(array, "renaming a share").sharing.put(to, array.sharing.remove(from));
            }
        }
        for (StoredGroup group : groupsById.values()) {
            if (group.namespace.equals(from)) {
                changes.changed(group, "renaming a teamspace").namespace = to;
            }
            if (group.sharing.containsKey(from)) {
                changes.changed(group, "renaming a share").sharing.put(to, group.sharing.remove(from));
            }
        }
        for (StoredAsset item : List.copyOf(itemsById.values())) {
            if (item.namespace.equals(from)) {
                moveItem(item, to, item.name);
            }
        }
    }

    /**
     * Marks an asset as changed now, and with it the teamspace and folder it sits in, so that a consumer polling the
     * v4 listings sees the change in their {@code updated_at}.
     */
    public void changed(StoredAsset asset) {
        Instant now = now();
        changes.changed(asset, "changing " + asset.kind() + " " + asset.namespace + "/" + asset.name).updatedAt = now;
        containerChanged(asset.namespace, asset.name, now);
    }

    /** The teamspace (if {@code namespace} is one) and the folder holding {@code path} changed at {@code now}. */
    private void containerChanged(String namespace, String path, Instant now) {
        StoredTeamspace teamspace = workspaces.teamspace(namespace);
        if (teamspace == null) {
            return;
        }
        teamspace.updatedAt = now;
        changes.accountsChanged();
        int slash = path.lastIndexOf('/');
        if (slash > 0) {
            StoredAsset folder = itemsByPath.get(namespace + "/" + path.substring(0, slash));
            if (folder != null) {
                changes.changed(folder, "changing a folder").updatedAt = now;
            }
        }
    }

    /**
     * A new asset: its teamspace and folder changed. In a teamspace the folders on its path are created when missing
     * (as {@code mkdir -p} would), so a seed or a v1 create of {@code folder/sales} needs no folder made first.
     */
    private void added(StoredAsset asset) {
        int slash = asset.name.lastIndexOf('/');
        if (slash > 0 && workspaces.teamspace(asset.namespace) != null) {
            String parent = asset.name.substring(0, slash);
            StoredAsset existing = itemsByPath.get(asset.namespace + "/" + parent);
            if (existing == null) {
                StoredFolder folder = new StoredFolder();
                folder.namespace = asset.namespace;
                folder.name = parent;
                folder.createdBy = asset.createdBy;
                folder.createdAt = asset.createdAt;
                addItem(folder);
            } else if (!(existing instanceof StoredFolder)) {
                throw ApiFailure.conflict(asset.namespace + "/" + parent + " is a file, not a folder");
            }
        }
        containerChanged(asset.namespace, asset.name, asset.createdAt != null ? asset.createdAt : now());
    }

    /** In a teamspace, arrays, groups, folders and files share one tree: a path holds one of them. */
    private void requirePathFree(String namespace, String path) {
        if (workspaces.teamspace(namespace) != null && assetAt(namespace, path) != null) {
            throw ApiFailure.conflict(namespace + "/" + path + " already exists");
        }
    }

    /** After a removal: its container changed, and groups that held it lose it. */
    private void forget(StoredAsset removed) {
        containerChanged(removed.namespace, removed.name, now());
        groupsById.values().forEach(g -> {
            if (g.members.removeIf(m -> m.id().equals(removed.id))) {
                changes.changed(g, "removing a member");
            }
        });
    }

    private Instant now() {
        return clock.instant();
    }

    // ---- loading

    /** Puts a saved asset in place, its indexes with it; nothing is marked changed. */
    void put(StoredAsset asset) {
        if (asset instanceof StoredArray array) {
            arraysById.put(array.id, array);
            arraysByName.put(array.namespace + "/" + array.name, array);
        } else if (asset instanceof StoredGroup group) {
            groupsById.put(group.id, group);
        } else {
            itemsById.put(asset.id, asset);
            itemsByPath.put(asset.namespace + "/" + asset.name, asset);
        }
    }
}
