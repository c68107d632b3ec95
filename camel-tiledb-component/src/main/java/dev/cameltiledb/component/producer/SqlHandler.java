package dev.cameltiledb.component.producer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.client.model.SqlParameters;
import dev.cameltiledb.component.DataOptions;
import dev.cameltiledb.component.OptionHeaders;
import dev.cameltiledb.component.TileDBOperation;
import dev.cameltiledb.component.TileDBResource;
import org.apache.camel.Message;

/**
 * {@code tiledb:sql}: runs the query of the {@code query} option, else of the body, under the namespace (which is
 * charged for it), and answers its rows ({@link TaskReply}). Everything the request needs is checked before it is
 * sent: it runs the query each time it is sent, so it is sent once.
 */
final class SqlHandler implements ResourceHandler {

    @Override
    public void handle(TileDBOperation operation, MessageOptions options, Message message, TileDBClient client) {
        if (operation != TileDBOperation.exec) {
            throw ResourceHandler.notHandled(TileDBResource.sql, operation);
        }
        DataOptions d = options.data();
        String namespace = options.requiredNamespace(operation);
        SqlParameters sql = SqlParameters.builder()
                .query(query(d, message))
                .parameters(options.jsonArray("parameters", d.getParameters(), "[2024, \"EU\"]"))
                .initCommands(
                        statements(options.jsonArray("initCommands", d.getInitCommands(), "[\"SET @year = 2024\"]")))
                .resultFormat(d.clientResultFormat())
                .output(d.getOutputUri(), d.getStoreResults())
                .resourceClass(d.getResourceClass())
                .name(d.getTaskName())
                .build();
        TaskReply.write(message, options, client.sql().exec(namespace, sql), TaskReply.Json.ROWS);
    }

    /** The query option, else the body as text; neither is an error naming both. */
    private static String query(DataOptions d, Message message) {
        if (d.getQuery() != null && !d.getQuery().isBlank()) {
            return d.getQuery();
        }
        Object body = message.getBody();
        String text = body == null || body instanceof Map<?, ?> || body instanceof Collection<?>
                ? null
                : message.getBody(String.class);
        if (text == null || text.isBlank()) {
            throw new TileDBConfigurationException("The exec operation of tiledb:sql needs a query: set the query"
                    + " option (header " + OptionHeaders.headerOf("query") + ") or give it as the body (String, byte[]"
                    + " or InputStream)"
                    + (body == null ? "" : "; the body was a " + body.getClass().getName()));
        }
        return text;
    }

    /** The init commands, each a statement: anything but text is an error naming the option. */
    private static List<String> statements(List<?> commands) {
        if (commands == null) {
            return null;
        }
        List<String> statements = new ArrayList<>();
        for (Object command : commands) {
            if (!(command instanceof String statement)) {
                throw new TileDBConfigurationException("The initCommands option (header "
                        + OptionHeaders.headerOf("initCommands") + ") must hold SQL statements as strings, such as"
                        + " [\"SET @year = 2024\"]; it held " + command);
            }
            statements.add(statement);
        }
        return statements;
    }
}
