package dev.cameltiledb.client.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Where to copy a registered UDF ({@code UDFCopy}).
 *
 * @param outputUri where the copy is stored ({@code s3://bucket/udfs/median})
 * @param namespace the namespace to register it in; null for the caller's
 * @param name      its name there; null keeps the original's
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UdfCopy(String outputUri, String namespace, String name) {}
