package dev.cameltiledb.component;

import java.util.HashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/** Sends operations with their headers and bodies to a route, and reads how they ended. */
final class Operations {

    private Operations() {}

    /** Sends {@code body} with {@code headers} to a route and answers the exchange, failed or not. */
    static Exchange send(ProducerTemplate template, String endpoint, Object body, Map<String, Object> headers) {
        return template.request(endpoint, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new HashMap<>(headers));
        });
    }

    /** The reply's body; an exchange that failed fails the test with its cause. */
    static Object ok(Exchange reply) {
        if (reply.getException() != null) {
            throw new AssertionError("the exchange failed", reply.getException());
        }
        return reply.getMessage().getBody();
    }

    /** The message of the error an exchange failed with; one that did not fail fails the test. */
    static String refusal(Exchange reply) {
        if (reply.getException() == null) {
            throw new AssertionError(
                    "the exchange did not fail; its body: " + reply.getMessage().getBody());
        }
        return reply.getException().getMessage();
    }

    static Object call(
            ProducerTemplate template, String endpoint, String operation, Object body, Map<String, Object> headers) {
        Map<String, Object> all = new HashMap<>(headers);
        all.put(TileDBConstants.OPERATION, operation);
        Exchange reply = template.request(endpoint, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(all);
        });
        if (reply.getException() != null) {
            throw new AssertionError("operation " + operation + " on " + endpoint + " failed", reply.getException());
        }
        return reply.getMessage().getBody();
    }
}
