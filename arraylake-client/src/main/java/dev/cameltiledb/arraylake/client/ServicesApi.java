package dev.cameltiledb.arraylake.client;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cameltiledb.arraylake.client.model.ComputeService;
import dev.cameltiledb.arraylake.client.model.LogQuery;
import dev.cameltiledb.arraylake.client.model.Names;
import dev.cameltiledb.arraylake.client.model.NewService;
import dev.cameltiledb.rest.CallDeadline;

/**
 * The compute services of an org (Flux: DAP2, EDR, WMS... endpoints over its repos), the calls of the Python client's
 * {@code ComputeClient} ({@code Client().get_services(org)}): list, status, enable, disable and the service's log,
 * which is streamed. A service is addressed by its id, the {@code name} a listing answers.
 */
public final class ServicesApi {

    private static final TypeReference<List<ComputeService>> SERVICES = new TypeReference<>() {};
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final Transport transport;

    ServicesApi(Transport transport) {
        this.transport = transport;
    }

    /** The org's services ({@code list_enabled}). */
    public List<ComputeService> list(String org) {
        Names.org(org);
        return transport.read(Call.get("compute", "orgs", org, "services"), SERVICES);
    }

    /**
     * Enables a service ({@code enable}); the answer as the service gives it, whose {@code message} says what was
     * done (the Python client returns it as a dict too).
     */
    public Map<String, Object> create(String org, NewService service) {
        Names.org(org);
        return transport.read(
                Call.of("POST", "compute", "orgs", org, "services").body(service.body(org)), OBJECT);
    }

    /**
     * A service's status ({@code get_status}) as the service answers it: the Python client documents no shape for it
     * and returns the dict, so this returns the map without presuming fields.
     */
    public Map<String, Object> status(String org, String serviceId) {
        return transport.read(service("GET", org, serviceId), OBJECT);
    }

    /** Disables a service ({@code disable}); the answer's {@code message} says what was done. */
    public Map<String, Object> delete(String org, String serviceId) {
        return transport.read(service("DELETE", org, serviceId), OBJECT);
    }

    /**
     * The service's log ({@code stream_logs}, and {@code get_logs} when not followed), streamed: close it, or read it
     * to its end. The call waits for the answer's headers within {@code callTimeout}; the lines then come at the
     * reader's pace. A followed log is cut when it runs past its follow timeout plus the {@code requestTimeout}.
     */
    public ServiceLog logs(String org, String serviceId, LogQuery q) {
        LogQuery query = q == null ? LogQuery.all() : q;
        Call call = service("GET", org, serviceId)
                .segment("logs")
                .query("follow_timeout", query.followTimeout())
                .query("follow", query.follow() ? "true" : null)
                .query("tail", query.tail())
                .query(
                        "since",
                        query.since() == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(query.since()))
                .query(
                        "until",
                        query.until() == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(query.until()));
        ArraylakeSettings settings = transport.settings();
        CallDeadline followDeadline = query.follow()
                ? CallDeadline.start(
                        query.followTimeout() * 1000L
                                + settings.requestTimeout().toMillis(),
                        "followTimeout + requestTimeout")
                : null;
        try {
            return new ServiceLog(transport.stream(call), settings.maxResponseSize(), followDeadline);
        } catch (RuntimeException e) {
            if (followDeadline != null) {
                followDeadline.close();
            }
            throw e;
        }
    }

    private static Call service(String method, String org, String serviceId) {
        Names.org(org);
        Names.serviceId(serviceId);
        return Call.of(method, "compute", "orgs", org, "services", serviceId);
    }
}
