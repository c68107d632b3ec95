package dev.cameltiledb.arraylake.emulator;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cameltiledb.emulator.common.Answer;
import dev.cameltiledb.emulator.common.Router;

/**
 * The compute services of an org, the calls of the Python client's {@code ComputeHttpClient}: list, enable, status,
 * disable, and the service's log, streamed (a followed log is written as its lines come, outside the state's
 * monitor). Reading needs membership of the org; enabling and disabling the admin role.
 */
final class ServiceEndpoints {

    /** The Python CLI's bounds of {@code follow_timeout}, in seconds, and the client's default. */
    static final int MAX_FOLLOW_TIMEOUT = 600;

    static final int DEFAULT_FOLLOW_TIMEOUT = 30;

    /** Where the emulated services would answer: a name that resolves nowhere, as the emulator serves no data. */
    static final String URL_BASE = "https://compute.arraylake-emulator.invalid/";

    private final ArraylakeState state;
    private final AtomicInteger openLogStreams;

    ServiceEndpoints(ArraylakeState state, AtomicInteger openLogStreams) {
        this.state = state;
        this.openLogStreams = openLogStreams;
    }

    void register(Router<Endpoint> routes) {
        routes.add("GET", "/compute/orgs/{org}/services", this::list);
        routes.add("POST", "/compute/orgs/{org}/services", this::create);
        routes.add("GET", "/compute/orgs/{org}/services/{service}", this::get);
        routes.add("DELETE", "/compute/orgs/{org}/services/{service}", this::delete);
        routes.add("GET", "/compute/orgs/{org}/services/{service}/logs", this::logs);
    }

    private Answer list(Request request) {
        Org org = state.requireOrg(request.pathName("org", NameRules::org));
        Access.member(org, request.principal());
        List<Wire.DeploymentInfo> services = new ArrayList<>();
        for (ComputeService service : org.services()) {
            services.add(view(org, service));
        }
        return Answer.ok(services);
    }

    private Answer create(Request request) {
        String orgName = request.pathName("org", NameRules::org);
        Map<String, Object> config = ServiceRules.config(request.body(), orgName);
        Org org = state.requireOrg(orgName);
        Access.requireAdmin(org, request.principal(), "enable compute services");
        ComputeService service = state.enableService(org, config);
        return Answer.created(new Wire.ServiceMessage("Enabled service " + describe(org, service)));
    }

    private Answer get(Request request) {
        Org org = state.requireOrg(request.pathName("org", NameRules::org));
        ComputeService service = state.requireService(org, request.path("service"));
        Access.member(org, request.principal());
        return Answer.ok(view(org, service));
    }

    private Answer delete(Request request) {
        Org org = state.requireOrg(request.pathName("org", NameRules::org));
        ComputeService service = state.requireService(org, request.path("service"));
        Access.requireAdmin(org, request.principal(), "disable compute services");
        state.disableService(org, service);
        return Answer.ok(new Wire.ServiceMessage("Disabled service " + describe(org, service)));
    }

    /**
     * The selected lines ({@code since}, {@code until}, then the last {@code tail}); followed, the answer goes on with
     * the lines the service writes until {@code follow_timeout} seconds have passed.
     */
    private Answer logs(Request request) {
        String orgName = request.pathName("org", NameRules::org);
        int followTimeout = request.queryInt("follow_timeout", DEFAULT_FOLLOW_TIMEOUT, 1, MAX_FOLLOW_TIMEOUT);
        boolean follow = request.queryBoolean("follow", false);
        Integer tail = request.query("tail") == null ? null : request.queryInt("tail", 0, 1, Integer.MAX_VALUE);
        Instant since = time(request, "since");
        Instant until = time(request, "until");
        Org org = state.requireOrg(orgName);
        ComputeService service = state.requireService(org, request.path("service"));
        Access.member(org, request.principal());

        LogBuffer log = service.log();
        List<LogBuffer.Line> selected = new ArrayList<>();
        for (LogBuffer.Line line : log.lines()) {
            if ((since == null || !line.time().isBefore(since))
                    && (until == null || !line.time().isAfter(until))) {
                selected.add(line);
            }
        }
        if (tail != null && selected.size() > tail) {
            selected = selected.subList(selected.size() - tail, selected.size());
        }
        LogStream.Follow following = follow
                ? new LogStream.Follow(
                        log.nextSequence(),
                        LogStream.nanos(followTimeout),
                        until,
                        log.flood(),
                        log.floodLineBytes(),
                        log.epoch(),
                        state.time())
                : null;
        return Answer.streamed(200, new LogStream(log, selected, following, openLogStreams), Map.of());
    }

    /** A time parameter as pydantic reads a datetime: ISO 8601, with an offset or else UTC. */
    private static Instant time(Request request, String name) {
        String value = request.query(name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw ApiError.invalid(Problem.query(name, "Input should be a valid datetime", "datetime_parsing"));
            }
        }
    }

    static Wire.DeploymentInfo view(Org org, ComputeService service) {
        return new Wire.DeploymentInfo(
                service.name(),
                URL_BASE + service.serviceType() + "/" + org.name() + "/" + service.name(),
                Timestamps.format(service.created()),
                service.config(),
                service.status(),
                service.readyReplicas());
    }

    /** As the client's {@code ServiceConfig.__str__} writes a service: {@code edr://acme/edr-test}. */
    private static String describe(Org org, ComputeService service) {
        return service.serviceType() + "://" + org.name() + "/" + service.name();
    }
}
