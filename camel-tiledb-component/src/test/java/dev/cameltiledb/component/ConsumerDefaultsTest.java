package dev.cameltiledb.component;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Consumers poll a SaaS API: 10 s between activity polls, 60 s between change-feed polls, unless delay is given. */
class ConsumerDefaultsTest {

    private static long delayOf(CamelContext camel, String uri) throws Exception {
        return ((ScheduledPollConsumer) camel.getEndpoint(uri).createConsumer(e -> {})).getDelay();
    }

    @Test
    void consumersWaitLongerThanCamelsGenericDefaultUnlessTold() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            assertEquals(10_000, delayOf(camel, SuiteEmulator.uri("activity", "namespace=acme")));
            assertEquals(60_000, delayOf(camel, SuiteEmulator.uri("arrays", "namespace=acme")));
            assertEquals(60_000, delayOf(camel, SuiteEmulator.uri("groups", "namespace=acme")));
            assertEquals(250, delayOf(camel, SuiteEmulator.uri("activity", "namespace=acme&delay=250")));
        }
    }
}
