package dev.cameltiledb.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.cameltiledb.emulator.classic.NotebookRoutes;
import dev.cameltiledb.emulator.common.Transactions;
import dev.cameltiledb.emulator.state.ActivityEvent;
import dev.cameltiledb.emulator.state.EmulatorState;
import dev.cameltiledb.emulator.state.ListedAsset;
import dev.cameltiledb.emulator.state.StoredArray;

/**
 * What tests see of and do to an emulator besides HTTP: snapshots of what it holds, seeding while it runs, activity
 * with a chosen time, removal as the service's deregister does. {@link TileDBEmulator}'s public methods of the same
 * names hand over to it; each runs in a transaction, as a request does, and what it changes is saved as a request's
 * changes are.
 */
final class EmulatorInspector {

    private final EmulatorState state;
    private final Transactions transactions;
    private final NotebookRoutes notebooks;
    private final SeedLoader seeds;

    EmulatorInspector(EmulatorState state, NotebookRoutes notebooks, SeedLoader seeds) {
        this.state = state;
        this.transactions = state.transactions();
        this.notebooks = notebooks;
        this.seeds = seeds;
    }

    /** What the emulator holds for an array right now, for tests to check effects. */
    Optional<ArraySnapshot> array(String namespace, String name) {
        return transactions.read(
                () -> Optional.ofNullable(state.catalog().find(namespace, name)).map(ArraySnapshot::of));
    }

    /** What the emulator holds for a group right now. */
    Optional<GroupSnapshot> group(String namespace, String name) {
        return transactions.read(() -> Optional.ofNullable(state.catalog().findGroup(namespace, name))
                .map(g -> new GroupSnapshot(
                        g.id,
                        g.namespace,
                        g.name,
                        g.uri,
                        g.description,
                        List.copyOf(g.tags),
                        g.members.stream()
                                .map(m -> m.type().equals("group")
                                        ? (ListedAsset) state.catalog().group(m.id())
                                        : state.catalog().array(m.id()))
                                .filter(Objects::nonNull)
                                .map(a -> "tiledb://" + a.namespace() + "/" + a.name())
                                .toList(),
                        g.sharing.entrySet().stream()
                                .collect(Collectors.toMap(
                                        Map.Entry::getKey, e -> e.getValue().groupActions())))));
    }

    /**
     * Appends an activity event with a chosen time to an array's log, as a test needs for events in the same
     * second or arriving late inside the window. The array's last access moves to {@code at} unless it is already
     * later, as the service's does when it logs an access. Returns the event's id.
     */
    String addActivity(String namespace, String array, Instant at, String action, String username) {
        return transactions.write(() -> {
            StoredArray stored = existing(namespace, array);
            ActivityEvent event = new ActivityEvent(UUID.randomUUID().toString(), at, action, username, 0, 0, null);
            stored.activity.add(event);
            if (stored.lastAccessed == null || stored.lastAccessed.isBefore(at)) {
                stored.lastAccessed = at;
            }
            return event.id();
        });
    }

    /** Deregisters an array as {@code DELETE .../deregister} does, logging the deregister event in its namespace's name. */
    void removeArray(String namespace, String name) {
        transactions.write(() -> state.activity().removeLogged(existing(namespace, name), "deregister", namespace));
    }

    /** The array (marked touched, as the write changes it), or an IllegalArgumentException naming the one asked for. */
    private StoredArray existing(String namespace, String name) {
        StoredArray stored = state.catalog().find(namespace, name);
        if (stored == null) {
            throw new IllegalArgumentException("no array " + namespace + "/" + name);
        }
        return stored;
    }

    /** Bytes the data directory's saves have written so far, for tests of what one write costs. */
    long stateBytesWritten() {
        return state.bytesWritten();
    }

    /** The newest stored version of a notebook, or empty when there is no such notebook. */
    Optional<byte[]> notebookContent(String namespace, String name) {
        return transactions.read(() -> Optional.ofNullable(state.catalog().find(namespace, name))
                .filter(a -> !a.versions.isEmpty())
                .map(notebooks::latest));
    }

    /** Every array, in no particular order. */
    List<ArraySnapshot> arrays() {
        return transactions.read(
                () -> state.catalog().arrays().stream().map(ArraySnapshot::of).toList());
    }

    /** Starts the notebook server of a namespace; an IllegalArgumentException when there is no such namespace. */
    void startNotebookServer(String namespace) {
        transactions.write(() -> {
            if (!state.accounts().namespaceExists(namespace) || EmulatorState.PUBLIC.equals(namespace)) {
                throw new IllegalArgumentException("no namespace " + namespace);
            }
            state.notebookServers().start(namespace);
        });
    }

    /** Adds arrays (and users, organizations) while running, e.g. to build a large namespace fast. */
    void seed(Seed seed) {
        transactions.write(() -> seeds.apply(seed));
    }

    /**
     * Starts the state: what the data directory holds, else the seed (everything of it written to a new data
     * directory).
     */
    void start(Seed seed) {
        transactions.write(() -> {
            if (!state.load()) {
                seeds.apply(seed);
                state.saveEverything();
            }
        });
    }
}
