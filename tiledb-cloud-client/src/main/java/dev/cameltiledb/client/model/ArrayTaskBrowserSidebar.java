package dev.cameltiledb.client.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** How many tasks ran in a time window, in all and per namespace, and which of the user's organizations ran any. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ArrayTaskBrowserSidebar(
        List<String> organizations, Long resultCountForAll, Map<String, Long> resultCountByNamespace) {}
