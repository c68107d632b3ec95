package dev.cameltiledb.arraylake.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import dev.cameltiledb.arraylake.client.model.TemporaryCredentials;
import dev.cameltiledb.arraylake.emulator.CheckedArraylakeEmulator;
import dev.cameltiledb.testing.LogCapture;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Everything logged at DEBUG (Camel, the component, the client, HttpClient's headers, the emulator) through
 * successes, service errors, a refused route start, a token lookup, a token-file refresh, a bucket config with keys
 * and temporary credentials: no token, refresh token, bucket key or temporary secret appears in a log line, an
 * exception, an endpoint URI or a header nobody asked for.
 */
class SecretsNotLoggedTest {

    private static final String ALICE_ID_TOKEN =
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZS1zZWNyZXQifQ.c2lnbmF0dXJlLW9mLWFsaWNlLXNlY3JldA";
    private static final String ALICE_REFRESH = "alice-refresh-token-8c1f2e3d";
    private static final String HMAC_SECRET = "HmacSecretKey0123456789abcdefXYZ";

    @RegisterExtension
    @Order(1)
    static final LogCapture LOGS = new LogCapture(
            Fixture.ADMIN_TOKEN, Fixture.ETL_TOKEN, ALICE_ID_TOKEN, ALICE_REFRESH, HMAC_SECRET, Fixture.SHARED_SECRET);

    @RegisterExtension
    @Order(2)
    static final CheckedArraylakeEmulator AL = new CheckedArraylakeEmulator(b -> {
        Fixture.seed(b);
        b.user("carol@example.com", "Carol", "Tester", ALICE_ID_TOKEN, ALICE_REFRESH)
                .member(Fixture.ORG, "carol@example.com", "admin");
    });

    @TempDir
    Path dir;

    @Test
    void noSecretLeavesTheComponent() throws Exception {
        String url = AL.emulator().url();
        String withToken = "&serviceUri=" + url + "&token=" + Fixture.ADMIN_TOKEN;
        Path tokenFile = dir.resolve("token.json");
        Files.writeString(
                tokenFile,
                "{\"access_token\":\"" + ALICE_ID_TOKEN + "\",\"id_token\":\"" + ALICE_ID_TOKEN
                        + "\",\"refresh_token\":\"" + ALICE_REFRESH
                        + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}");
        List<String> texts = new ArrayList<>();
        List<Exchange> replies = new ArrayList<>();
        List<String> temporarySecrets = new ArrayList<>();
        try (CamelContext camel = Fixture.camel(AL.emulator(), null)) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:list").to("arraylake:repos?operation=list&org=acme" + withToken);
                    from("direct:missing").to("arraylake:repos?operation=get&repo=acme/nothing-here" + withToken);
                    from("direct:lookup").to("arraylake:orgs?operation=apiClientId&org=acme" + withToken);
                    from("direct:credentials")
                            .to("arraylake:repos?operation=get&repo=acme/climate&bucketCredentials=true" + withToken);
                    from("direct:plain").to("arraylake:repos?operation=get&repo=acme/climate" + withToken);
                    from("direct:hmac")
                            .to("arraylake:buckets?operation=create&org=acme&nickname=keyed"
                                    + "&bucketUri=s3://acme-keyed&extraConfig={\"region_name\":\"us-east-1\"}"
                                    + "&authConfig=RAW({\"method\":\"hmac\",\"access_key_id\":\"AKIAKEYED\","
                                    + "\"secret_access_key\":\"" + HMAC_SECRET + "\"})" + withToken);
                    from("direct:file").to("arraylake:user?serviceUri=" + url + "&tokenFile=" + tokenFile);
                }
            });
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            replies.add(template.request("direct:list", e -> {}));
            replies.add(template.request("direct:missing", e -> {}));
            replies.add(template.request("direct:lookup", e -> e.getMessage().setBody(Fixture.ETL_TOKEN)));
            Exchange credentials = template.request("direct:credentials", e -> {});
            replies.add(credentials);
            Exchange plain = template.request("direct:plain", e -> {});
            replies.add(plain);
            replies.add(template.request("direct:hmac", e -> {}));
            AL.emulator().expireUserTokens("carol@example.com");
            replies.add(template.request("direct:file", e -> {}));

            TemporaryCredentials.S3 s3 = assertInstanceOf(
                    TemporaryCredentials.S3.class,
                    credentials.getMessage().getHeader(ArraylakeConstants.TEMPORARY_CREDENTIALS));
            temporarySecrets.addAll(List.of(s3.secretAccessKey(), s3.sessionToken()));
            assertFalse(s3.toString().contains(s3.secretAccessKey()), "the credentials' toString hides them");
            assertNull(
                    plain.getMessage().getHeader(ArraylakeConstants.TEMPORARY_CREDENTIALS),
                    "no credentials unless asked for");
            assertTrue(replies.get(1).isFailed(), "the 404 is part of the run");
            assertFalse(replies.get(5).isFailed(), "the bucket config with keys was created");
            assertEquals(1, Fixture.count(AL.emulator(), "GET", "/refresh_token"), "the token file was refreshed");
            assertEquals(
                    "carol@example.com",
                    ((dev.cameltiledb.arraylake.client.model.Principal)
                                    replies.get(6).getMessage().getBody())
                            .email());

            Exception refused = assertThrows(
                    Exception.class,
                    () -> camel.addRoutes(new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("direct:refused").to("arraylake:user?operation=delete" + withToken);
                        }
                    }));
            texts.add(ThrowableProxyUtil.asString(new ThrowableProxy(refused)));
            for (Endpoint endpoint : camel.getEndpoints()) {
                texts.add(endpoint.toString());
                texts.add(endpoint.getEndpointUri());
                texts.add(endpoint.getEndpointBaseUri());
            }
        }
        for (Exchange reply : replies) {
            if (reply.getException() != null) {
                texts.add(ThrowableProxyUtil.asString(new ThrowableProxy(reply.getException())));
            }
            texts.add(String.valueOf(reply.getProperty(Exchange.TO_ENDPOINT)));
            Map<String, Object> headers =
                    new java.util.HashMap<>(reply.getMessage().getHeaders());
            headers.remove(ArraylakeConstants.TEMPORARY_CREDENTIALS); // asked for: the one place they may be
            texts.add(headers.toString());
        }
        List<String> secrets = new ArrayList<>(
                List.of(Fixture.ADMIN_TOKEN, Fixture.ETL_TOKEN, ALICE_ID_TOKEN, ALICE_REFRESH, HMAC_SECRET));
        secrets.addAll(temporarySecrets);
        texts.addAll(LOGS.lines());
        List<String> leaks = texts.stream()
                .filter(t -> secrets.stream().anyMatch(t::contains))
                .toList();
        assertEquals(List.of(), leaks);
        assertTrue(
                LOGS.lines().stream().anyMatch(l -> l.startsWith("org.apache.hc.client5.http.headers")),
                "the capture saw HttpClient's header log at DEBUG");
    }
}
