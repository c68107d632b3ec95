package dev.cameltiledb.client.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One member of a group: either a group or an array (the other is null). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GroupEntry(String memberId, GroupInfo group, ArrayInfo array) {}
