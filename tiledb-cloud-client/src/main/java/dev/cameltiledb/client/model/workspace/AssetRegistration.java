package dev.cameltiledb.client.model.workspace;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** An existing storage URI ({@code uri}) registered as an asset at {@code path}, read with the named credentials. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AssetRegistration(String name, String uri, String accessCredentialsName, String path) {}
