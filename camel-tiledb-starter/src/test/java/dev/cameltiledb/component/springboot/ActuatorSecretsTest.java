package dev.cameltiledb.component.springboot;

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
 * options (apiKey, password, proxyPassword) are masked while its other options are shown.
 */
@SpringBootTest(
        classes = ActuatorSecretsTest.App.class,
        properties = {
            "camel.component.tiledb.api-key=" + ActuatorSecretsTest.KEY,
            "camel.component.tiledb.password=" + ActuatorSecretsTest.PASSWORD,
            "camel.component.tiledb.proxyPassword=" + ActuatorSecretsTest.PROXY_PASSWORD,
            "camel.component.tiledb.per-page=17",
            "management.endpoint.env.show-values=ALWAYS",
            "management.endpoint.configprops.show-values=ALWAYS",
            // available over JMX, so the endpoints exist without a web server
            "spring.jmx.enabled=true",
            "management.endpoints.jmx.exposure.include=env,configprops"
        })
@Tag("server")
class ActuatorSecretsTest {

    static final String KEY = "actuator-key-5e0c7d1a";
    static final String PASSWORD = "actuator-password-93b1";
    static final String PROXY_PASSWORD = "actuator-proxy-2f6e";

    private static final ObjectMapper JSON = new ObjectMapper();

    @SpringBootApplication
    static class App {}

    @Autowired
    EnvironmentEndpoint env;

    @Autowired
    ConfigurationPropertiesReportEndpoint configprops;

    @Test
    void theEnvEndpointMasksTheSecretsAndShowsTheRest() throws Exception {
        String all = JSON.writeValueAsString(env.environment("camel\\.component\\.tiledb\\..*"));
        for (String secret : new String[] {KEY, PASSWORD, PROXY_PASSWORD}) {
            assertFalse(all.contains(secret), all);
        }
        assertEquals(
                SanitizableData.SANITIZED_VALUE,
                env.environmentEntry("camel.component.tiledb.api-key")
                        .getProperty()
                        .getValue());
        assertEquals(
                "17",
                env.environmentEntry("camel.component.tiledb.per-page")
                        .getProperty()
                        .getValue());
    }

    @Test
    void theConfigpropsEndpointMasksTheSecretsAndShowsTheRest() throws Exception {
        String all = JSON.writeValueAsString(configprops.configurationProperties());
        for (String secret : new String[] {KEY, PASSWORD, PROXY_PASSWORD}) {
            assertFalse(all.contains(secret), all);
        }
        assertTrue(all.contains("\"apiKey\":\"******\""), all);
        assertTrue(all.contains("\"perPage\":17"), all);
    }

    @Test
    void everyRelaxedFormOfASecretIsMasked() {
        TileDBComponentSanitizer sanitizer = new TileDBComponentSanitizer();
        for (String key : new String[] {
            "camel.component.tiledb.api-key", "camel.component.tiledb.apiKey", "CAMEL_COMPONENT_TILEDB_APIKEY"
        }) {
            assertEquals(
                    SanitizableData.SANITIZED_VALUE,
                    sanitizer.apply(new SanitizableData(null, key, "v")).getValue(),
                    key);
        }
        assertEquals(
                "v",
                sanitizer
                        .apply(new SanitizableData(null, "camel.component.tiledb.host", "v"))
                        .getValue());
    }
}
