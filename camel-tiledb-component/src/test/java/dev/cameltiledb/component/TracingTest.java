package dev.cameltiledb.component;

import java.util.List;

import dev.cameltiledb.emulator.RecordedExchange;
import dev.cameltiledb.emulator.TileDBEmulator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.opentelemetry2.OpenTelemetryTracer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With Camel's tracing on (camel-opentelemetry2), the producer's HTTP calls carry the W3C {@code traceparent} of the
 * route's trace; without it, none.
 */
class TracingTest {

    private static final TileDBEmulator EMULATOR = SuiteEmulator.get();
    private static final String LIST = "operation=list&perPage=10&serverGeneration=CLASSIC&namespace=";

    @Test
    void requestsCarryTheRouteTracesTraceparent() throws Exception {
        SuiteEmulator.namespace("traced-ns", 15);
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                        .build();
                DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("otelTracer", provider.get("camel-tiledb-test"));
            camel.getRegistry()
                    .bind("otelPropagators", ContextPropagators.create(W3CTraceContextPropagator.getInstance()));
            OpenTelemetryTracer tracer = new OpenTelemetryTracer();
            tracer.init(camel);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:traced").routeId("traced").to(SuiteEmulator.arrays(LIST + "traced-ns"));
                }
            });
            camel.start();
            camel.createProducerTemplate().requestBody("direct:traced", null, List.class);

            List<SpanData> spans = exporter.getFinishedSpanItems();
            assertFalse(spans.isEmpty(), "spans exported");
            String traceId = spans.get(0).getTraceId();
            assertTrue(spans.stream().allMatch(s -> s.getTraceId().equals(traceId)), "one trace: " + spans);
            List<RecordedExchange> listings = listingsOf("traced-ns");
            assertEquals(2, listings.size()); // 15 arrays, 10 a page
            for (RecordedExchange listing : listings) {
                List<String> traceparent = listing.requestHeaders().get("traceparent");
                assertTrue(traceparent != null && traceparent.size() == 1, "traceparent sent: " + traceparent);
                // version-traceid-spanid-flags
                String[] parts = traceparent.get(0).split("-");
                assertEquals(4, parts.length, traceparent.get(0));
                assertEquals(traceId, parts[1]);
                // the parent is one of the route's exported spans (the tiledb endpoint's)
                assertTrue(
                        spans.stream().anyMatch(s -> s.getSpanId().equals(parts[2])),
                        "parent span " + parts[2] + " among " + spans);
            }
        }
    }

    @Test
    void withoutTracingNoTraceparentIsSent() throws Exception {
        SuiteEmulator.namespace("untraced-ns", 3);
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.start();
            camel.createProducerTemplate().requestBody(SuiteEmulator.arrays(LIST + "untraced-ns"), null, List.class);
            List<RecordedExchange> listings = listingsOf("untraced-ns");
            assertEquals(1, listings.size());
            assertFalse(listings.get(0).requestHeaders().containsKey("traceparent"));
            assertFalse(listings.get(0).requestHeaders().containsKey("tracestate"));
        }
    }

    private static List<RecordedExchange> listingsOf(String namespace) {
        return EMULATOR.recordedExchanges().stream()
                .filter(e -> e.rawPath().startsWith("/v1/arrays/browser/owned"))
                .filter(e -> List.of(namespace).equals(e.query().get("namespace")))
                .toList();
    }
}
