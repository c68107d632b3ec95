package dev.cameltiledb.arraylake.component;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.cameltiledb.arraylake.client.ArraylakeClient;
import dev.cameltiledb.arraylake.client.ArraylakeSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Run by {@link ServiceLogMemoryTest} in a JVM with a small heap: a route follows a log that never ends through
 * {@code .split(body()).streaming()} until {@code maxResults} lines ({@code args[2]}) have come, where the log is
 * closed; a second call on the same client, which has one connection, shows the log's connection was released.
 * Prints what it saw; exits 0 only when all of that held.
 */
public final class EndlessLogRoute {

    private EndlessLogRoute() {}

    public static void main(String[] args) throws Exception {
        String serviceUri = args[0];
        String token = args[1];
        long maxLines = Long.parseLong(args[2]);
        AtomicLong lines = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        try (ArraylakeClient single = ArraylakeClient.create(ArraylakeSettings.builder()
                        .serviceUri(serviceUri)
                        .token(token)
                        .maxConnections(1)
                        .requestTimeout(Duration.ofSeconds(10))
                        .build());
                CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("single", single);
            ArraylakeComponent component = new ArraylakeComponent();
            component.setEnvironment(Map.of(), Files.createTempDirectory("arraylake-home"));
            camel.addComponent("arraylake", component);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:follow")
                            .to("arraylake:services?operation=logs&org=acme&serviceId=edr&follow=true"
                                    + "&followTimeout=600&arraylakeClient=#single&maxResults=" + maxLines)
                            .split(body())
                            .streaming()
                            .process(e -> {
                                lines.incrementAndGet();
                                bytes.addAndGet(
                                        e.getMessage().getBody(String.class).length() + 1);
                            });
                }
            });
            camel.start();
            Exchange done = camel.createProducerTemplate().send("direct:follow", e -> {});
            List<?> services = camel.createProducerTemplate()
                    .requestBody(
                            "arraylake:services?operation=list&org=acme&arraylakeClient=#single", null, List.class);
            boolean released = !services.isEmpty();
            System.out.println("lines=" + lines + " bytes=" + bytes + " failed=" + done.isFailed() + " released="
                    + released + " maxHeap=" + Runtime.getRuntime().maxMemory() + " streamCaching="
                    + camel.isStreamCaching());
            System.exit(!done.isFailed() && released && lines.get() == maxLines ? 0 : 3);
        }
    }
}
