package dev.cameltiledb.examples;

import org.junit.jupiter.api.BeforeAll;

/** The pipelines as the YAML files of ../routes. */
class YamlPipelinesTest extends PipelinesTest {

    @BeforeAll
    static void startYaml() throws Exception {
        start(false);
    }
}
