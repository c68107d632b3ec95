package dev.cameltiledb.arraylake.emulator;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A repo as the emulator keeps it. Immutable, so a listing can hand out what it read while another request changes
 * the repo; every change stores a new instance. A ghost is a soft-deleted repo: listed only on request, its name free.
 *
 * @param sequence creation order, which sorts repos of the same name (a live one and its ghosts)
 */
record StoredRepo(
        String id,
        String org,
        String name,
        long sequence,
        Instant created,
        Instant updated,
        String description,
        Map<String, Object> metadata,
        String createdBy,
        String bucketId,
        RepoStatus status,
        String kind,
        String prefix,
        Map<String, Object> optimizationConfig,
        boolean ghost,
        boolean retainData) {

    StoredRepo {
        metadata = metadata == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        optimizationConfig = Collections.unmodifiableMap(new LinkedHashMap<>(optimizationConfig));
    }

    StoredRepo withDescription(String newDescription, Instant at) {
        return changed(newDescription, metadata, status, optimizationConfig, ghost, retainData, at);
    }

    StoredRepo withMetadata(Map<String, Object> newMetadata, Instant at) {
        return changed(description, newMetadata, status, optimizationConfig, ghost, retainData, at);
    }

    StoredRepo withOptimizationConfig(Map<String, Object> config, Instant at) {
        return changed(description, metadata, status, config, ghost, retainData, at);
    }

    StoredRepo withStatus(RepoStatus newStatus, Instant at) {
        return changed(description, metadata, newStatus, optimizationConfig, ghost, retainData, at);
    }

    StoredRepo touched(Instant at) {
        return withStatus(status, at);
    }

    /** Soft delete: the repo goes offline with the message "deleted" and only shows up among ghosts. */
    StoredRepo asGhost(String principalId, boolean keepData, Instant at) {
        return changed(
                description,
                metadata,
                new RepoStatus(RepoStatus.OFFLINE, "deleted", principalId),
                optimizationConfig,
                true,
                keepData,
                at);
    }

    /** The same repo (id, name, creation, bucket, kind, prefix) with what a request may change, updated {@code at}. */
    private StoredRepo changed(
            String newDescription,
            Map<String, Object> newMetadata,
            RepoStatus newStatus,
            Map<String, Object> newOptimizationConfig,
            boolean newGhost,
            boolean newRetainData,
            Instant at) {
        return new StoredRepo(
                id,
                org,
                name,
                sequence,
                created,
                at,
                newDescription,
                newMetadata,
                createdBy,
                bucketId,
                newStatus,
                kind,
                prefix,
                newOptimizationConfig,
                newGhost,
                newRetainData);
    }
}
