package dev.cameltiledb.examples;

import java.util.Map;

import org.apache.camel.main.Main;

/**
 * The activity-audit pipeline alone, in a JVM of its own, for {@link AuditExactlyOnceTest}: args are the emulator's
 * URL, the pipelines folder and the cursor save at which to die (0: never).
 */
public final class AuditCrashRun {

    private AuditCrashRun() {}

    public static void main(String[] args) throws Exception {
        String dir = args[1];
        Main main = ExamplesApplication.newMain(args[0], ExamplesApplication.DEMO_TOKEN);
        Map.of(
                        "camel.main.routes-include-pattern",
                        "file:../routes/activity-audit.yaml",
                        "camel.main.duration-max-seconds",
                        "0",
                        "pipelines.dir",
                        dir,
                        "audit.start-from",
                        "beginning",
                        "catalog.jdbc-url",
                        "jdbc:h2:file:" + dir + "/catalog",
                        "camel.beans.auditState",
                        "#class:" + HaltingStateStore.class.getName(),
                        "camel.beans.auditState.haltAt",
                        args[2],
                        "camel.beans.auditState.auditDir",
                        dir + "/audit")
                .forEach(main::addOverrideProperty);
        main.run();
    }
}
