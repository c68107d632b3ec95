package dev.cameltiledb.arraylake.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the endpoint of a method and path. Paths such as {@code /orgs/{org}/buckets} and {@code /orgs/{org}/{repo}}
 * overlap, so a route with more literal segments wins, whatever order the routes were added in (FastAPI would take
 * the first declared; the service declares its literal routes first).
 */
final class RouteTable {

    @FunctionalInterface
    interface Endpoint {
        Answer handle(Request request);
    }

    /** {@code open}: answered without a bearer token (only {@code /refresh_token}). */
    record Route(String method, String template, List<String> segments, boolean open, Endpoint endpoint) {

        long literalCount() {
            return segments.stream().filter(s -> !s.startsWith("{")).count();
        }
    }

    record Match(Route route, Map<String, String> variables) {}

    private final List<Route> routes = new ArrayList<>();

    RouteTable add(String method, String template, Endpoint endpoint) {
        return add(method, template, false, endpoint);
    }

    RouteTable addOpen(String method, String template, Endpoint endpoint) {
        return add(method, template, true, endpoint);
    }

    private RouteTable add(String method, String template, boolean open, Endpoint endpoint) {
        routes.add(new Route(method, template, List.of(template.substring(1).split("/")), open, endpoint));
        routes.sort(Comparator.comparingLong(Route::literalCount).reversed());
        return this;
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }

    Optional<Match> find(String method, String rawPath) {
        String[] parts = rawPath.substring(1).split("/", -1);
        for (Route route : routes) {
            if (route.method().equals(method)) {
                Map<String, String> variables = bind(route, parts);
                if (variables != null) {
                    return Optional.of(new Match(route, variables));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether some route serves the path with another method: a 405 rather than a 404. */
    boolean knowsPath(String rawPath) {
        String[] parts = rawPath.substring(1).split("/", -1);
        return routes.stream().anyMatch(r -> bind(r, parts) != null);
    }

    private static Map<String, String> bind(Route route, String[] parts) {
        if (route.segments().size() != parts.length) {
            return null;
        }
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String segment = route.segments().get(i);
            String part = URLDecoder.decode(parts[i].replace("+", "%2B"), StandardCharsets.UTF_8);
            if (segment.startsWith("{")) {
                if (part.isEmpty()) {
                    return null;
                }
                variables.put(segment.substring(1, segment.length() - 1), part);
            } else if (!segment.equals(part)) {
                return null;
            }
        }
        return variables;
    }
}
