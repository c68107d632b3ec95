package dev.cameltiledb.camel;

import org.apache.camel.health.HealthCheck;

/**
 * What the components' health checks share: a fixed id in Camel's group, readiness only (what they report, an
 * unreachable service or cluster, is a reason not to route to this instance, not to restart it), and the switch
 * Camel's registry turns them on and off with.
 */
public abstract class ReadinessCheck implements HealthCheck {

    private final String id;
    private volatile boolean enabled = true;

    protected ReadinessCheck(String id) {
        this.id = id;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return id;
    }
}
