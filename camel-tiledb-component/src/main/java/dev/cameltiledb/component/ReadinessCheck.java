package dev.cameltiledb.component;

import org.apache.camel.health.HealthCheck;

/**
 * What the component's health checks share: a fixed id in Camel's group, readiness only (what they report, an
 * unreachable service or cluster, is a reason not to route to this instance, not to restart it), and the switch
 * Camel's registry turns them on and off with.
 */
abstract class ReadinessCheck implements HealthCheck {

    private final String id;
    private boolean enabled = true;

    ReadinessCheck(String id) {
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
