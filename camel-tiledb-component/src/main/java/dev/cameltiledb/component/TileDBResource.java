package dev.cameltiledb.component;

import java.util.Arrays;
import java.util.Locale;

/**
 * The part of TileDB Cloud an endpoint works on: the path of {@code tiledb:<resource>}. The names are the canonical
 * ones; the singular or plural of each is accepted too ({@code tiledb:notebook}, {@code tiledb:array},
 * {@code tiledb:group}, {@code tiledb:users}), and the other ways users write a name ({@code tiledb:task_graphs}), so a
 * URI reads the way users write it.
 */
public enum TileDBResource {
    /** Consumer only: the activity log of one array, a group or every array in a namespace. */
    activity("activities"),
    /** Consumer only: the cells of each new fragment of one sparse array, by fragment timestamp. */
    cells("cell"),
    arrays("array"),
    groups("group"),
    notebooks("notebook"),
    user("users"),
    /** Workspace platform: the session's workspaces and their members. */
    workspaces("workspace"),
    /** Workspace platform: the teamspaces of a workspace and their members. */
    teamspaces("teamspace"),
    /** Workspace platform: the assets of a teamspace (arrays, groups, notebooks, files, folders) by path. */
    assets("asset"),
    /** Workspace platform: the folders of a teamspace. */
    folders("folder"),
    /** Workspace platform: the files of a teamspace, an S3-like store. */
    files("file"),
    /** Workspace platform: the storage credentials of a workspace. */
    credentials("credential"),
    /** The tasks the service ran (queries, SQL, UDFs): read, their results, and (consumer) each one as it finishes. */
    tasks("task"),
    /** SQL on TileDB Cloud: a query's rows, an Arrow stream, or a result kept as an array. */
    sql(),
    /** User-defined functions: run one (by name or from Python source, on its own or over array slices); registered UDFs. */
    udfs("udf"),
    /** Task graphs: submit one and follow (or wait for) its execution; registered task graphs. */
    taskgraphs("taskgraph", "task_graphs", "task_graph");

    private final java.util.List<String> aliases;

    TileDBResource(String... aliases) {
        this.aliases = java.util.List.of(aliases);
    }

    /**
     * The operation an endpoint without one runs: {@code exec} for {@code tiledb:sql} and {@code tiledb:udfs}, which
     * exist to run something; none for the others, whose operations are all alike.
     */
    public TileDBOperation defaultOperation() {
        return switch (this) {
            case sql, udfs -> TileDBOperation.exec;
            default -> null;
        };
    }

    /** Every name a URI may give: each canonical name and its aliases (what the descriptor's enum must list too). */
    static java.util.List<String> spellings() {
        return Arrays.stream(values())
                .flatMap(r -> java.util.stream.Stream.concat(java.util.stream.Stream.of(r.name()), r.aliases.stream()))
                .toList();
    }

    /** The resource named by its canonical name or its alias, in any case. */
    static TileDBResource parse(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (TileDBResource resource : values()) {
            if (resource.name().equals(wanted) || resource.aliases.contains(wanted)) {
                return resource;
            }
        }
        throw new IllegalArgumentException("Unknown TileDB resource '" + name + "' in tiledb:" + name + "; use one of "
                + Arrays.toString(values()) + " (or the singular/plural of each)");
    }
}
