package dev.cameltiledb.emulator.data;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who makes a data-plane call, as the route authenticated them: the user, the namespaces they act for (their own and
 * their organizations'), and what they may do with an array. The emulator's access rules stay with its routes; the
 * engine only asks.
 */
public interface Caller {

    String username();

    /** The user's own namespace and those of the organizations they belong to. */
    Set<String> namespaces();

    /** May read the array's cells (SQL, UDF slices, JSON queries). */
    default boolean mayRead(ArrayEntry array) {
        return namespaces().contains(array.namespace());
    }

    /** May create or write arrays in the namespace (an SQL result stored at an {@code output_uri}). */
    default boolean mayWrite(String namespace) {
        return namespaces().contains(namespace);
    }

    /** A caller who acts for their own namespace and the given organizations. */
    static Caller of(String username, String... organizations) {
        Set<String> namespaces = new LinkedHashSet<>();
        namespaces.add(username);
        namespaces.addAll(List.of(organizations));
        Set<String> fixed = Set.copyOf(namespaces);
        return new Caller() {
            @Override
            public String username() {
                return username;
            }

            @Override
            public Set<String> namespaces() {
                return fixed;
            }
        };
    }
}
