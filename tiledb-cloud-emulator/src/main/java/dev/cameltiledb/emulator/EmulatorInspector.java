package dev.cameltiledb.emulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What tests see of and do to an emulator besides HTTP: snapshots of what it holds, seeding while it runs, activity
 * with a chosen time, removal as the service's deregister does. {@link TileDBEmulator}'s public methods of the same
 * names hand over to it; every method takes the state lock.
 */
final class EmulatorInspector {

    private final EmulatorState state;
    private final NotebookRoutes notebooks;
    private final SeedLoader seeds;

    EmulatorInspector(EmulatorState state, NotebookRoutes notebooks, SeedLoader seeds) {
        this.state = state;
        this.notebooks = notebooks;
        this.seeds = seeds;
    }

    /** What the emulator holds for an array right now, for tests to check effects. */
    Optional<ArraySnapshot> array(String namespace, String name) {
        return state.locked(
                () -> Optional.ofNullable(state.find(namespace, name)).map(ArraySnapshot::of));
    }

    /** What the emulator holds for a group right now. */
    Optional<GroupSnapshot> group(String namespace, String name) {
        return state.locked(() -> Optional.ofNullable(state.findGroup(namespace, name))
                .map(g -> new GroupSnapshot(
                        g.id,
                        g.namespace,
                        g.name,
                        g.uri,
                        g.description,
                        List.copyOf(g.tags),
                        g.members.stream()
                                .map(m -> m.type().equals("group") ? state.group(m.id()) : state.array(m.id()))
                                .filter(java.util.Objects::nonNull)
                                .map(a -> "tiledb://" + a.namespace() + "/" + a.name())
                                .toList(),
                        g.sharing.entrySet().stream()
                                .collect(java.util.stream.Collectors.toMap(
                                        Map.Entry::getKey, e -> e.getValue().groupActions())))));
    }

    /**
     * Appends an activity event with a chosen time to an array's log, as a test needs for events in the same
     * second or arriving late inside the window. The array's last access moves to {@code at} unless it is already
     * later, as the service's does when it logs an access. Returns the event's id.
     */
    String addActivity(String namespace, String array, java.time.Instant at, String action, String username) {
        return state.locked(() -> {
            StoredArray stored = existing(namespace, array);
            ActivityEvent event =
                    new ActivityEvent(java.util.UUID.randomUUID().toString(), at, action, username, 0, 0, null);
            stored.activity.add(event);
            if (stored.lastAccessed == null || stored.lastAccessed.isBefore(at)) {
                stored.lastAccessed = at;
            }
            state.save();
            return event.id();
        });
    }

    /** Deregisters an array as {@code DELETE .../deregister} does, logging the deregister event in its namespace's name. */
    void removeArray(String namespace, String name) {
        state.locked(() -> {
            state.remove(existing(namespace, name), "deregister", namespace);
            state.save();
            return null;
        });
    }

    /** The array, or an IllegalArgumentException naming the one a test asked for; call under the state lock. */
    private StoredArray existing(String namespace, String name) {
        StoredArray stored = state.find(namespace, name);
        if (stored == null) {
            throw new IllegalArgumentException("no array " + namespace + "/" + name);
        }
        return stored;
    }

    /** Bytes the data directory's saves have written so far, for tests of what one write costs. */
    long stateBytesWritten() {
        return state.locked(state::bytesWritten);
    }

    /** The newest stored version of a notebook, or empty when there is no such notebook. */
    Optional<byte[]> notebookContent(String namespace, String name) {
        return state.locked(() -> Optional.ofNullable(state.find(namespace, name))
                .filter(a -> !a.versions.isEmpty())
                .map(notebooks::latest));
    }

    /** Every array, in no particular order. */
    List<ArraySnapshot> arrays() {
        return state.locked(() -> state.arrays().stream().map(ArraySnapshot::of).toList());
    }

    /** Adds arrays (and users, organizations) while running, e.g. to build a large namespace fast. */
    void seed(Seed seed) {
        state.locked(() -> {
            applySeed(seed);
            state.save();
            return null;
        });
    }

    void applySeed(Seed seed) {
        state.locked(() -> {
            seeds.apply(seed);
            return null;
        });
    }
}
