package dev.cameltiledb.examples;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cameltiledb.arraylake.client.model.Repo;
import dev.cameltiledb.arraylake.client.model.RepoMode;
import dev.cameltiledb.arraylake.component.ArraylakeConstants;
import dev.cameltiledb.client.TileDBApiException;
import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.client.TileDBException;
import dev.cameltiledb.client.TileDBJson;
import dev.cameltiledb.client.model.ArrayInfo;
import dev.cameltiledb.client.model.ArrayTask;
import dev.cameltiledb.component.TileDBConstants;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * The pipelines of {@code routes/} in the Java DSL, for teams that keep routes in code
 * ({@code TILEDB_EXAMPLES_DSL=java}). Same properties, same behaviour; what Java adds is typed access to the
 * models: the catalog row and the audit line are built from the records by methods, not by expressions, and the
 * audit decides what a deletion is with a set.
 */
public class PipelineRoutes extends RouteBuilder {

    static final Set<String> DELETIONS = Set.of("delete", "deregister", "query_delete");

    @Override
    public void configure() {
        from("file:{{inbox.dir}}?include=.*\\.ipynb&move=done&moveFailed=error&delay=1000")
                .routeId("java-notebook-inbox")
                // route-scoped: the reason is written, the exchange stays failed, so the file goes to error
                .onException(Exception.class)
                .handled(false)
                .setBody(simple("${exception.message}"))
                .to("file:{{inbox.dir}}/error?fileName=${file:name}.reason.txt")
                .log(LoggingLevel.WARN, "pipeline.inbox", "inbox: ${file:name} failed: ${exception.message}")
                .end()
                .to(
                        "tiledb:notebooks?operation=upload&namespace={{tiledb.namespace}}&storagePath={{inbox.storage-path}}&onExists=overwrite")
                .process(e -> e.getMessage()
                        .setHeader(TileDBConstants.TILEDB_URI, e.getMessage().getHeader(TileDBConstants.ASSET_URI)))
                .to("tiledb:notebooks?operation=share&targetNamespace={{inbox.share-with}}&actions=read")
                .log(
                        LoggingLevel.INFO,
                        "pipeline.inbox",
                        "inbox: ${file:name} uploaded as ${header.CamelTileDBTiledbUri} and shared with {{inbox.share-with}}");

        from("tiledb:notebooks?namespace={{tiledb.namespace}}&initialSnapshot=true&stateRepository=#backupState"
                        + "&scheduler=quartz&scheduler.cron={{backup.cron}}")
                .routeId("java-notebook-backup")
                .filter(header(TileDBConstants.CHANGE).isNotEqualTo("deleted"))
                .process(e -> {
                    ArrayInfo notebook = e.getMessage().getBody(ArrayInfo.class);
                    e.getMessage()
                            .setHeader(Exchange.FILE_NAME, notebook.namespace() + "__" + notebook.name() + ".ipynb");
                    e.getMessage().setHeader(TileDBConstants.TILEDB_URI, notebook.tiledbUri());
                    e.getMessage().setHeader("backupNotebookId", notebook.id());
                })
                // a notebook the backup cannot hold (a name too long for the file system, or one no TileDB address
                // holds, which the download refuses) is reported once, and the feed moves past it
                .doTry()
                .to("tiledb:notebooks?operation=download&downloadAs=bytes")
                .to("file:{{backup.dir}}")
                .log(
                        LoggingLevel.INFO,
                        "pipeline.backup",
                        "backup: ${header.CamelTileDBTiledbUri} saved as ${header.CamelFileName}")
                .doCatch(GenericFileOperationFailedException.class, TileDBConfigurationException.class)
                .setBody(
                        simple(
                                "${header.CamelTileDBTiledbUri} could not be saved as ${header.CamelFileName}: ${exception.message}"))
                .to("file:{{backup.dir}}/error?fileName=${header.backupNotebookId}.reason.txt")
                .log(
                        LoggingLevel.WARN,
                        "pipeline.backup",
                        "backup: ${header.CamelTileDBTiledbUri} could not be saved; the reason"
                                + " is in error/${header.backupNotebookId}.reason.txt")
                .end();

        from("tiledb:activity?namespace={{tiledb.namespace}}&startFrom={{audit.start-from}}&stateRepository=#auditState&delay=2000")
                .routeId("java-activity-audit")
                // exactly once in the file: an event redelivered after a crash (at-least-once) is dropped here
                .idempotentConsumer(header(TileDBConstants.EVENT_ID))
                .idempotentRepository("auditIds")
                .eager(false)
                .filter(e -> DELETIONS.contains(e.getMessage().getHeader(TileDBConstants.EVENT_ACTION, String.class)))
                .log(
                        LoggingLevel.WARN,
                        "pipeline.audit",
                        "audit: ${header.CamelTileDBEventAction} of ${header.CamelTileDBAssetUri} by ${header.CamelTileDBEventUser}")
                .end()
                .setHeader("auditArray", header(TileDBConstants.ASSET_URI))
                .bean(AuditLines.class, "line")
                .to("file:{{audit.dir}}?fileName=activity-${date:now:yyyy-MM-dd}.jsonl&fileExist=Append")
                .log(
                        LoggingLevel.INFO,
                        "pipeline.audit",
                        "audit: ${header.CamelTileDBEventAction} on ${header.auditArray} by ${header.CamelTileDBEventUser}")
                .end();

        // the Kafka fan-out: keyed by the asset, so one array's events stay in order on one partition; synchronous, so
        // the cursor moves only after Kafka acknowledged (at-least-once, see routes/activity-to-kafka.yaml); made only
        // when a broker is named (ExamplesApplication.useKafka)
        from("tiledb:activity?namespace={{tiledb.namespace}}&startFrom={{kafka.start-from}}&stateRepository=#kafkaState&delay=2000")
                .routeId("java-activity-to-kafka")
                .setHeader(KafkaConstants.KEY, header(TileDBConstants.ASSET_URI))
                .setHeader("tiledb-event-id", header(TileDBConstants.EVENT_ID))
                .setHeader("tiledb-event-action", header(TileDBConstants.EVENT_ACTION))
                .bean(ActivityJson.class, "event")
                .to("kafka:{{kafka.topic}}?brokers={{kafka.brokers}}&synchronous=true&requestRequiredAcks=all"
                        + "&enableIdempotence=true&maxInFlightRequest=5")
                .log(
                        LoggingLevel.INFO,
                        "pipeline.kafka",
                        "kafka: ${header.CamelTileDBEventAction} on ${header.CamelTileDBAssetUri} published to {{kafka.topic}}");

        from("quartz:pipelines/java-catalog-sync?cron={{catalog.cron}}")
                .routeId("java-catalog-sync")
                .to("sql:{{catalog.create-table}}?dataSource=#catalogDataSource")
                .to("tiledb:arrays?operation=list&namespace={{tiledb.namespace}}&perPage=100&streamResults=true")
                .setProperty("catalogTotal", header(TileDBConstants.TOTAL_ITEMS))
                .split(body())
                .streaming()
                .process(e -> e.getMessage().setBody(catalogRow(e.getMessage().getBody(ArrayInfo.class))))
                .to("sql:{{catalog.upsert-by-name}}?dataSource=#catalogDataSource")
                .end()
                .log(
                        LoggingLevel.INFO,
                        "pipeline.catalog",
                        "catalog: upserted ${exchangeProperty.catalogTotal} arrays of {{tiledb.namespace}} into the catalog table");

        from("timer:java-public-share-guard?period={{guard.period}}&delay=2000")
                .routeId("java-public-share-guard")
                .to("tiledb:arrays?operation=list&namespace={{tiledb.namespace}}&tags=restricted&streamResults=true")
                .split(body())
                .streaming()
                .filter(e -> Boolean.TRUE.equals(
                        e.getMessage().getBody(ArrayInfo.class).publicShare()))
                .process(e -> e.getMessage()
                        .setHeader(
                                TileDBConstants.TILEDB_URI,
                                e.getMessage().getBody(ArrayInfo.class).tiledbUri()))
                .to("tiledb:arrays?operation=unshare&targetNamespace=public")
                .log(
                        LoggingLevel.WARN,
                        "pipeline.guard",
                        "guard: ${header.CamelTileDBTiledbUri} is tagged restricted and was public; public access removed");

        from("quartz:pipelines/java-data-catalog?cron={{data-catalog.cron}}")
                .routeId("java-data-catalog")
                .to("sql:{{data-catalog.create-table}}?dataSource=#catalogDataSource")
                .to("tiledb:arrays?operation=list&namespace={{tiledb.namespace}}&perPage=100&streamResults=true")
                .setProperty("tiledbTotal", header(TileDBConstants.TOTAL_ITEMS))
                .split(body())
                .streaming()
                .process(e ->
                        e.getMessage().setBody(dataCatalogRow(e.getMessage().getBody(ArrayInfo.class))))
                .to("sql:{{data-catalog.upsert-by-name}}?dataSource=#catalogDataSource")
                .end()
                .to("arraylake:repos?operation=list&org={{arraylake.org}}&streamResults=true")
                .setProperty("arraylakeTotal", header(ArraylakeConstants.TOTAL_ITEMS))
                .split(body())
                .streaming()
                .process(e ->
                        e.getMessage().setBody(dataCatalogRow(e.getMessage().getBody(Repo.class))))
                .to("sql:{{data-catalog.upsert-by-name}}?dataSource=#catalogDataSource")
                .end()
                .log(
                        LoggingLevel.INFO,
                        "pipeline.data-catalog",
                        "data catalog: ${exchangeProperty.tiledbTotal} TileDB arrays of {{tiledb.namespace}} and"
                                + " ${exchangeProperty.arraylakeTotal} Arraylake repositories of {{arraylake.org}} in data_catalog");

        from("quartz:pipelines/java-sales-by-region?cron={{sales.cron}}")
                .routeId("java-sales-by-region")
                .to("sql:{{sales.create-table}}?dataSource=#catalogDataSource")
                // the statement as a header: its backquotes and spaces need no URI encoding there
                .setHeader(TileDBConstants.QUERY, simple("${properties:sales.query}"))
                .to("tiledb:sql?namespace={{tiledb.namespace}}&taskName=sales-by-region&streamResults=true")
                .setProperty("salesTask", header(TileDBConstants.TASK_ID))
                .split(body())
                .streaming()
                .to("sql:{{sales.upsert}}?dataSource=#catalogDataSource")
                .log(
                        LoggingLevel.INFO,
                        "pipeline.sales",
                        "sql: region ${body[region]} upserted, ${body[sales]} sales totalling ${body[total]} (task ${exchangeProperty.salesTask})");

        from("file:{{csv.dir}}?include=.*\\.csv&move=done&moveFailed=error&delay=1000")
                .routeId("java-csv-to-array")
                .split()
                .tokenize("\n", false, "{{csv.batch-size}}", true)
                .streaming()
                .stopOnException()
                .bean("csvCells", "rows")
                .to("tiledb:arrays?operation=write&namespace={{tiledb.namespace}}&array={{csv.array}}")
                .log(
                        LoggingLevel.INFO,
                        "pipeline.csv",
                        "csv: ${header.CamelTileDBCellsWritten} cells of ${header.CamelFileName} written to"
                                + " tiledb://{{tiledb.namespace}}/{{csv.array}} (fragment at"
                                + " ${header.CamelTileDBFragmentTimestamp})");

        // one poll of the topic, one write, then the batch's offsets committed; a failed batch is polled again
        // (breakOnFirstError), not committed
        from("kafka:{{kafka.cells-topic}}?brokers={{kafka.brokers}}&groupId={{kafka.cells-group}}"
                        + "&autoOffsetReset=earliest&batching=true&maxPollRecords={{kafka.cells-batch-size}}"
                        + "&pollTimeoutMs=1000&autoCommitEnable=false&allowManualCommit=true&breakOnFirstError=true")
                .routeId("java-kafka-to-array")
                .process(e -> e.setProperty("kafkaRecords", e.getMessage().getBody(List.class)))
                .bean(JsonCells.class, "rows")
                .to("tiledb:arrays?operation=write&namespace={{tiledb.namespace}}&array={{csv.array}}")
                .process(e -> JsonCells.commit(e.getProperty("kafkaRecords", List.class)))
                .log(
                        LoggingLevel.INFO,
                        "pipeline.kafka-cells",
                        "kafka: ${header.CamelTileDBCellsWritten} cells of {{kafka.cells-topic}} written to"
                                + " tiledb://{{tiledb.namespace}}/{{csv.array}} (fragment at"
                                + " ${header.CamelTileDBFragmentTimestamp})");

        from("tiledb:cells?namespace={{tiledb.namespace}}&array={{readings.array}}&startFrom={{readings.start-from}}"
                        + "&stateRepository=#cellsState&batchSize={{readings.batch-size}}&delay=2000")
                .routeId("java-cells-to-catalog")
                .to("sql:{{readings.create-table}}?dataSource=#catalogDataSource&noop=true")
                // one statement per cell of the List body, sent as one JDBC batch; the upsert by id makes a window
                // delivered again after a crash write the same rows, not more
                .to("sql:{{readings.upsert}}?dataSource=#catalogDataSource&batch=true")
                .log(
                        LoggingLevel.INFO,
                        "pipeline.cells",
                        "cells: ${header.CamelTileDBCellCount} cells of tiledb://{{tiledb.namespace}}/{{readings.array}}"
                                + " (fragments up to ${header.CamelTileDBWindowEnd}) upserted into {{readings.table}}");

        from("timer:java-udf-setup?repeatCount=1")
                .routeId("java-udf-setup")
                .setHeader(TileDBConstants.UDF_SOURCE, simple("resource:classpath:{{udf.source}}"))
                .setBody(simple("${null}"))
                .doTry()
                .to("tiledb:udfs?operation=register&namespace={{tiledb.namespace}}&udfName={{udf.name}}")
                .doCatch(TileDBApiException.class)
                .to("tiledb:udfs?operation=update&namespace={{tiledb.namespace}}&udfName={{udf.name}}")
                .end()
                .log(LoggingLevel.INFO, "pipeline.udf", "udf: {{tiledb.namespace}}/{{udf.name}} registered");

        from("tiledb:activity?namespace={{tiledb.namespace}}&startFrom={{udf.start-from}}&stateRepository=#udfState&delay=2000")
                .routeId("java-udf-on-write")
                .filter(e -> "query_write".equals(e.getMessage().getHeader(TileDBConstants.EVENT_ACTION))
                        && udfArrays(e).contains(e.getMessage().getHeader(TileDBConstants.ASSET_URI, String.class)))
                .doTry()
                .setHeader(TileDBConstants.ARRAY, header(TileDBConstants.ASSET_URI))
                .setBody(constant(""))
                .to("tiledb:udfs?operation=apply&udfName={{tiledb.namespace}}/{{udf.name}}&taskName={{udf.name}}")
                .process(e -> e.getMessage()
                        .setBody(TileDBJson.mapper()
                                .writeValueAsString(e.getMessage().getBody())))
                .to("file:{{udf.results-dir}}?fileName=${header.CamelTileDBEventId}.json")
                .log(
                        LoggingLevel.INFO,
                        "pipeline.udf",
                        "udf: {{udf.name}} of ${header.CamelTileDBAssetUri} after its write: ${body}")
                .doCatch(TileDBException.class)
                .log(
                        LoggingLevel.WARN,
                        "pipeline.udf",
                        "udf: {{udf.name}} of ${header.CamelTileDBAssetUri} failed: ${exception.message}")
                .end();

        from("tiledb:tasks?namespace={{tiledb.namespace}}&taskStatus=FAILED&startFrom={{alerts.start-from}}"
                        + "&stateRepository=#alertsState&delay=2000")
                .routeId("java-failed-task-alerts")
                .log(
                        LoggingLevel.WARN,
                        "pipeline.alerts",
                        "alert: ${body.type} task ${body.id} (${body.name}) failed: ${body.statusMessage}")
                .process(e -> e.getMessage()
                        .setBody(TileDBJson.mapper()
                                .writeValueAsString(e.getMessage().getBody(ArrayTask.class))))
                .to("file:{{alerts.dir}}?fileName=alerts.jsonl&fileExist=Append&appendChars=\\n");

        maintenanceWindow("start", RepoMode.ONLINE, RepoMode.MAINTENANCE);
        maintenanceWindow("end", RepoMode.MAINTENANCE, RepoMode.ONLINE);
    }

    /** The arrays whose writes run the UDF: udf.arrays, tiledb:// URIs separated by commas. */
    private static Set<String> udfArrays(Exchange e) {
        return Set.of(
                e.getContext().resolvePropertyPlaceholders("{{udf.arrays}}").split(","));
    }

    /**
     * One edge of the maintenance window: the window's repositories in mode {@code from} go to {@code to}. Going back
     * online only touches repositories this window took down (its status message), never someone else's maintenance.
     */
    private void maintenanceWindow(String edge, RepoMode from, RepoMode to) {
        from("quartz:pipelines/java-maintenance-" + edge + "?cron={{maintenance." + edge + "-cron}}")
                .routeId("java-maintenance-window-" + edge)
                .setHeader(
                        ArraylakeConstants.FILTER_METADATA,
                        simple("{\"maintenance-window\": \"${properties:maintenance.window}\"}"))
                .to("arraylake:repos?operation=list&org={{arraylake.org}}&streamResults=true")
                .removeHeader(ArraylakeConstants.FILTER_METADATA)
                .split(body())
                .streaming()
                .filter(e -> inWindow(
                        e.getMessage().getBody(Repo.class),
                        from,
                        e.getContext().resolvePropertyPlaceholders("{{maintenance.message}}")))
                .process(e -> e.getMessage()
                        .setHeader(
                                ArraylakeConstants.REPO,
                                e.getMessage().getBody(Repo.class).fullName()))
                .setHeader(
                        ArraylakeConstants.MESSAGE,
                        to == RepoMode.MAINTENANCE ? simple("${properties:maintenance.message}") : constant(null))
                .to("arraylake:repos?operation=setStatus&mode=" + to.wire())
                .setBody(simple("${date:now:yyyy-MM-dd'T'HH:mm:ssXXX} ${header.CamelArraylakeRepo} " + from.wire()
                        + " -> " + to.wire() + " ({{maintenance.window}} window)"))
                .to("file:{{maintenance.audit-dir}}?fileName=maintenance.log&fileExist=Append&appendChars=\\n")
                .log(
                        LoggingLevel.INFO,
                        "pipeline.maintenance",
                        "maintenance: ${header.CamelArraylakeRepo} "
                                + (to == RepoMode.MAINTENANCE ? "set to maintenance" : "back online")
                                + " ({{maintenance.window}} window)");
    }

    /** A repository the window acts on: in mode {@code from}, and when back from maintenance, taken down by us. */
    static boolean inWindow(Repo repo, RepoMode from, String windowMessage) {
        return repo.status() != null
                && repo.status().mode() == from
                && (from != RepoMode.MAINTENANCE
                        || windowMessage.equals(repo.status().message()));
    }

    /** A TileDB array's row of the data catalog, keyed by the named parameters of {@code data-catalog.upsert-by-name}. */
    static Map<String, Object> dataCatalogRow(ArrayInfo array) {
        return dataCatalogRow(
                "tiledb",
                array.id(),
                array.namespace(),
                array.name(),
                array.type(),
                array.uri(),
                array.description(),
                array.lastAccessed() == null ? null : java.sql.Timestamp.from(array.lastAccessed()));
    }

    /** An Arraylake repository's row of the data catalog. */
    static Map<String, Object> dataCatalogRow(Repo repo) {
        return dataCatalogRow(
                "arraylake",
                repo.id(),
                repo.org(),
                repo.name(),
                repo.kind(),
                repo.location(),
                repo.description(),
                repo.updated() == null
                        ? null
                        : java.sql.Timestamp.from(repo.updated().toInstant()));
    }

    private static Map<String, Object> dataCatalogRow(
            String service,
            String id,
            String owner,
            String name,
            String kind,
            String location,
            String description,
            java.sql.Timestamp updatedAt) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("service", service);
        row.put("id", id);
        row.put("owner", owner);
        row.put("name", name);
        row.put("kind", kind);
        row.put("location", location);
        row.put("description", description);
        row.put("updatedAt", updatedAt);
        return row;
    }

    /** One catalog row, keyed by the named parameters of {@code catalog.upsert-by-name}. */
    static Map<String, Object> catalogRow(ArrayInfo array) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", array.id());
        row.put("namespace", array.namespace());
        row.put("name", array.name());
        row.put("type", array.type());
        row.put("size", array.size());
        row.put("tags", String.valueOf(array.tags()));
        row.put("lastAccessed", array.lastAccessed() == null ? null : java.sql.Timestamp.from(array.lastAccessed()));
        row.put("publicShare", array.publicShare());
        return row;
    }
}
