package dev.cameltiledb.examples;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.cameltiledb.client.model.ArrayInfo;
import dev.cameltiledb.component.TileDBConstants;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.GenericFileOperationFailedException;

/**
 * The five pipelines of {@code routes/} in the Java DSL, for teams that keep routes in code
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
                .to("tiledb:notebooks?operation=download&downloadAs=bytes")
                // a notebook the folder cannot hold is reported once, and the feed moves past it
                .doTry()
                .to("file:{{backup.dir}}")
                .log(
                        LoggingLevel.INFO,
                        "pipeline.backup",
                        "backup: ${header.CamelTileDBTiledbUri} saved as ${header.CamelFileName}")
                .doCatch(GenericFileOperationFailedException.class)
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
