package dev.cameltiledb.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.cameltiledb.client.TileDBAuthenticationException;
import dev.cameltiledb.client.model.Organization;
import dev.cameltiledb.client.model.User;
import dev.cameltiledb.emulator.RecordedExchange;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.testing.LogCapture;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** tiledb:user operations, and the ways to log in, against the emulator over HTTP. */
class UserAndLoginTest extends CamelTestSupport {

    @RegisterExtension
    static final LogCapture LOGS =
            new LogCapture("dora-key", "dora-password-1", "not-her-password", "eve-key", "session-");

    @TempDir
    static Path profiles;

    @BeforeAll
    static void seed() throws Exception {
        SuiteEmulator.get()
                .seed(new Seed(
                        List.of(
                                new dev.cameltiledb.emulator.User(
                                        "dora",
                                        "dora@example.com",
                                        "dora-password-1",
                                        List.of("dora-key"),
                                        "Dora D",
                                        null,
                                        List.of("read"),
                                        "s3://dora-bucket",
                                        "dora-creds"),
                                new dev.cameltiledb.emulator.User(
                                        "eve",
                                        "eve@example.com",
                                        "eve-password-1",
                                        List.of("eve-key"),
                                        null,
                                        "eve-billing",
                                        null,
                                        null,
                                        null)),
                        List.of(
                                new dev.cameltiledb.emulator.Organization("dora-readers", Map.of("dora", "read_only")),
                                new dev.cameltiledb.emulator.Organization(
                                        "dora-workers", Map.of("dora", "read_write"))),
                        null));
        Files.writeString(
                profiles.resolve("profiles.json"),
                "{\"version\": 1, \"ci\": {\"rest.token\": \"dora-key\", \"rest.server_address\": \""
                        + SuiteEmulator.get().url() + "\"}}");
    }

    private static String user(String options) {
        return "tiledb:user?host=" + SuiteEmulator.get().url() + "&" + options;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:dora").to(user("apiKey=dora-key"));
                from("direct:session").to(user("operation=profile&username=dora&password=dora-password-1"));
                from("direct:basic")
                        .to(user("operation=profile&username=dora&password=dora-password-1&noSession=true"));
                from("direct:wrong").to(user("operation=profile&username=dora&password=not-her-password"));
                from("direct:profile").to("tiledb:user?operation=profile&profileName=ci&profileDir=" + profiles);
                from("direct:eve").to(user("operation=defaultChargedNamespace&apiKey=eve-key"));
            }
        };
    }

    private static List<RecordedExchange> since(int before) {
        List<RecordedExchange> all = SuiteEmulator.get().recordedExchanges();
        return all.subList(before, all.size());
    }

    @Test
    void profileOfTheCaller() {
        User dora =
                template.requestBodyAndHeader("direct:dora", null, TileDBConstants.OPERATION, "profile", User.class);
        assertEquals("dora", dora.username());
        assertEquals("Dora D", dora.name());
        assertEquals("s3://dora-bucket", dora.defaultS3Path());
        assertEquals(
                List.of("dora-readers", "dora-workers"),
                dora.organizations().stream().map(o -> o.organizationName()).toList());
    }

    @Test
    void organizationsAndOneOrganizationByNameOrId() {
        List<Organization> orgs = template.requestBodyAndHeader(
                "direct:dora", null, TileDBConstants.OPERATION, "organizations", List.class);
        assertEquals(
                List.of("dora-readers", "dora-workers"),
                orgs.stream().map(Organization::name).toList());
        assertEquals("read_only", orgs.get(0).role());
        Organization byName = template.requestBodyAndHeaders(
                "direct:dora",
                null,
                Map.of(TileDBConstants.OPERATION, "organization", TileDBConstants.ORGANIZATION, "dora-workers"),
                Organization.class);
        assertEquals("read_write", byName.role());
        Organization byId = template.requestBodyAndHeaders(
                "direct:dora",
                null,
                Map.of(TileDBConstants.OPERATION, "organization", TileDBConstants.ORGANIZATION, byName.id()),
                Organization.class);
        assertEquals("dora-workers", byId.name());
    }

    @Test
    void organizationWithoutItsOptionNamesIt() {
        Exchange reply = template.request(
                "direct:dora", e -> e.getMessage().setHeader(TileDBConstants.OPERATION, "organization"));
        assertEquals(
                "The organization operation needs the organization option (header CamelTileDBOrganization)",
                reply.getException().getMessage());
    }

    @Test
    void defaultChargedNamespaceFollowsThePythonRules() {
        assertEquals(
                "eve-billing", template.requestBody("direct:eve", null, String.class), "default_namespace_charged");
        assertEquals(
                "dora-readers",
                template.requestBodyAndHeader(
                        "direct:dora", null, TileDBConstants.OPERATION, "defaultChargedNamespace", String.class),
                "the first organization");
        assertEquals(
                "dora-workers",
                template.requestBodyAndHeaders(
                        "direct:dora",
                        null,
                        Map.of(
                                TileDBConstants.OPERATION,
                                "defaultChargedNamespace",
                                TileDBConstants.REQUIRED_ACTION,
                                "run_job"),
                        String.class),
                "the first organization that allows run_job");
        Exchange none = template.request("direct:dora", e -> {
            e.getMessage().setHeader(TileDBConstants.OPERATION, "defaultChargedNamespace");
            e.getMessage().setHeader(TileDBConstants.REQUIRED_ACTION, "edit_billing");
        });
        assertTrue(none.getException()
                .getMessage()
                .startsWith("No namespace of user 'dora' can be charged for 'edit_billing'"));
    }

    @Test
    void usernameAndPasswordLogInOnceForASessionToken() {
        int before = SuiteEmulator.get().recordedExchanges().size();
        assertEquals(
                "dora", template.requestBody("direct:session", null, User.class).username());
        assertEquals(
                "dora", template.requestBody("direct:session", null, User.class).username());
        List<RecordedExchange> seen = since(before);
        assertEquals(
                List.of("/v1/session", "/v1/user", "/v1/user"),
                seen.stream().map(RecordedExchange::rawPath).toList());
        assertEquals(List.of("true"), seen.get(0).query().get("remember_me"));
        assertTrue(seen.get(0).requestHeaders().get("authorization").get(0).startsWith("Basic "));
        String sessionToken =
                seen.get(1).requestHeaders().get("x-tiledb-rest-api-key").get(0);
        assertTrue(sessionToken.startsWith("session-"));
        assertNull(seen.get(1).requestHeaders().get("authorization"), "after login only the session token is sent");
    }

    @Test
    void noSessionSendsBasicAuthEveryTime() {
        int before = SuiteEmulator.get().recordedExchanges().size();
        template.requestBody("direct:basic", null, User.class);
        template.requestBody("direct:basic", null, User.class);
        List<RecordedExchange> seen = since(before);
        assertEquals(
                List.of("/v1/user", "/v1/user"),
                seen.stream().map(RecordedExchange::rawPath).toList());
        assertTrue(seen.stream()
                .allMatch(x -> x.requestHeaders().get("authorization").get(0).startsWith("Basic ")
                        && x.requestHeaders().get("x-tiledb-rest-api-key") == null));
    }

    @Test
    void wrongPasswordFailsAtTheFirstCallNamingHostAndUser() {
        Exchange reply = template.request("direct:wrong", e -> {});
        TileDBAuthenticationException e = assertInstanceOf(TileDBAuthenticationException.class, reply.getException());
        assertEquals(401, e.getStatusCode());
        assertTrue(
                e.getMessage()
                        .contains("user 'dora' (session token) from options at "
                                + SuiteEmulator.get().url()),
                e.getMessage());
        assertFalse(e.getMessage().contains("not-her-password"));
    }

    @Test
    void namedProfileSuppliesHostAndToken() {
        assertEquals(
                "dora", template.requestBody("direct:profile", null, User.class).username());
    }

    @Test
    void missingProfileFailsAtRouteStartNamingFileAndProfile() {
        Exception e = assertThrows(
                Exception.class,
                () -> context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:noProfile")
                                .to("tiledb:user?operation=profile&profileName=nope&profileDir=" + profiles);
                    }
                }));
        String messages = causes(e);
        assertTrue(
                messages.contains("The profile 'nope' does not exist in " + profiles.resolve("profiles.json")),
                messages);
    }

    @Test
    void operationOfAnotherResourceFailsAtRouteStart() {
        Exception e = assertThrows(
                Exception.class,
                () -> context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:misplaced").to(user("apiKey=dora-key&operation=list"));
                    }
                }));
        assertTrue(
                causes(e)
                        .contains(
                                "tiledb:user does not offer the list operation; list belongs to [arrays, groups, notebooks,"
                                        + " teamspaces, assets, files, credentials, tasks, udfs, taskgraphs]"),
                causes(e));
    }

    @Test
    void operationOfAnotherResourceInAHeaderFailsAtMessageTime() {
        Exchange reply =
                template.request("direct:dora", e -> e.getMessage().setHeader(TileDBConstants.OPERATION, "info"));
        assertEquals(
                "tiledb:user does not offer the info operation; info belongs to [arrays, groups, notebooks, udfs, taskgraphs]",
                reply.getException().getMessage());
    }

    private static String causes(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
