package dev.cameltiledb.emulator.common;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouterTest {

    private static String matched(Router<String> router, String method, String path) {
        return router.match(method, path).map(m -> m.route().handler()).orElse("none");
    }

    @Test
    void theRouteWithMoreLiteralSegmentsWinsWhateverTheOrderOfRegistration() {
        Router<String> router = new Router<String>()
                .add("GET", "/orgs/{org}/{repo}", "repo")
                .add("GET", "/orgs/{org}/buckets", "buckets");
        assertEquals("buckets", matched(router, "GET", "/orgs/acme/buckets"));
        assertEquals("repo", matched(router, "GET", "/orgs/acme/climate"));
    }

    @Test
    void amongEqualRoutesTheFirstRegisteredWins() {
        Router<String> router =
                new Router<String>().add("GET", "/a/{x}", "first").add("GET", "/a/{y}", "second");
        assertEquals("first", matched(router, "GET", "/a/1"));
    }

    @Test
    void variablesAreDecodedOneSegmentAtATimeAndAnEmptySegmentIsNoVariable() {
        Router<String> router = new Router<String>().add("GET", "/v1/arrays/{namespace}/{array}", "array");
        Optional<Router.Match<String>> match = router.match("GET", "/v1/arrays/acme/s3%3A%2F%2Fbucket%2Fa+b");
        assertEquals(
                Map.of("namespace", "acme", "array", "s3://bucket/a+b"),
                match.orElseThrow().variables());
        assertEquals("none", matched(router, "GET", "/v1/arrays/acme/"));
    }

    @Test
    void aWideVariableSpansItsSegmentsAndRefusesAnEncodedSlashInsideOne() {
        Router<String> router =
                new Router<String>("namespace", 2).add("GET", "/v1/arrays/{namespace}/{array}", "array");
        assertEquals(
                Map.of("namespace", "acme/research", "array", "sales"),
                router.match("GET", "/v1/arrays/acme/research/sales")
                        .orElseThrow()
                        .variables());
        assertEquals("none", matched(router, "GET", "/v1/arrays/acme/sales"));
        assertEquals("none", matched(router, "GET", "/v1/arrays/ac%2Fme/research/sales"));
        assertEquals(Set.of(), router.allowedMethods("/v1/arrays/ac%2Fme/research/sales"));
    }

    @Test
    void allowedMethodsTellA405FromA404AndANotServedPathIsNoRouteAtAll() {
        Router<String> router = new Router<String>()
                .add("GET", "/v1/organizations/{organization}/{username}", "member")
                .add("DELETE", "/v1/organizations/{organization}/{username}", "remove")
                .notServed("/v1/organizations/{organization}/sso_domains");
        assertEquals(List.of("GET", "DELETE"), List.copyOf(router.allowedMethods("/v1/organizations/acme/bob")));
        assertEquals("none", matched(router, "PATCH", "/v1/organizations/acme/bob"));
        assertEquals("none", matched(router, "GET", "/v1/organizations/acme/sso_domains"));
        assertTrue(router.allowedMethods("/v1/organizations/acme/sso_domains").isEmpty());
        assertTrue(router.allowedMethods("/v1/nothing").isEmpty());
    }

    @Test
    void aRouteDeclaresWhatItDoesToTheStateAndItsMethodDecidesByDefault() {
        Router<String> router = new Router<String>()
                .add("GET", "/read", "read")
                .add("POST", "/write", "write")
                .add("GET", "/logged", Access.WRITE, "logged")
                .addOpen("GET", "/open", Access.READ, "open")
                .addStreamed("PUT", "/upload", "upload");
        Map<String, Route<String>> byHandler = new java.util.HashMap<>();
        router.routes().forEach(r -> byHandler.put(r.handler(), r));
        assertEquals(Access.READ, byHandler.get("read").access());
        assertEquals(Access.WRITE, byHandler.get("write").access());
        assertEquals(Access.WRITE, byHandler.get("logged").access());
        assertTrue(byHandler.get("open").open());
        assertTrue(byHandler.get("upload").streamedBody());
        assertEquals(Access.WRITE, byHandler.get("upload").access());
    }
}
