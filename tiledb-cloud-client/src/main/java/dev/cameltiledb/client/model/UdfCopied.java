package dev.cameltiledb.client.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The UDF a copy created ({@code UDFCopied}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UdfCopied(String outputUri, String namespace, String name, String id) {}
