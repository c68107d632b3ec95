package dev.cameltiledb.emulator.data.udf;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The spec's {@code UDFSharing} (and {@code TaskGraphSharing}): a namespace and what it may do; no actions (absent or
 * empty) takes the sharing away.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UdfSharing(List<String> actions, String namespace, String namespaceType) {}
