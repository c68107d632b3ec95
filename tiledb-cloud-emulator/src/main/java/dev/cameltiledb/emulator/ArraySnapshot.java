package dev.cameltiledb.emulator;

import java.util.List;
import java.util.Map;

import dev.cameltiledb.emulator.state.ActivityEvent;
import dev.cameltiledb.emulator.state.EmulatorState;
import dev.cameltiledb.emulator.state.StoredArray;

/**
 * A copy of what the emulator holds for one array at one moment, for tests to check what a route did.
 *
 * @param activity    the actions of its activity log, in the order they were logged
 * @param activityIds the ids of those events, in the same order
 */
public record ArraySnapshot(
        String id,
        String namespace,
        String name,
        String uri,
        String description,
        String fileType,
        List<String> tags,
        Map<String, List<String>> sharing,
        String accessCredentialsName,
        List<String> activity,
        List<String> activityIds) {

    static ArraySnapshot of(StoredArray a) {
        return new ArraySnapshot(
                a.id,
                a.namespace,
                a.name,
                a.uri,
                a.description,
                a.fileType,
                List.copyOf(a.tags),
                Map.copyOf(a.sharing),
                a.accessCredentialsName,
                a.activity.stream().map(ActivityEvent::action).toList(),
                a.activity.stream().map(ActivityEvent::id).toList());
    }

    public boolean isPublic() {
        return sharing.containsKey(EmulatorState.PUBLIC);
    }
}
