package dev.cameltiledb.client.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A request for a new API token; null fields take the service's defaults (30 minutes, a name of its choosing, every
 * permission of the user).
 *
 * @param scope token scopes such as {@code array:read} or {@code *}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenRequest(Instant expires, String name, List<String> scope) {}
