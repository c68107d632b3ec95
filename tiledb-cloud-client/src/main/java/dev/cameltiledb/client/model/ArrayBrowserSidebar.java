package dev.cameltiledb.client.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** How many assets a browser listing holds, in all and per namespace (the listing's sidebar). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ArrayBrowserSidebar(
        List<String> namespaces, Long resultCountForAll, Map<String, Long> resultCountByNamespace) {}
