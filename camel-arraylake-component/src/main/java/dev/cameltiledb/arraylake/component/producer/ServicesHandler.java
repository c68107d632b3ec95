package dev.cameltiledb.arraylake.component.producer;

import java.time.OffsetDateTime;
import java.util.Map;

import dev.cameltiledb.arraylake.client.ArraylakeClient;
import dev.cameltiledb.arraylake.client.ServicesApi;
import dev.cameltiledb.arraylake.client.model.LogQuery;
import dev.cameltiledb.arraylake.client.model.NewService;
import dev.cameltiledb.arraylake.component.ArraylakeConstants;
import dev.cameltiledb.arraylake.component.ArraylakeOperation;
import dev.cameltiledb.arraylake.component.ArraylakeOptionException;
import dev.cameltiledb.arraylake.component.ArraylakeResource;
import dev.cameltiledb.arraylake.component.ServiceOptions;
import org.apache.camel.Message;

/**
 * {@code arraylake:services}: the compute services of an org, the Python client's {@code get_services(org)}: list,
 * get (the status), create (enable), delete (disable, with {@code confirmDelete=true}) and logs, whose body is the
 * live log's lines ({@link LogLines}) for {@code .split(body()).streaming()}: read them to the end or close them.
 */
final class ServicesHandler implements ResourceHandler {

    @Override
    public void handle(ArraylakeOperation operation, MessageOptions options, Message message, ArraylakeClient client) {
        ServicesApi services = client.services();
        String org = options.org();
        switch (operation) {
            case list -> message.setBody(options.unpaged(services.list(org)));
            case get -> message.setBody(services.status(org, serviceId(options)));
            case create -> message.setBody(services.create(org, newService(options, message)));
            case delete -> {
                String serviceId = serviceId(options);
                options.requireDeleteConfirmed();
                message.setBody(services.delete(org, serviceId));
            }
            case logs -> {
                LogQuery query = query(options.services());
                message.setBody(new LogLines(
                        services.logs(org, serviceId(options), query),
                        options.listing().getMaxResults()));
            }
            default -> throw ResourceHandler.notHandled(ArraylakeResource.services, operation);
        }
    }

    private static String serviceId(MessageOptions options) {
        return options.required(options.services().getServiceId(), "serviceId");
    }

    /** A NewService body as it is; else serviceType, publicAccess, deploymentName, and a Map body's further fields. */
    private static NewService newService(MessageOptions options, Message message) {
        if (message.getBody() instanceof NewService given) {
            return given;
        }
        ServiceOptions s = options.services();
        Map<String, Object> settings = options.mapBody();
        try {
            return new NewService(
                    options.required(s.getServiceType(), "serviceType").name(),
                    s.isPublicAccess(),
                    s.getDeploymentName(),
                    settings);
        } catch (IllegalArgumentException e) {
            throw new ArraylakeOptionException("arraylake:services operation create takes further ServiceConfig"
                    + " fields (min_replicas, max_replicas, log_level...) as a Map body; " + e.getMessage()
                    + " (the serviceType, publicAccess and deploymentName options)");
        }
    }

    /** The log's window, tail and following, read before anything is sent: an until before since fails. */
    private static LogQuery query(ServiceOptions s) {
        OffsetDateTime since = MessageOptions.time(s.getSince(), "since");
        OffsetDateTime until = MessageOptions.time(s.getUntil(), "until");
        if (since != null && until != null && until.isBefore(since)) {
            throw new ArraylakeOptionException("The until option (header " + ArraylakeConstants.UNTIL + ") is before"
                    + " since (header " + ArraylakeConstants.SINCE + "): " + until + " < " + since);
        }
        return new LogQuery(s.getTail(), since, until, s.isFollow(), s.getFollowTimeout());
    }
}
