package dev.cameltiledb.examples;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cameltiledb.emulator.ArraySnapshot;
import dev.cameltiledb.emulator.TileDBEmulator;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The YAML pipelines of ../routes, loaded by camel-main as the example application loads them, against the emulator. */
class PipelinesTest {

    @Test
    void catalogReportAndPublicShareGuard() throws Exception {
        Logger pipelines = (Logger) LoggerFactory.getLogger("pipeline");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        pipelines.addAppender(lines);
        TileDBEmulator emulator = ExamplesApplication.startDemoEmulator();
        assertTrue(emulator.array("demo-org", "customers").orElseThrow().isPublic(), "the demo starts with a leak");
        Main main = new Main(ExamplesApplication.class);
        main.addInitialProperty("tiledb.host", emulator.url());
        main.addInitialProperty("tiledb.token", ExamplesApplication.DEMO_TOKEN);
        main.addOverrideProperty("camel.main.routes-include-pattern", "file:../routes/*.yaml");
        main.addOverrideProperty("camel.main.duration-max-seconds", "0");
        main.start();
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (emulator.array("demo-org", "customers").orElseThrow().isPublic() && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            ArraySnapshot customers = emulator.array("demo-org", "customers").orElseThrow();
            assertFalse(customers.isPublic(), "the guard unshared the restricted public array");
            assertTrue(emulator.array("demo-org", "weather").orElseThrow().isPublic(), "public arrays not tagged restricted stay public");

            List<String> catalog = lines.list.stream().map(ILoggingEvent::getFormattedMessage)
                    .filter(m -> m.startsWith("catalog: tiledb://")).toList();
            assertEquals(emulator.arrays().stream().filter(a -> a.namespace().equals("demo-org")).count(), catalog.size());
            assertTrue(lines.list.stream().anyMatch(e -> e.getFormattedMessage()
                    .equals("guard: tiledb://demo-org/customers is tagged restricted and was public; public access removed")));
        } finally {
            main.stop();
            emulator.stop();
            pipelines.detachAppender(lines);
        }
    }
}
