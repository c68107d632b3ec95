package dev.cameltiledb.emulator.data.udf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A registered UDF as the engine keeps it: every version (each registration or update, with its end timestamp in
 * epoch ms, oldest first), the namespaces it is shared with ({@code public} for everyone) and their actions, the users
 * who made it a favorite.
 */
public record RegisteredUdf(
        String id,
        String namespace,
        String name,
        List<Version> versions,
        Map<String, List<String>> sharing,
        List<String> favoriteOf) {

    public RegisteredUdf {
        versions = List.copyOf(versions);
        sharing = Map.copyOf(sharing);
        favoriteOf = List.copyOf(favoriteOf);
    }

    /** One version: the fields of {@code UDFInfoUpdate} as they were then. */
    public record Version(long endTimestamp, UdfInfoUpdate info) {}

    public Version latest() {
        return versions.get(versions.size() - 1);
    }

    /** The version current at {@code timestamp} (ms), or null when the UDF did not exist yet. */
    public Version at(long timestamp) {
        Version found = null;
        for (Version v : versions) {
            if (v.endTimestamp() <= timestamp) {
                found = v;
            }
        }
        return found;
    }

    /** Whoever acts for one of {@code namespaces} may see it: its own, one it is shared with, or everyone's. */
    public boolean visibleTo(Set<String> namespaces) {
        return namespaces.contains(namespace)
                || sharing.containsKey("public")
                || namespaces.stream().anyMatch(sharing::containsKey);
    }

    UdfInfo info() {
        UdfInfoUpdate i = latest().info();
        return new UdfInfo(
                id,
                name,
                i.language(),
                i.type(),
                i.readme(),
                i.licenseId(),
                i.licenseText(),
                i.tags() == null ? List.of() : i.tags());
    }

    RegisteredUdf withVersion(Version v) {
        List<Version> all = new ArrayList<>(versions);
        all.add(v);
        return new RegisteredUdf(id, namespace, name, all, sharing, favoriteOf);
    }

    RegisteredUdf withSharing(String to, List<String> actions) {
        Map<String, List<String>> all = new LinkedHashMap<>(sharing);
        if (actions == null || actions.isEmpty()) {
            all.remove(to);
        } else {
            all.put(to, List.copyOf(actions));
        }
        return new RegisteredUdf(id, namespace, name, versions, all, favoriteOf);
    }

    RegisteredUdf withFavorite(String user, boolean favorite) {
        List<String> all = new ArrayList<>(favoriteOf);
        all.remove(user);
        if (favorite) {
            all.add(user);
        }
        return new RegisteredUdf(id, namespace, name, versions, sharing, all);
    }
}
