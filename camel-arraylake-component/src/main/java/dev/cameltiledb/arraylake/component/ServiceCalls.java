package dev.cameltiledb.arraylake.component;

import java.util.Map;

import dev.cameltiledb.arraylake.client.ArraylakeClient;
import dev.cameltiledb.arraylake.client.ServicesApi;
import dev.cameltiledb.arraylake.client.model.LogQuery;
import dev.cameltiledb.arraylake.client.model.NewService;

/**
 * {@code arraylake:services}: the compute services of an org, the Python client's {@code get_services(org)}: list,
 * get (the status), create (enable), delete (disable, with {@code confirmDelete=true}) and logs, whose body is the
 * live log's lines ({@link LogLines}) for {@code .split(body()).streaming()}: read them to the end or close them.
 */
final class ServiceCalls implements ResourceCalls {

    @Override
    public void run(MessageCall call, ArraylakeClient client) {
        ServicesApi services = client.services();
        String org = call.org();
        switch (call.operation) {
            case list -> call.message.setBody(call.unpaged(services.list(org)));
            case get -> call.message.setBody(services.status(org, call.serviceId()));
            case create -> call.message.setBody(services.create(org, newService(call)));
            case delete -> {
                String serviceId = call.serviceId();
                call.requireDeleteConfirmed();
                call.message.setBody(services.delete(org, serviceId));
            }
            case logs ->
                call.message.setBody(new LogLines(
                        services.logs(org, call.serviceId(), query(call.options)), call.options.getMaxResults()));
            default -> throw ResourceCalls.unhandled(call);
        }
    }

    /** A NewService body as it is; else serviceType, publicAccess, deploymentName, and a Map body's further fields. */
    private static NewService newService(MessageCall call) {
        if (call.message.getBody() instanceof NewService given) {
            return given;
        }
        ArraylakeConfiguration o = call.options;
        Map<String, Object> settings = call.mapBody();
        try {
            return new NewService(
                    call.required(o.getServiceType(), "serviceType"),
                    o.isPublicAccess(),
                    o.getDeploymentName(),
                    settings);
        } catch (IllegalArgumentException e) {
            throw new ArraylakeOptionException("arraylake:services operation create takes further ServiceConfig"
                    + " fields (min_replicas, max_replicas, log_level...) as a Map body; " + e.getMessage()
                    + " (the serviceType, publicAccess and deploymentName options)");
        }
    }

    private static LogQuery query(ArraylakeConfiguration o) {
        return new LogQuery(
                o.getTail(),
                OptionChecks.time(o.getSince(), "since"),
                OptionChecks.time(o.getUntil(), "until"),
                o.isFollow(),
                o.getFollowTimeout());
    }
}
