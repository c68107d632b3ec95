package dev.cameltiledb.client.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A sharing policy: which actions a namespace (user, organization or {@code public}) may take.
 * An empty action list removes the namespace's access. {@code namespaceType} is set by the service only.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ArraySharing(List<String> actions, String namespace, String namespaceType) {

    public static ArraySharing grant(String namespace, List<String> actions) {
        return new ArraySharing(List.copyOf(actions), namespace, null);
    }

    public static ArraySharing revoke(String namespace) {
        return new ArraySharing(List.of(), namespace, null);
    }
}
