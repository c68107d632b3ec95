package dev.cameltiledb.emulator.state;

import java.util.Map;

import dev.cameltiledb.emulator.StorageLocation;

/**
 * A user or an organization as the owner of storage settings: where its new assets go when a request names no storage
 * URI ({@link AssetStorage}), and what {@code GET /v1/user} and {@code GET /v1/organizations/{organization}} answer.
 */
public interface StorageOwner {

    /** The storage path new assets go under, each kind in its own folder; null when unset. */
    String defaultS3Path();

    /** The credentials that reach {@link #defaultS3Path()}; null when unset. */
    String defaultS3PathCredentialsName();

    /**
     * Per kind of asset ({@code arrays}, {@code files}, {@code groups}, {@code ml_models}, {@code notebooks},
     * {@code task_graphs}, {@code udfs}), where it goes instead; never null.
     */
    Map<String, StorageLocation> assetLocations();
}
