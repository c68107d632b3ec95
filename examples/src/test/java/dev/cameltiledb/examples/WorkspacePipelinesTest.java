package dev.cameltiledb.examples;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * The YAML pipelines of ../routes, unchanged, on the workspace platform: the demo data lives in the teamspace
 * demo/analytics of a workspace-mode emulator, and only the tiledb.namespace property differs.
 */
@Tag("server")
class WorkspacePipelinesTest extends PipelinesTest {

    @BeforeAll
    static void startOnTheWorkspacePlatform() throws Exception {
        start(false, ExamplesApplication.DemoServer.WORKSPACE);
    }
}
