package dev.cameltiledb.examples;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** The pipelines as their Java DSL twins in PipelineRoutes. */
@Tag("server")
class JavaPipelinesTest extends PipelinesTest {

    @BeforeAll
    static void startJava() throws Exception {
        start(true);
    }
}
