package dev.cameltiledb.emulator.common;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the route of a method and a raw path among path templates such as {@code /v1/arrays/{namespace}/{array}}. The
 * raw path is split on {@code /} first and each segment decoded after, so an encoded storage URI
 * ({@code s3%3A%2F%2Fbucket%2Fx}) is one variable; an empty segment is no variable. Where templates overlap
 * ({@code /orgs/{org}/buckets} and {@code /orgs/{org}/{repo}}), the one with more literal segments wins, then the one
 * registered first, as both services' routers give a literal segment precedence over a variable one.
 *
 * <p>One variable may span several segments ({@link #Router(String, int)}): TileDB's workspace platform names a
 * namespace by two, {@code /v1/arrays/acme/research/sales} with the namespace {@code acme/research}, so routes are
 * registered once, in their one-segment form, and serve either platform.
 *
 * @param <H> the service's handler type
 */
public final class Router<H> {

    /** A match: the route, and the path variables it bound. */
    public record Match<H>(Route<H> route, Map<String, String> variables) {}

    /** A registered route as its method and template, as it was added. */
    public record Template(String method, String path) {}

    /** A route with its template split into segments, a wide variable spread over its parts. */
    private record Entry<H>(Route<H> route, String[] segments, long literals) {}

    private final List<Entry<H>> routes = new ArrayList<>();
    /** Paths no route may take, as segments: the service does not serve them, though a route would otherwise match. */
    private final List<String[]> notServed = new ArrayList<>();

    private final String wideVariable;
    private final int width;

    /** Every variable spans one segment. */
    public Router() {
        this(null, 1);
    }

    /** {@code wideVariable} spans {@code width} segments; the handlers get its parts joined with {@code /}. */
    public Router(String wideVariable, int width) {
        this.wideVariable = wideVariable;
        this.width = width;
    }

    /** A route whose access follows its method ({@link Access#byMethod}). */
    public Router<H> add(String method, String template, H handler) {
        return add(method, template, Access.byMethod(method), handler);
    }

    /** A route that declares what it does to the state: a GET that the service logs as activity writes. */
    public Router<H> add(String method, String template, Access access, H handler) {
        return add(new Route<>(method, template, access, false, false, handler));
    }

    /** A route answered without credentials. */
    public Router<H> addOpen(String method, String template, Access access, H handler) {
        return add(new Route<>(method, template, access, true, false, handler));
    }

    /** A route whose handler receives the request body as a stream itself (an upload); it writes. */
    public Router<H> addStreamed(String method, String template, H handler) {
        return add(new Route<>(method, template, Access.WRITE, false, true, handler));
    }

    /**
     * A route whose handler receives the request body as a stream and declares its access: {@link Access#OWN} for a
     * long call that takes bodies larger than the dispatcher reads whole (TileDB's query protocol).
     */
    public Router<H> addStreamed(String method, String template, Access access, H handler) {
        return add(new Route<>(method, template, access, false, true, handler));
    }

    private Router<H> add(Route<H> route) {
        String[] segments = segments(route.path());
        long literals = java.util.Arrays.stream(segments)
                .filter(s -> !s.startsWith("{"))
                .count();
        Entry<H> entry = new Entry<>(route, segments, literals);
        int at = 0;
        while (at < routes.size() && routes.get(at).literals() >= literals) {
            at++;
        }
        routes.add(at, entry);
        return this;
    }

    /**
     * A path the service does not serve but that a route with variables would otherwise take
     * ({@code /v1/organizations/{organization}/sso_domains} looks like a member lookup): with every method it is no
     * route at all, so it answers the "no endpoint" 404 as any other unserved path.
     */
    public Router<H> notServed(String template) {
        notServed.add(template.substring(1).split("/", -1));
        return this;
    }

    /** The route of the request, or empty; {@link #allowedMethods} tells a 405 from a 404. */
    public Optional<Match<H>> match(String method, String rawPath) {
        String[] parts = parts(rawPath);
        if (isNotServed(parts)) {
            return Optional.empty();
        }
        for (Entry<H> entry : routes) {
            if (entry.route().method().equals(method)) {
                Map<String, String> variables = bind(entry.segments(), parts);
                if (variables != null) {
                    return Optional.of(new Match<>(entry.route(), variables));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The methods some route serves on the path, in the order they were registered within equal precedence; empty when
     * no route matches it with any method (a 404), else a request with another method is a 405.
     */
    public Set<String> allowedMethods(String rawPath) {
        String[] parts = parts(rawPath);
        Set<String> methods = new LinkedHashSet<>();
        if (!isNotServed(parts)) {
            for (Entry<H> entry : routes) {
                if (bind(entry.segments(), parts) != null) {
                    methods.add(entry.route().method());
                }
            }
        }
        return methods;
    }

    /** Every route, most literal segments first. */
    public List<Route<H>> routes() {
        return routes.stream().map(Entry::route).toList();
    }

    /** Every route as its method and template. */
    public List<Template> templates() {
        return routes.stream()
                .map(e -> new Template(e.route().method(), e.route().path()))
                .toList();
    }

    private String[] segments(String template) {
        List<String> segments = new ArrayList<>();
        // -1: a template ending in "/" keeps its empty last segment, as a request's path does
        for (String segment : template.substring(1).split("/", -1)) {
            if (width > 1 && segment.equals("{" + wideVariable + "}")) {
                for (int i = 0; i < width; i++) {
                    segments.add("{" + wideVariable + "#" + i + "}");
                }
            } else {
                segments.add(segment);
            }
        }
        return segments.toArray(String[]::new);
    }

    private static String[] parts(String rawPath) {
        return rawPath.substring(1).split("/", -1);
    }

    private boolean isNotServed(String[] parts) {
        return notServed.stream().anyMatch(template -> bind(template, parts) != null);
    }

    /** The variables the parts bind to the template's, the wide one joined; null when they do not match. */
    private Map<String, String> bind(String[] template, String[] parts) {
        if (template.length != parts.length) {
            return null;
        }
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < template.length; i++) {
            String segment = template[i];
            String part = decode(parts[i]);
            if (segment.startsWith("{")) {
                if (part.isEmpty()) {
                    return null;
                }
                variables.put(segment.substring(1, segment.length() - 1), part);
            } else if (!segment.equals(part)) {
                return null;
            }
        }
        return joinWide(variables);
    }

    /** The parts of the wide variable as one value, {@code workspace/teamspace}, as the handlers expect it. */
    private Map<String, String> joinWide(Map<String, String> variables) {
        if (width == 1 || !variables.containsKey(wideVariable + "#0")) {
            return variables;
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            String part = variables.remove(wideVariable + "#" + i);
            if (part.contains("/")) {
                // an encoded slash inside one part would make two different names look alike
                return null;
            }
            parts.add(part);
        }
        variables.put(wideVariable, String.join("/", parts));
        return variables;
    }

    private static String decode(String segment) {
        // a path segment keeps '+' literal; only %XX is an escape
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
