package dev.cameltiledb.component;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.cameltiledb.client.TileDBNotFoundException;
import dev.cameltiledb.client.model.OrganizationUser;
import dev.cameltiledb.client.model.User;
import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.RecordedExchange;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.testing.LogCapture;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An organization's members on {@code tiledb:user} (the member operations of workspaces and teamspaces, on the classic
 * {@code /v1/organizations} paths), and another user's profile, over HTTP to the emulator.
 */
class OrganizationMembersTest extends CamelTestSupport {

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture(SuiteEmulator.ALICE_TOKEN);

    private static final String ORG = "crew";

    @BeforeAll
    static void seed() {
        SuiteEmulator.get().seed(new Seed(null, List.of(new Organization(ORG, Map.of("alice", "owner"))), null));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:crew").to(SuiteEmulator.uri("user", "organization=" + ORG));
            }
        };
    }

    private Exchange crew(String operation, Map<String, Object> headers) {
        return template.request("direct:crew", e -> {
            e.getMessage().setHeaders(headers);
            e.getMessage().setHeader(TileDBConstants.OPERATION, operation);
        });
    }

    private Object ok(String operation, Map<String, Object> headers) {
        Exchange reply = crew(operation, headers);
        if (reply.getException() != null) {
            throw new AssertionError(operation + " failed", reply.getException());
        }
        return reply.getMessage().getBody();
    }

    private static List<RecordedExchange> sent(String method, String path) {
        return SuiteEmulator.get().recordedExchanges().stream()
                .filter(x -> x.method().equals(method) && x.rawPath().equals(path))
                .toList();
    }

    @Test
    void addReadChangeListAndRemoveMembers() {
        @SuppressWarnings("unchecked")
        List<OrganizationUser> added = (List<OrganizationUser>)
                ok("addMembers", Map.of(TileDBConstants.MEMBERS, "bob", TileDBConstants.ROLE, "read_write"));
        assertEquals("bob", added.get(0).username());
        assertEquals("read_write", added.get(0).role());
        String body =
                new String(sent("POST", "/v1/organizations/crew/user").get(0).requestBody(), StandardCharsets.UTF_8);
        assertTrue(body.contains("\"username\":\"bob\"") && body.contains("\"role\":\"read_write\""), body);

        ok("updateMember", Map.of(TileDBConstants.USER, "bob", TileDBConstants.ROLE, "admin"));
        assertEquals(1, sent("PATCH", "/v1/organizations/crew/bob").size());
        OrganizationUser bob = (OrganizationUser) ok("getMember", Map.of(TileDBConstants.USER, "bob"));
        assertEquals("admin", bob.role());
        assertEquals(ORG, bob.organizationName());

        @SuppressWarnings("unchecked")
        List<OrganizationUser> all = (List<OrganizationUser>) ok("listMembers", Map.of());
        assertEquals(
                List.of("alice", "bob"),
                all.stream().map(OrganizationUser::username).sorted().toList());

        ok("removeMembers", Map.of(TileDBConstants.MEMBERS, "bob"));
        assertEquals(1, sent("DELETE", "/v1/organizations/crew/bob").size());
        assertInstanceOf(
                TileDBNotFoundException.class,
                crew("getMember", Map.of(TileDBConstants.USER, "bob")).getException());
    }

    @Test
    void aFailedAdditionNamesWhoWasAddedAndMissingOptionsAreNamed() {
        Exchange partly = crew(
                "addMembers", Map.of(TileDBConstants.MEMBERS, "carol,nobody-such", TileDBConstants.ROLE, "read_only"));
        assertTrue(
                partly.getException().getMessage().startsWith("Added [carol] but not nobody-such"),
                partly.getException().getMessage());
        assertEquals("read_only", ((OrganizationUser) ok("getMember", Map.of(TileDBConstants.USER, "carol"))).role());

        Exchange noOrg = template.request(SuiteEmulator.uri("user", "operation=listMembers"), e -> {});
        assertEquals(
                "The listMembers operation needs the organization option (header CamelTileDBOrganization)",
                noOrg.getException().getMessage());
        assertEquals(
                "The updateMember operation needs the role option (header CamelTileDBRole)",
                crew("updateMember", Map.of(TileDBConstants.USER, "carol"))
                        .getException()
                        .getMessage());
    }

    @Test
    void anotherUsersProfileShowsWhatAnyoneMaySee() {
        User bob = (User) ok("profile", Map.of(TileDBConstants.USER, "bob"));
        assertEquals("bob", bob.username());
        assertNull(bob.email(), "another user's email is not shown");
        assertEquals(1, sent("GET", "/v1/users/bob").size());
        User self = (User) ok("profile", Map.of());
        assertEquals("alice@example.com", self.email());
    }
}
