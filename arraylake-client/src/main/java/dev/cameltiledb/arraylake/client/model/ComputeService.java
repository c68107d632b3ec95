package dev.cameltiledb.arraylake.client.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A compute service of an org as the service lists it (its {@code DeploymentInfo}).
 *
 * @param name          the id that status, logs and delete take
 * @param url           where the service answers its protocol
 * @param status        available, progressing, unknown, error, sleeping, stopped, suspended, quota_exceeded or
 *                      org_suspended so far; kept as text, since the service adds states
 * @param readyReplicas pods serving now; 0 for a service scaled to zero that is still available
 */
public record ComputeService(
        String name,
        String url,
        OffsetDateTime created,
        ServiceConfig config,
        String status,
        @JsonProperty("ready_replicas") int readyReplicas) {}
