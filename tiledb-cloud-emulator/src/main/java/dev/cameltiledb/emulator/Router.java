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
 *
 * <p>The variable {@code {namespace}} spans {@link #namespaceWidth} segments: one on the classic server
 * ({@code /v1/arrays/acme/sales}), two on a workspace server ({@code /v1/arrays/acme/research/sales}, the namespace
 * {@code acme/research}). So the routes are registered once, in their classic form, and serve either platform.
 */
final class Router {

    /** The template variable that names a namespace; it is the only one that may span several segments. */
    static final String NAMESPACE = "namespace";

    private static final String NAMESPACE_PART = "{" + NAMESPACE + "#";

    @FunctionalInterface
    interface Handler {
        void handle(HttpCall call);
    }

    /** The handler, the path variables and the route that matched. */
    record Match(Handler handler, Map<String, String> variables, Template route) {}

    /** {@code path} is the template as registered, {@code /v1/arrays/{namespace}/{array}}, for listings and tests. */
    private record Route(String method, String path, String[] template, Handler handler) {}

    /** A registered route as its method and template, as it was added. */
    record Template(String method, String path) {}

    private final List<Route> routes = new ArrayList<>();
    /** Paths of the official API the emulator does not serve, as segments: no route may take them. */
    private final List<String[]> notServed = new ArrayList<>();

    private final int namespaceWidth;

    Router() {
        this(1);
    }

    /** {@code namespaceWidth}: how many path segments {@code {namespace}} takes (1 classic, 2 workspace). */
    Router(int namespaceWidth) {
        this.namespaceWidth = namespaceWidth;
    }

    Router add(String method, String template, Handler handler) {
        List<String> segments = new ArrayList<>();
        // -1: a template ending in "/" keeps its empty last segment, as a request's path does
        for (String segment : template.substring(1).split("/", -1)) {
            if (segment.equals("{" + NAMESPACE + "}") && namespaceWidth > 1) {
                for (int i = 0; i < namespaceWidth; i++) {
                    segments.add(NAMESPACE_PART + i + "}");
                }
            } else {
                segments.add(segment);
            }
        }
        routes.add(new Route(method, template, segments.toArray(String[]::new), handler));
        return this;
    }

    /**
     * A path of the official API that the emulator does not serve but that a route with variables would otherwise
     * take ({@code /v1/organizations/{organization}/sso_domains} looks like a member lookup): with every method it
     * is no route at all, so it answers the "no endpoint" 404, as any other path no route serves. The service's router
     * gives a literal segment precedence over a variable one, so such a request never reaches the overlapping
     * operation there either.
     */
    Router notServed(String template) {
        notServed.add(template.substring(1).split("/", -1));
        return this;
    }

    /** The handler for the request, or empty; {@link #allowedMethods} tells a 405 from a 404. */
    Optional<Match> match(String method, String rawPath) {
        String[] segments = rawPath.substring(1).split("/", -1);
        if (isNotServed(segments)) {
            return Optional.empty();
        }
        for (Route route : routes) {
            if (!route.method().equals(method) || route.template().length != segments.length) {
                continue;
            }
            Map<String, String> variables = joinNamespace(matchSegments(route.template(), segments));
            if (variables != null) {
                return Optional.of(new Match(route.handler(), variables, new Template(route.method(), route.path())));
            }
        }
        return Optional.empty();
    }

    /**
     * The methods some route serves on the path, in the order they were added; empty when no route matches it with
     * any method (a 404), otherwise a request with another method is a 405 that lists these in {@code Allow}. The path
     * is matched exactly as {@link #match} matches it, the joining of a wide namespace included.
     */
    java.util.Set<String> allowedMethods(String rawPath) {
        String[] segments = rawPath.substring(1).split("/", -1);
        java.util.Set<String> methods = new java.util.LinkedHashSet<>();
        if (isNotServed(segments)) {
            return methods;
        }
        for (Route route : routes) {
            if (route.template().length == segments.length
                    && joinNamespace(matchSegments(route.template(), segments)) != null) {
                methods.add(route.method());
            }
        }
        return methods;
    }

    /** Every route, in the order they were added. */
    List<Template> templates() {
        return routes.stream().map(r -> new Template(r.method(), r.path())).toList();
    }

    private boolean isNotServed(String[] segments) {
        return notServed.stream()
                .anyMatch(template -> template.length == segments.length && matchSegments(template, segments) != null);
    }

    /** The parts of a wide namespace as one variable, {@code workspace/teamspace}, as the handlers expect it. */
    private Map<String, String> joinNamespace(Map<String, String> variables) {
        if (variables == null || namespaceWidth == 1 || !variables.containsKey(NAMESPACE + "#0")) {
            return variables;
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < namespaceWidth; i++) {
            String part = variables.remove(NAMESPACE + "#" + i);
            if (part.contains("/")) {
                // an encoded slash inside a workspace or teamspace name would make two namespaces look alike
                return null;
            }
            parts.add(part);
        }
        variables.put(NAMESPACE, String.join("/", parts));
        return variables;
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
