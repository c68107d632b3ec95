package dev.cameltiledb.client.model;

import java.time.Instant;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * An asset of a classic asset listing ({@code AssetInfo}): an array, notebook, file or group.
 *
 * @param assetType           {@code array}, {@code notebook}, {@code file}, {@code group} and the service's other
 *                            kinds
 * @param assetBackingType    what stores it: {@code array} or {@code group}
 * @param assetOwnershipLevel {@code owned} by the namespace listed, or {@code shared} with it
 * @param metadata            only when the listing expanded {@code metadata}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AssetInfo(
        String uuid,
        String assetType,
        String assetBackingType,
        String assetOwnershipLevel,
        String namespaceName,
        String namespaceUuid,
        String name,
        String mimeType,
        Instant createdAt,
        MetadataStringified metadata) {}
