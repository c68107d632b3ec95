package dev.cameltiledb.component;

import java.util.HashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/** Sends one operation with its headers and body to a route, failing the test with the cause when it fails. */
final class Operations {

    private Operations() {}

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
