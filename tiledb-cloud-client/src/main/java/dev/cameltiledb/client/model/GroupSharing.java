package dev.cameltiledb.client.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A group's sharing with one namespace: actions on the group and its sub-groups, and on every array inside.
 * As a request, {@code namespaceType} stays null; empty action lists remove the namespace.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GroupSharing(
        List<String> groupActions, List<String> arrayActions, String namespace, String namespaceType) {}
