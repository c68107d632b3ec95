package dev.cameltiledb.examples;

import org.apache.camel.main.Main;
import org.junit.jupiter.api.Tag;

/** The Kafka writes into an array as their Java DSL twin in PipelineRoutes, alone (the other pipelines filtered out). */
@Tag("server")
class JavaKafkaToArrayTest extends KafkaToArrayTest {

    @Override
    void loadRoutes(Main main) {
        ExamplesApplication.useJavaRoutes(main);
        main.configure().setRouteFilterIncludePattern("java-kafka-to-array");
    }
}
