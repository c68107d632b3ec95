package dev.cameltiledb.arraylake.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a compute service was configured (the service's {@code ServiceConfig}), the fields most routes look at; the
 * service's other tuning fields are not read.
 *
 * @param deploymentName the service's name; null when it took the service type's
 */
public record ServiceConfig(
        @JsonProperty("service_type") String serviceType,
        String org,
        @JsonProperty("is_public") boolean isPublic,
        @JsonProperty("deployment_name") String deploymentName,
        @JsonProperty("service_version") String serviceVersion,
        @JsonProperty("min_replicas") Integer minReplicas,
        @JsonProperty("max_replicas") Integer maxReplicas,
        @JsonProperty("log_level") String logLevel) {}
