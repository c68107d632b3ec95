package dev.cameltiledb.component.cluster;

import java.util.Map;

import dev.cameltiledb.camel.ReadinessCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Readiness of this node's share of partitioned activity consumers ({@code tiledb-partitions}): DOWN with the reason
 * while the cluster service cannot tell who takes part in the partitions' elections, UP with the partitions this node
 * leads otherwise. It reports what the last round of the {@link PartitionBalancer} found; it asks nothing itself.
 */
public final class PartitionHealthCheck extends ReadinessCheck {

    public static final String ID = "tiledb-partitions";

    private volatile boolean up = true;
    private volatile String message = "no partitioned consumer balanced yet";

    PartitionHealthCheck() {
        super(ID);
    }

    void up(String leadership) {
        this.up = true;
        this.message = leadership;
    }

    void down(String reason) {
        this.up = false;
        this.message = reason;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this).message(message);
        return (up ? builder.up() : builder.down()).build();
    }
}
