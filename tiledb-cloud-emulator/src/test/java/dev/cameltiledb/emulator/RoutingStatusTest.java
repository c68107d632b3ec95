package dev.cameltiledb.emulator;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.cameltiledb.emulator.common.Router;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 404 for a path no method serves, 405 (with {@code Allow}) only for a path some other method serves, checked for
 * every registered route, on a classic server and on a workspace server (whose namespace takes two segments). The
 * expected status comes from the route templates read as regular expressions, not from the Router itself.
 */
class RoutingStatusTest {

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyRouteAnswers404Or405AsItsPathAndMethodSay(boolean workspaceServer) throws Exception {
        TileDBEmulator.Builder builder = TileDBEmulator.builder();
        if (workspaceServer) {
            builder.workspaceServer();
        }
        try (TileDBEmulator emulator = builder.build().start()) {
            List<Router.Template> routes = emulator.router().templates();
            assertTrue(routes.size() > 40, "routes: " + routes.size());
            List<String> wrong = new ArrayList<>();
            int checked = 0;
            for (Router.Template route : routes) {
                String path = concrete(route.path(), workspaceServer);
                // the path itself, one segment more (served by no route, or by a longer one), and one with a
                // literal segment changed
                for (String probe : List.of(path, path + "/no-such-part", path.replace("/v1/", "/v9/"))) {
                    Set<String> served = servedMethods(routes, probe, workspaceServer);
                    for (String method : METHODS) {
                        if (served.contains(method)) {
                            continue; // a handler runs; what it answers is the other tests' business
                        }
                        HttpResponse<String> r = EmulatorRequests.send(emulator, method, probe, null, null);
                        int expected = served.isEmpty() ? 404 : 405;
                        checked++;
                        if (r.statusCode() != expected) {
                            wrong.add(method + " " + probe + " -> " + r.statusCode() + ", expected " + expected);
                        } else if (expected == 405) {
                            Set<String> allow = new LinkedHashSet<>(List.of(
                                    r.headers().firstValue("Allow").orElse("").split(", ")));
                            if (!allow.equals(served)) {
                                wrong.add(method + " " + probe + ": Allow " + allow + ", expected " + served);
                            }
                        }
                    }
                }
            }
            assertEquals(List.of(), wrong);
            assertTrue(checked > 200, "probes: " + checked);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anEncodedSlashInANamespacePartIsNoRouteAtAll(boolean workspaceServer) throws Exception {
        TileDBEmulator.Builder builder = TileDBEmulator.builder();
        if (workspaceServer) {
            builder.workspaceServer();
        }
        try (TileDBEmulator emulator = builder.build().start()) {
            String path = workspaceServer ? "/v1/arrays/acme%2Fx/research/sales/metadata" : "/v1/arrays/acme/sales/x/y";
            // GET serves that template, but the path names no namespace: not a 405 for PUT either
            assertEquals(
                    404,
                    EmulatorRequests.send(emulator, "GET", path, null, null).statusCode());
            assertEquals(
                    404,
                    EmulatorRequests.send(emulator, "PUT", path, null, null).statusCode());
        }
    }

    /** The methods whose templates match the path, found with regular expressions. */
    private static Set<String> servedMethods(List<Router.Template> routes, String path, boolean workspaceServer) {
        Set<String> methods = new LinkedHashSet<>();
        for (Router.Template route : routes) {
            String regex = Pattern.quote(route.path())
                    .replace(
                            "{" + TileDBEmulator.NAMESPACE + "}",
                            "\\E" + (workspaceServer ? "[^/]+/[^/]+" : "[^/]+") + "\\Q")
                    .replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            if (path.matches(regex)) {
                methods.add(route.method());
            }
        }
        return methods;
    }

    private static String concrete(String template, boolean workspaceServer) {
        return template.replace("{" + TileDBEmulator.NAMESPACE + "}", workspaceServer ? "acme/research" : "acme")
                .replaceAll("\\{[^}]+}", "x1");
    }
}
