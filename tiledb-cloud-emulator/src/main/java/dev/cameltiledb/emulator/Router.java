package dev.cameltiledb.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches a method and a raw path against path templates such as {@code /v1/arrays/{namespace}/{array}}. The raw
 * path is split on {@code /} first and each segment decoded after, so an encoded storage URI
 * ({@code s3%3A%2F%2Fbucket%2Fx}) is one variable. Templates are tried in the order they were added, so literal
 * routes such as {@code /v1/arrays/browser/owned} must be added before the variable ones they overlap.
 */
final class Router {

    @FunctionalInterface
    interface Handler {
        void handle(HttpCall call);
    }

    record Match(Handler handler, Map<String, String> variables) {}

    private record Route(String method, String[] template, Handler handler) {}

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String template, Handler handler) {
        routes.add(new Route(method, template.substring(1).split("/"), handler));
        return this;
    }

    /** The handler for the request, or empty; {@code pathExists} tells a 405 from a 404. */
    Optional<Match> match(String method, String rawPath) {
        String[] segments = rawPath.substring(1).split("/", -1);
        for (Route route : routes) {
            if (!route.method().equals(method) || route.template().length != segments.length) {
                continue;
            }
            Map<String, String> variables = matchSegments(route.template(), segments);
            if (variables != null) {
                return Optional.of(new Match(route.handler(), variables));
            }
        }
        return Optional.empty();
    }

    boolean pathExists(String rawPath) {
        String[] segments = rawPath.substring(1).split("/", -1);
        return routes.stream()
                .anyMatch(r -> r.template().length == segments.length && matchSegments(r.template(), segments) != null);
    }

    private static Map<String, String> matchSegments(String[] template, String[] segments) {
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{")) {
                String value = decode(segments[i]);
                if (value.isEmpty()) {
                    return null;
                }
                variables.put(t.substring(1, t.length() - 1), value);
            } else if (!t.equals(segments[i])) {
                return null;
            }
        }
        return variables;
    }

    private static String decode(String segment) {
        // a path segment keeps '+' literal; only %XX is an escape
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
