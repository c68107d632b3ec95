package dev.cameltiledb.examples;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** The pipelines as the YAML files of ../routes. */
@Tag("server")
class YamlPipelinesTest extends PipelinesTest {

    @BeforeAll
    static void startYaml() throws Exception {
        start(false);
    }
}
