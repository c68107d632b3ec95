package dev.cameltiledb.examples;

import org.apache.camel.main.Main;

/** The Kafka fan-out as its Java DSL twin in PipelineRoutes, alone (the other pipelines are filtered out). */
class JavaActivityToKafkaTest extends ActivityToKafkaTest {

    @Override
    void loadRoutes(Main main) {
        ExamplesApplication.useJavaRoutes(main);
        main.configure().setRouteFilterIncludePattern("java-activity-to-kafka");
    }
}
