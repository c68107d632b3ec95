package dev.cameltiledb.camel;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Endpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.support.HealthCheckComponent;

/**
 * A producer that calls a service and, when the component turns producer checks on
 * ({@code camel.health.producersEnabled=true} with the component's {@code healthCheckProducerEnabled}), registers its
 * readiness check while it runs.
 */
public abstract class ServiceProducer extends DefaultProducer {

    private static final AtomicLong CHECK_IDS = new AtomicLong();

    private WritableHealthCheckRepository checks;
    private HealthCheck check;

    protected ServiceProducer(Endpoint endpoint) {
        super(endpoint);
    }

    /** This producer's readiness check with the given id, or null when it calls no service. */
    protected abstract HealthCheck createHealthCheck(String id);

    /** What the check's id names after the scheme: the endpoint's resource. */
    protected abstract String resourceName();

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (getEndpoint().getComponent() instanceof HealthCheckComponent component
                && component.isHealthCheckProducerEnabled()) {
            checks = HealthCheckHelper.getHealthCheckRepository(
                    getEndpoint().getCamelContext(), "producers", WritableHealthCheckRepository.class);
            if (checks != null) {
                // unique: two URIs that differ only in a masked token read the same
                String scheme = getEndpoint()
                        .getEndpointUri()
                        .substring(0, getEndpoint().getEndpointUri().indexOf(':'));
                check = createHealthCheck(
                        "producer:" + scheme + ":" + resourceName() + "-" + CHECK_IDS.incrementAndGet());
                if (check != null) {
                    checks.addHealthCheck(check);
                }
            }
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (checks != null && check != null) {
            checks.removeHealthCheck(check);
        }
        check = null;
        super.doStop();
    }
}
