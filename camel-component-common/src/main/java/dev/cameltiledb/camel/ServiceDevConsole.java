package dev.cameltiledb.camel;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Component;
import org.apache.camel.Endpoint;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * A component's dev console (Camel JBang's {@code camel get}, the HTTP dev console, Hawtio): its endpoints (resource,
 * operation, host), its polling consumers ({@link ConsumerStatus}: cursors, backlog, lag, partitions, last poll, last
 * error) and its clients (pool, requests, retries, deadline hits), as text and as JSON. It shows no endpoint URI and
 * no option value beyond those: a secret given in a URI or an option reaches none of it.
 */
public abstract class ServiceDevConsole extends AbstractDevConsole {

    private final Class<? extends Component> component;

    protected ServiceDevConsole(
            String id, String displayName, String description, Class<? extends Component> component) {
        super("camel", id, displayName, description);
        this.component = component;
    }

    private record Consumer(String routeId, ServiceEndpoint endpoint, ConsumerStatus status) {}

    @Override
    protected String doCallText(Map<String, Object> options) {
        List<ServiceEndpoint> endpoints = endpoints();
        List<Consumer> consumers = consumers();
        Map<Object, Map<String, Object>> clients = clients(endpoints);
        StringBuilder out = new StringBuilder();
        out.append("Endpoints: ").append(endpoints.size()).append('\n');
        for (ServiceEndpoint e : endpoints) {
            out.append(String.format(
                    "  %s  operation: %s  host: %s%n", label(e), orDash(e.operationName()), host(e.getServiceUrl())));
        }
        out.append("Consumers: ").append(consumers.size()).append('\n');
        for (Consumer c : consumers) {
            StreamPositions p = c.status().positions();
            out.append(String.format("  route %s (%s): %s%n", c.routeId(), label(c.endpoint()), p.kind()));
            out.append(String.format(
                    "    streams: %d  cursor oldest: %s  newest: %s  backlog: %d  lag: %s%n",
                    p.streams(),
                    orDash(p.oldest()),
                    orDash(p.newest()),
                    p.backlog(),
                    c.status().lag() == null ? "-" : c.status().lag().toMillis() + " ms"));
            if (!p.furthestBehind().isEmpty()) {
                out.append("    furthest behind: ")
                        .append(String.join(", ", p.furthestBehind()))
                        .append('\n');
            }
            out.append(String.format(
                    "    partitions held: %s  fence epoch: %s%n",
                    p.partitionsHeld().isEmpty() ? "none" : String.join(",", p.partitionsHeld()),
                    orDash(p.fenceEpoch())));
            out.append(String.format(
                    "    last poll: %s  requests in it: %d  last error: %s%n",
                    orDash(c.status().lastPoll()),
                    c.status().lastPollRequests(),
                    orDash(c.status().lastError())));
        }
        out.append("Clients: ").append(clients.size()).append('\n');
        for (Map<String, Object> u : clients.values()) {
            out.append(String.format(
                    "  %s  pool: %s leased, %s available, %s pending (max %s)  requests: %s  retries: %s  deadline"
                            + " hits: %s%n",
                    u.get("host"),
                    u.get("leased"),
                    u.get("available"),
                    u.get("pending"),
                    u.get("max"),
                    u.get("requests"),
                    u.get("retries"),
                    u.get("deadlineHits")));
        }
        return out.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        List<ServiceEndpoint> endpoints = endpoints();
        JsonArray endpointsJson = new JsonArray();
        for (ServiceEndpoint e : endpoints) {
            JsonObject json = new JsonObject();
            json.put("endpoint", label(e));
            json.put("resource", e.resourceName());
            json.put("operation", e.operationName());
            json.put("host", host(e.getServiceUrl()));
            endpointsJson.add(json);
        }
        JsonArray consumersJson = new JsonArray();
        for (Consumer c : consumers()) {
            JsonObject json = new JsonObject();
            json.put("routeId", c.routeId());
            json.put("endpoint", label(c.endpoint()));
            c.status()
                    .toMap()
                    .forEach((name, value) ->
                            json.put(name, value instanceof List<?> list ? new JsonArray(list) : value));
            consumersJson.add(json);
        }
        JsonArray clientsJson = new JsonArray();
        clients(endpoints).values().forEach(u -> clientsJson.add(new JsonObject(u)));
        JsonObject root = new JsonObject();
        root.put("endpoints", endpointsJson);
        root.put("consumers", consumersJson);
        root.put("clients", clientsJson);
        return root;
    }

    /** This component's endpoints in the context. */
    private List<ServiceEndpoint> endpoints() {
        List<ServiceEndpoint> ours = new ArrayList<>();
        for (Endpoint e : getCamelContext().getEndpoints()) {
            if (e instanceof ServiceEndpoint service && component.isInstance(e.getComponent())) {
                ours.add(service);
            }
        }
        return ours;
    }

    /** This component's polling consumers that run (under {@code master:}, on the node that leads), by route. */
    private List<Consumer> consumers() {
        List<Consumer> ours = new ArrayList<>();
        for (ServiceEndpoint endpoint : endpoints()) {
            for (StatefulBatchConsumer consumer : endpoint.runningConsumers()) {
                ours.add(new Consumer(consumer.routeOf(), endpoint, consumer.status()));
            }
        }
        ours.sort(Comparator.comparing(c -> String.valueOf(c.routeId())));
        return ours;
    }

    /** One entry per client, its host first: endpoints that share a client (and its pool) show it once. */
    private static Map<Object, Map<String, Object>> clients(List<ServiceEndpoint> endpoints) {
        Map<Object, Map<String, Object>> clients = new IdentityHashMap<>();
        for (ServiceEndpoint e : endpoints) {
            Object client = e.runningClient();
            if (client != null && !clients.containsKey(client)) {
                Map<String, Object> usage = new LinkedHashMap<>();
                usage.put("host", host(e.getServiceUrl()));
                usage.putAll(e.clientUsage());
                clients.put(client, usage);
            }
        }
        return clients;
    }

    private String label(ServiceEndpoint e) {
        return getId() + ":" + e.resourceName();
    }

    /** Scheme, host, port and path only: a URL's user info or query could hold a credential. */
    private static String host(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null) {
                return "(not a URL)";
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                    + (uri.getRawPath() == null ? "" : uri.getRawPath());
        } catch (IllegalArgumentException e) {
            return "(not a URL)";
        }
    }

    private static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }
}
