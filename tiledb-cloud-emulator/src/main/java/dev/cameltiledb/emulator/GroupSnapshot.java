package dev.cameltiledb.emulator;

import java.util.List;
import java.util.Map;

import dev.cameltiledb.emulator.state.EmulatorState;

/**
 * A copy of what the emulator holds for one group at one moment, for tests to check what a route did.
 *
 * @param members the members' {@code tiledb://} URIs
 * @param sharing namespace to group actions
 */
public record GroupSnapshot(
        String id,
        String namespace,
        String name,
        String uri,
        String description,
        List<String> tags,
        List<String> members,
        Map<String, List<String>> sharing) {

    public boolean isPublic() {
        return sharing.containsKey(EmulatorState.PUBLIC);
    }
}
