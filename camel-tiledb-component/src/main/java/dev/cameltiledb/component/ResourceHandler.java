package dev.cameltiledb.component;

import dev.cameltiledb.client.TileDBClient;
import org.apache.camel.Message;

/** Performs the operations of one resource ({@code arrays}, ...) on a message, writing the result to it. */
interface ResourceHandler {

    void handle(TileDBOperation operation, MessageOptions options, Message message, TileDBClient client);
}
