package dev.cameltiledb.arraylake.component;

import java.util.List;
import java.util.Map;

import dev.cameltiledb.arraylake.client.ArraylakeAuthException;
import dev.cameltiledb.arraylake.client.ArraylakeConflictException;
import dev.cameltiledb.arraylake.client.ArraylakeNameException;
import dev.cameltiledb.arraylake.client.ArraylakeNotFoundException;
import dev.cameltiledb.arraylake.client.ArraylakeValidationException;
import dev.cameltiledb.arraylake.emulator.ArraylakeEmulator;
import dev.cameltiledb.arraylake.emulator.CheckedArraylakeEmulator;
import dev.cameltiledb.arraylake.emulator.RecordedExchange;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.cameltiledb.arraylake.component.Fixture.ORG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What goes wrong, and what the route is told: input the component or client refuses before any request (checked on
 * the emulator's request log), and the service's refusals with its detail and request id.
 */
class BadInputTest {

    @RegisterExtension
    static final CheckedArraylakeEmulator AL = new CheckedArraylakeEmulator(Fixture::seed);

    private static CamelContext camel;
    private static ProducerTemplate template;

    @BeforeAll
    static void start() throws Exception {
        camel = Fixture.camel(AL.emulator(), Fixture.ADMIN_TOKEN);
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterAll
    static void stop() throws Exception {
        camel.close();
    }

    private static ArraylakeEmulator emu() {
        return AL.emulator();
    }

    /** Sends to {@code uri} and answers what it failed with. */
    private static Exception failure(String uri, Object body, Map<String, Object> headers) {
        Exchange exchange = template.request(uri, e -> {
            e.getMessage().setBody(body);
            e.getMessage().getHeaders().putAll(headers);
        });
        assertTrue(exchange.isFailed(), uri + " should fail");
        return exchange.getException();
    }

    private static Exception failure(String uri) {
        return failure(uri, null, Map.of());
    }

    /** Runs {@code uri}, expecting it to fail without sending anything. */
    private static Exception refusedLocally(String uri, Map<String, Object> headers) {
        int before = emu().requests().size();
        Exception e = failure(uri, null, headers);
        assertEquals(List.of(), Fixture.since(emu(), before), "nothing was sent for " + uri);
        return e;
    }

    @Test
    void aBadRepoNameIsRefusedBeforeAnyRequestNamingTheRule() {
        Exception e = refusedLocally("arraylake:repos?operation=get&repo=acme/-bad name", Map.of());
        assertInstanceOf(ArraylakeNameException.class, e);
        assertTrue(e.getMessage().contains("'-bad name'"), e.getMessage());
        assertTrue(
                e.getMessage().contains("a word character (letter, digit, underscore)"),
                "names the rule: " + e.getMessage());

        e = refusedLocally("arraylake:repos?operation=create&org=acme", Map.of(ArraylakeConstants.REPO, "x"));
        assertInstanceOf(ArraylakeNameException.class, e, "a one-letter name breaks the 2-character minimum");
        e = refusedLocally("arraylake:repos?operation=get&repo=no-org-given", Map.of());
        assertTrue(e.getMessage().contains("org/repo"), e.getMessage());
    }

    @Test
    void badServiceInputIsRefusedBeforeAnyRequestNamingTheOption() {
        Exception e = refusedLocally("arraylake:services?operation=logs&org=acme", Map.of());
        assertEquals(
                "arraylake:services operation logs needs the serviceId option (header CamelArraylakeServiceId)",
                e.getMessage());
        e = refusedLocally(
                "arraylake:services?operation=logs&org=acme&serviceId=edr",
                Map.of(ArraylakeConstants.FOLLOW_TIMEOUT, 601));
        assertEquals("The header CamelArraylakeFollowTimeout must be 1 to 600, was 601", e.getMessage());
        e = refusedLocally(
                "arraylake:services?operation=logs&org=acme&serviceId=edr", Map.of(ArraylakeConstants.TAIL, 0));
        assertEquals("The header CamelArraylakeTail must be positive, was 0", e.getMessage());
        e = refusedLocally(
                "arraylake:services?operation=logs&org=acme&serviceId=edr",
                Map.of(ArraylakeConstants.SINCE, "yesterday"));
        assertEquals(
                "The since option (header CamelArraylakeSince) must be an ISO 8601 time such as 2030-01-31T08:00:00Z,"
                        + " was 'yesterday'",
                e.getMessage());
        e = refusedLocally(
                "arraylake:services?operation=create&org=acme", Map.of(ArraylakeConstants.SERVICE_TYPE, "ftp"));
        assertTrue(
                e.getMessage().startsWith("The header CamelArraylakeServiceType must be one of [dap2, edr, wms,"),
                e.getMessage());
        e = refusedLocally("arraylake:services?operation=create&org=acme", Map.of());
        assertTrue(e.getMessage().contains("needs the serviceType option"), e.getMessage());
        e = refusedLocally(
                "arraylake:services?operation=create&org=acme&serviceType=edr",
                Map.of(ArraylakeConstants.DEPLOYMENT_NAME, "Not_Valid"));
        assertInstanceOf(ArraylakeNameException.class, e);
        assertTrue(e.getMessage().contains("deployment name 'Not_Valid'"), e.getMessage());
        e = refusedLocally(
                "arraylake:services?operation=get&org=acme", Map.of(ArraylakeConstants.SERVICE_ID, "../buckets"));
        assertInstanceOf(ArraylakeNameException.class, e);
        e = refusedLocally("arraylake:services?operation=delete&org=acme&serviceId=edr", Map.of());
        assertTrue(e.getMessage().contains("sends nothing without confirmDelete=true"), e.getMessage());
        assertTrue(emu().service(ORG, "edr").isPresent());

        int before = emu().requests().size();
        Exception twice = failure(
                "arraylake:services?operation=create&org=acme&serviceType=edr",
                Map.of("service_type", "wms"),
                Map.of());
        assertInstanceOf(ArraylakeOptionException.class, twice);
        assertTrue(twice.getMessage().contains("service_type is given by the service type"), twice.getMessage());
        assertEquals(List.of(), Fixture.since(emu(), before), "nothing was sent");
    }

    @Test
    void aMissingOrgNamesTheOptionAndItsHeader() {
        Exception e = refusedLocally("arraylake:buckets?operation=list", Map.of());
        assertInstanceOf(ArraylakeOptionException.class, e);
        assertEquals(
                "arraylake:buckets operation list needs the org option (header CamelArraylakeOrg)", e.getMessage());
        e = refusedLocally("arraylake:buckets?operation=get&org=acme", Map.of());
        assertTrue(e.getMessage().contains("needs the nickname option (header CamelArraylakeNickname)"));
    }

    @Test
    void aBucketInUseIsNotDeletedAndTheServicesDetailSaysWhy() {
        Exception e = failure("arraylake:buckets?operation=delete&org=acme&nickname=main-bucket&confirmDelete=true");
        ArraylakeConflictException conflict = assertInstanceOf(ArraylakeConflictException.class, e);
        assertEquals(409, conflict.status());
        assertTrue(conflict.detail().startsWith("Bucket config main-bucket is in use by "), conflict.detail());
        assertTrue(emu().bucket(ORG, "main-bucket").isPresent());
    }

    @Test
    void anUnknownNicknameIsNamed() {
        Exception e = failure("arraylake:buckets?operation=get&org=acme&nickname=no-such-bucket");
        assertInstanceOf(ArraylakeNotFoundException.class, e);
        assertTrue(e.getMessage().contains("no-such-bucket"), e.getMessage());
        e = failure("arraylake:repos?operation=create&repo=acme/orphan&bucketNickname=no-such-bucket");
        assertInstanceOf(ArraylakeNotFoundException.class, e);
        assertTrue(e.getMessage().contains("no-such-bucket"), e.getMessage());
        assertTrue(emu().repo(ORG, "orphan").isEmpty());
    }

    @Test
    void aUserTokenIsNotAnApiClientToken() {
        String idToken = emu().userTokens(Fixture.ALICE).idToken();
        Exception e = failure("arraylake:orgs?operation=apiClientId&org=acme", idToken, Map.of());
        ArraylakeValidationException invalid = assertInstanceOf(ArraylakeValidationException.class, e);
        assertEquals(422, invalid.status());
        assertTrue(e.getMessage().contains("token is not an API client token of org acme"), e.getMessage());
        assertFalse(e.getMessage().contains(idToken), "the token looked up is not in the message");
        Exception empty = refusedLocally("arraylake:orgs?operation=apiClientId&org=acme", Map.of());
        assertTrue(empty.getMessage().contains("takes the token to look up as the body"), empty.getMessage());
    }

    @Test
    void a422CarriesTheServicesDetailAndRequestId() {
        Exception e = failure("arraylake:repos?operation=create&repo=acme/old-style&kind=v1");
        ArraylakeValidationException invalid = assertInstanceOf(ArraylakeValidationException.class, e);
        assertEquals("v1 repos can no longer be created", invalid.detail());
        RecordedExchange answer = emu().recordedExchanges().stream()
                .filter(x -> x.status() == 422 && x.path().equals("/orgs/acme/repos"))
                .reduce((a, b) -> b)
                .orElseThrow();
        String requestId = answer.responseHeaders().get("x-request-id").get(0);
        assertEquals(requestId, invalid.requestId());
        assertTrue(e.getMessage().contains("v1 repos can no longer be created"), e.getMessage());
        assertTrue(e.getMessage().contains(requestId), e.getMessage());
    }

    @Test
    void aDeleteWithoutConfirmDeleteSendsNothing() {
        emu().createRepo(ORG, "kept", "main-bucket");
        Exception e = refusedLocally("arraylake:repos?operation=delete&repo=acme/kept", Map.of());
        assertEquals(
                "arraylake:repos operation delete sends nothing without confirmDelete=true (header"
                        + " CamelArraylakeConfirmDelete)",
                e.getMessage());
        assertFalse(emu().repo(ORG, "kept").orElseThrow().ghost());
        refusedLocally(
                "arraylake:buckets?operation=delete&org=acme&nickname=open-bucket",
                Map.of(ArraylakeConstants.CONFIRM_DELETE, false));
        assertTrue(emu().bucket(ORG, "open-bucket").isPresent());
        assertTrue(emu().deletions().stream().noneMatch(d -> d.name().equals("kept")));
    }

    @Test
    void anOperationTheResourceLacksFailsTheRouteStartNamingTheOption() throws Exception {
        CamelContext other = Fixture.camel(emu(), Fixture.ADMIN_TOKEN);
        Exception e = assertThrows(Exception.class, () -> {
            other.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:wrong").to("arraylake:buckets?operation=getOrCreate&org=acme");
                }
            });
            other.start();
        });
        Throwable root = e;
        while (root.getCause() != null && !(root instanceof ArraylakeOptionException)) {
            root = root.getCause();
        }
        assertEquals(
                "arraylake:buckets has no operation getOrCreate (option operation); it offers [list, get, create,"
                        + " modify, delete, setDefault, listRepos]",
                root.getMessage());
        other.close();

        Exception perMessage =
                refusedLocally("arraylake:orgs?operation=list", Map.of(ArraylakeConstants.OPERATION, "setStatus"));
        assertEquals(
                "arraylake:orgs has no operation setStatus (header or option operation); it offers [list,"
                        + " apiClientId, checkPermission]",
                perMessage.getMessage());
    }

    @Test
    void optionValuesOutOfTheirRangeAreNamed() {
        int before = emu().requests().size();
        Exception atStart = assertThrows(
                Exception.class,
                () -> template.request("arraylake:repos?operation=setStatus&repo=acme/climate&mode=paused", x -> {}));
        Throwable root = atStart;
        while (root.getCause() != null && !(root instanceof ArraylakeOptionException)) {
            root = root.getCause();
        }
        assertEquals(
                "The mode option (header CamelArraylakeMode) must be one of [online, maintenance, offline], was"
                        + " 'paused'",
                root.getMessage(),
                "a URI value fails when the endpoint is made");
        for (String uri : List.of(
                "arraylake:repos?operation=list&org=acme&page=1&size=0",
                "arraylake:services?operation=logs&org=acme&serviceId=edr&followTimeout=0")) {
            Throwable refused = assertThrows(Exception.class, () -> template.request(uri, x -> {}));
            while (refused.getCause() != null && !(refused instanceof ArraylakeOptionException)) {
                refused = refused.getCause();
            }
            assertInstanceOf(ArraylakeOptionException.class, refused, uri);
            assertTrue(refused.getMessage().contains("option (header CamelArraylake"), refused.getMessage());
        }
        assertEquals(List.of(), Fixture.since(emu(), before));
        Exception e = refusedLocally(
                "arraylake:repos?operation=setStatus&repo=acme/climate", Map.of(ArraylakeConstants.MODE, "paused"));
        assertInstanceOf(ArraylakeOptionException.class, e, "a header value fails its message");
        e = refusedLocally("arraylake:repos?operation=list&org=acme&page=1", Map.of(ArraylakeConstants.SIZE, 500));
        assertEquals("The header CamelArraylakeSize must be 1 to 100, was 500", e.getMessage());
        e = refusedLocally(
                "arraylake:buckets?operation=create&org=acme&nickname=jsonless&bucketUri=s3://x-bucket",
                Map.of(ArraylakeConstants.AUTH_CONFIG, "{not json, secret=hunter2"));
        assertFalse(e.getMessage().contains("hunter2"), "a JSON option's value is never echoed");
    }

    @Test
    void aViewerCannotChangeARepo() throws Exception {
        try (CamelContext viewer =
                Fixture.camel(emu(), emu().userTokens(Fixture.BOB).idToken())) {
            viewer.start();
            Exchange e = viewer.createProducerTemplate()
                    .request("arraylake:repos?operation=modify&repo=acme/climate&description=mine", x -> {});
            ArraylakeAuthException refused = assertInstanceOf(ArraylakeAuthException.class, e.getException());
            assertEquals(403, refused.status());
        }
        assertEquals(
                "Climate model runs", emu().repo(ORG, "climate").orElseThrow().description());
    }

    @Test
    void onlyAnOrgsReposHaveAConsumer() throws Exception {
        for (String uri : List.of("arraylake:buckets?org=acme", "arraylake:repos")) {
            CamelContext other = Fixture.camel(emu(), Fixture.ADMIN_TOKEN);
            Exception e = assertThrows(Exception.class, () -> {
                other.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(uri).to("mock:none");
                    }
                });
                other.start();
            });
            Throwable root = e;
            while (root.getCause() != null && !(root instanceof ArraylakeOptionException)) {
                root = root.getCause();
            }
            assertInstanceOf(ArraylakeOptionException.class, root, uri);
            other.close();
        }
    }
}
