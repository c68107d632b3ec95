package dev.cameltiledb.emulator;

import java.util.List;
import java.util.Map;

/**
 * A copy of what the emulator holds for one array at one moment, for tests to check what a route did.
 *
 * @param activity the actions of its activity log, oldest first
 */
public record ArraySnapshot(String id, String namespace, String name, String uri, String description, String fileType,
                            List<String> tags, Map<String, List<String>> sharing, String accessCredentialsName,
                            List<String> activity) {

    static ArraySnapshot of(StoredArray a) {
        return new ArraySnapshot(a.id, a.namespace, a.name, a.uri, a.description, a.fileType, List.copyOf(a.tags),
                Map.copyOf(a.sharing), a.accessCredentialsName,
                a.activity.stream().map(ActivityEvent::action).toList());
    }

    public boolean isPublic() {
        return sharing.containsKey(EmulatorState.PUBLIC);
    }
}
