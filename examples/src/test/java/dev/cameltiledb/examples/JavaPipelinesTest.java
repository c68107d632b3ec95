package dev.cameltiledb.examples;

import org.junit.jupiter.api.BeforeAll;

/** The pipelines as their Java DSL twins in PipelineRoutes. */
class JavaPipelinesTest extends PipelinesTest {

    @BeforeAll
    static void startJava() throws Exception {
        start(true);
    }
}
