package dev.cameltiledb.emulator.data.udf;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** The spec's {@code TGUDFArgument}: a positional argument (no name) or a named one; the value is TileDB JSON. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UdfArgument(String name, JsonNode value) {}
