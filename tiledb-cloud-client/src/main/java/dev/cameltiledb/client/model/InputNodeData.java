package dev.cameltiledb.client.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A parameter of a task graph ({@code TGInputNodeData}); it depends on no other node.
 *
 * @param defaultValue its value when none is given
 * @param datatype     what type it should be (documentation only, conventionally a Python annotation)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record InputNodeData(Object defaultValue, String datatype) {}
