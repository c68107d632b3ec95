package dev.cameltiledb.arraylake.client.model;

import java.util.List;
import java.util.Map;

/**
 * A change to a repo; null fields are left as they are. The service refuses (422) adding a key that exists, and
 * updating or removing one that does not, so callers choose the verb deliberately.
 */
public record RepoModify(
        String description,
        Map<String, Object> addMetadata,
        List<String> removeMetadata,
        Map<String, Object> updateMetadata) {

    public static RepoModify description(String description) {
        return new RepoModify(description, null, null, null);
    }
}
