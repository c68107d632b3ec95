package dev.cameltiledb.examples;

import org.apache.camel.main.Main;
import org.junit.jupiter.api.Tag;

/** The Kafka fan-out as its Java DSL twin in PipelineRoutes, alone (the other pipelines are filtered out). */
@Tag("server")
class JavaActivityToKafkaTest extends ActivityToKafkaTest {

    @Override
    void loadRoutes(Main main) {
        ExamplesApplication.useJavaRoutes(main);
        main.configure().setRouteFilterIncludePattern("java-activity-to-kafka");
    }
}
