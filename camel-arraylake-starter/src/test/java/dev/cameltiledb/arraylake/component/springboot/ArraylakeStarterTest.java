package dev.cameltiledb.arraylake.component.springboot;

import dev.cameltiledb.arraylake.component.ArraylakeComponent;
import dev.cameltiledb.testing.LogCapture;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The starter binds {@code camel.component.arraylake.*} (a token from a placeholder, the service URI, the org, a
 * retry limit) onto the component's nested option groups, and the token appears in no log line of the start.
 */
@SpringBootTest(
        classes = ArraylakeStarterTest.App.class,
        properties = {
            "camel.component.arraylake.token=${TEST_ARRAYLAKE_TOKEN}",
            "camel.component.arraylake.service-uri=http://localhost:1",
            "camel.component.arraylake.org=demo-org",
            "camel.component.arraylake.max-retries=2",
            "camel.component.arraylake.health-check-consumer-enabled=false"
        })
@Tag("server")
class ArraylakeStarterTest {

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture("ema_starter0secret0000000000000000");

    @SpringBootApplication
    static class App {}

    // a dynamic source, like an environment variable: the test's inline properties are printed in its context's
    // description, which Spring's test support logs at DEBUG
    @DynamicPropertySource
    static void token(DynamicPropertyRegistry registry) {
        registry.add("TEST_ARRAYLAKE_TOKEN", () -> "ema_starter0secret0000000000000000");
    }

    @Autowired
    CamelContext camel;

    @Test
    void propertiesReachTheComponentsNestedOptions() {
        ArraylakeComponent component = camel.getComponent("arraylake", ArraylakeComponent.class);
        assertEquals(
                "ema_starter0secret0000000000000000",
                component.getConfiguration().getConnection().getToken());
        assertEquals(
                "http://localhost:1",
                component.getConfiguration().getConnection().getServiceUri());
        assertEquals("demo-org", component.getConfiguration().getOrg());
        assertEquals(2, component.getConfiguration().getConnection().getMaxRetries());
        assertFalse(component.isHealthCheckConsumerEnabled());
    }
}
