package dev.cameltiledb.component;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Captures every log line of a whole run at DEBUG (Camel, the component, HttpClient's header log, the emulator)
 * through successes, service errors, a failed route start, a session login, basic auth and a refused password, and
 * finds no API token, password or session token: not in messages, stack traces, endpoint URIs or exceptions.
 *
 * <p>Only HttpClient's wire log ({@code org.apache.hc.client5.http.wire}) stays off: it dumps the raw bytes of
 * every request by design, like {@code curl -v}, and must never be enabled in production.
 */
class SecretsNotLoggedTest {

    private static final String PASSWORD = "carol-password";
    private static final String WRONG_PASSWORD = "carol-wrong-pw-93";

    @Test
    void tokenAppearsInNoLogLineAndNoException() throws Exception {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger wire = logging.getLogger("org.apache.hc.client5.http.wire");
        Level rootLevel = root.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(logging);
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.DEBUG);
        wire.setLevel(Level.INFO);
        List<String> exceptionTexts = new ArrayList<>();
        String token = SuiteEmulator.ALICE_TOKEN;
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:ok").routeId("secret-ok").to(SuiteEmulator.arrays("operation=listAll"));
                    from("direct:missing")
                            .routeId("secret-missing")
                            .to(SuiteEmulator.arrays("operation=info&namespace=nobody&array=nothing"));
                    from("direct:session")
                            .routeId("secret-session")
                            .to("tiledb:user?operation=profile&host="
                                    + SuiteEmulator.get().url() + "&username=carol&password=" + PASSWORD);
                    from("direct:basic")
                            .routeId("secret-basic")
                            .to("tiledb:user?operation=profile&noSession=true&host="
                                    + SuiteEmulator.get().url() + "&username=carol&password=" + PASSWORD);
                    from("direct:wrongPassword")
                            .routeId("secret-wrong")
                            .to("tiledb:user?operation=profile&host="
                                    + SuiteEmulator.get().url() + "&username=carol&password=" + WRONG_PASSWORD);
                }
            });
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            assertTrue(template.requestBody("direct:ok", (Object) null) instanceof List);
            Exchange failed = template.request("direct:missing", e -> {});
            assertTrue(failed.isFailed());
            exceptionTexts.add(
                    ThrowableProxyUtil.asString(new ch.qos.logback.classic.spi.ThrowableProxy(failed.getException())));
            assertTrue(
                    template.requestBody("direct:session", (Object) null) instanceof dev.cameltiledb.client.model.User);
            assertTrue(
                    template.requestBody("direct:basic", (Object) null) instanceof dev.cameltiledb.client.model.User);
            Exchange refused = template.request("direct:wrongPassword", e -> {});
            assertTrue(refused.isFailed());
            exceptionTexts.add(
                    ThrowableProxyUtil.asString(new ch.qos.logback.classic.spi.ThrowableProxy(refused.getException())));
            Exception broken = assertThrows(
                    Exception.class,
                    () -> camel.addRoutes(new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("direct:broken").to(SuiteEmulator.arrays("operation=noSuchOperation"));
                        }
                    }));
            exceptionTexts.add(ThrowableProxyUtil.asString(new ch.qos.logback.classic.spi.ThrowableProxy(broken)));
            // what Camel prints for an endpoint (JMX, logs, health) is toString(); getEndpointUri() is the raw key the
            // user wrote, which is why tokens belong on the component or in a property placeholder
            camel.getEndpoints().forEach(e -> exceptionTexts.add(e.toString()));
        } finally {
            root.setLevel(rootLevel);
            wire.setLevel(null);
            root.detachAppender(captured);
        }

        List<String> sessionTokens = SuiteEmulator.get().recordedExchanges().stream()
                .filter(x -> x.rawPath().equals("/v1/session") && x.responseBody() != null)
                .map(x -> new String(x.responseBody(), java.nio.charset.StandardCharsets.UTF_8)
                        .replaceAll(".*\"token\":\"([^\"]+)\".*", "$1"))
                .toList();
        assertFalse(sessionTokens.isEmpty(), "a session token was issued during the run");
        List<String> secrets = new ArrayList<>(sessionTokens);
        secrets.addAll(List.of(token, PASSWORD, WRONG_PASSWORD));
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : captured.list) {
            lines.add(event.getLoggerName() + " " + event.getFormattedMessage()
                    + (event.getThrowableProxy() != null
                            ? ThrowableProxyUtil.asString(event.getThrowableProxy())
                            : ""));
        }
        assertTrue(lines.size() > 50, "DEBUG logging was really on: " + lines.size() + " lines");
        assertTrue(
                lines.stream()
                        .anyMatch(l -> l.startsWith("org.apache.hc.client5.http.headers")
                                && l.contains("X-TILEDB-REST-API-KEY")),
                "HttpClient's header log ran and printed the API key header (masked)");
        assertEquals(
                List.of(),
                lines.stream()
                        .filter(l -> secrets.stream().anyMatch(l::contains))
                        .toList());
        assertEquals(
                List.of(),
                exceptionTexts.stream()
                        .filter(t -> secrets.stream().anyMatch(t::contains))
                        .toList());
        assertTrue(
                exceptionTexts.stream().anyMatch(t -> t.contains("apiKey=xxxxxx")), String.join("\n", exceptionTexts));
    }

    /**
     * camel-main prints its configuration at INFO, masking the keys Camel deems sensitive: apiKey is one (apiToken
     * was not, and showed the value). Camel's DEBUG configuration logs print values unmasked whatever the name; that is
     * Camel core, so the docs advise environment variables or credential files, which the component reads itself.
     */
    @Test
    void camelMainConfigurationSummaryMasksTheApiKey(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path properties = dir.resolve("application.properties");
        java.nio.file.Files.writeString(
                properties,
                "camel.component.tiledb.api-key = " + SuiteEmulator.ALICE_TOKEN + "\n"
                        + "camel.component.tiledb.host = " + SuiteEmulator.get().url() + "\n");
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level rootLevel = root.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(logging);
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.INFO);
        org.apache.camel.main.Main main = new org.apache.camel.main.Main();
        try {
            main.setDefaultPropertyPlaceholderLocation("file:" + properties);
            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:main-summary").to("tiledb:arrays?operation=listAll");
                }
            });
            main.start();
            assertTrue(
                    main.getCamelContext().createProducerTemplate().requestBody("direct:main-summary", (Object) null)
                            instanceof List);
        } finally {
            main.stop();
            root.setLevel(rootLevel);
            root.detachAppender(captured);
        }
        List<String> lines =
                captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertTrue(
                lines.stream().anyMatch(l -> l.contains("camel.component.tiledb.apiKey = xxxxxx")),
                String.join("\n", lines));
        assertEquals(
                List.of(),
                lines.stream()
                        .filter(l -> l.contains(SuiteEmulator.ALICE_TOKEN))
                        .toList());
    }

    /** Issue 13, item 18: a key written into a route URI is masked in the endpoint URI and CamelToEndpoint. */
    @Test
    void aKeyInARouteUriReachesNeitherTheEndpointUriNorTheExchange() throws Exception {
        try (org.apache.camel.CamelContext camel = new org.apache.camel.impl.DefaultCamelContext()) {
            camel.addRoutes(new org.apache.camel.builder.RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:info").to(SuiteEmulator.uri("user", "operation=profile"));
                }
            });
            camel.start();
            org.apache.camel.Exchange reply = camel.createProducerTemplate().request("direct:info", e -> {});
            org.junit.jupiter.api.Assertions.assertFalse(reply.isFailed(), String.valueOf(reply.getException()));
            String to = reply.getProperty(org.apache.camel.Exchange.TO_ENDPOINT, String.class);
            org.junit.jupiter.api.Assertions.assertTrue(
                    to.startsWith("tiledb://user") && to.contains("apiKey=xxxxxx"), to);
            for (org.apache.camel.Endpoint endpoint : camel.getEndpoints()) {
                org.junit.jupiter.api.Assertions.assertFalse(
                        endpoint.getEndpointUri().contains(SuiteEmulator.ALICE_TOKEN), endpoint.getEndpointUri());
            }
        }
    }
}
