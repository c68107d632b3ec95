package dev.cameltiledb.arraylake.component.springboot;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 27, item 21: with the actuator's env and configprops endpoints set to show every value, the component's secret
 * options (token, authConfig) are masked while its other options are shown.
 */
@SpringBootTest(
        classes = ActuatorSecretsTest.App.class,
        properties = {
            "camel.component.arraylake.token=" + ActuatorSecretsTest.TOKEN,
            "camel.component.arraylake.auth-config=" + ActuatorSecretsTest.AUTH_CONFIG,
            "camel.component.arraylake.org=acme",
            "management.endpoint.env.show-values=ALWAYS",
            "management.endpoint.configprops.show-values=ALWAYS",
            // available over JMX, so the endpoints exist without a web server
            "spring.jmx.enabled=true",
            "management.endpoints.jmx.exposure.include=env,configprops"
        })
@Tag("server")
class ActuatorSecretsTest {

    static final String TOKEN = "ema_actuator0000000000000000000000";
    static final String AUTH_CONFIG = "{\"method\":\"hmac\",\"secret_access_key\":\"hmac-secret-71c2\"}";

    private static final ObjectMapper JSON = new ObjectMapper();

    @SpringBootApplication
    static class App {}

    @Autowired
    EnvironmentEndpoint env;

    @Autowired
    ConfigurationPropertiesReportEndpoint configprops;

    @Test
    void theEnvEndpointMasksTheSecretsAndShowsTheRest() throws Exception {
        String all = JSON.writeValueAsString(env.environment("camel\\.component\\.arraylake\\..*"));
        assertFalse(all.contains(TOKEN), all);
        assertFalse(all.contains("hmac-secret-71c2"), all);
        assertEquals(
                SanitizableData.SANITIZED_VALUE,
                env.environmentEntry("camel.component.arraylake.token")
                        .getProperty()
                        .getValue());
        assertEquals(
                "acme",
                env.environmentEntry("camel.component.arraylake.org")
                        .getProperty()
                        .getValue());
    }

    @Test
    void theConfigpropsEndpointMasksTheSecretsAndShowsTheRest() throws Exception {
        String all = JSON.writeValueAsString(configprops.configurationProperties());
        assertFalse(all.contains(TOKEN), all);
        assertFalse(all.contains("hmac-secret-71c2"), all);
        assertTrue(all.contains("\"token\":\"******\""), all);
        assertTrue(all.contains("\"org\":\"acme\""), all);
    }
}
