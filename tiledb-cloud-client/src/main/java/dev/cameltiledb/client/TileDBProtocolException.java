package dev.cameltiledb.client;

/**
 * An answer of the query protocol the client cannot read: a Cap'n Proto message cut short or out of bounds, buffers
 * that disagree with their headers, more bytes than the read's budget. The message names the answer and the field.
 */
public class TileDBProtocolException extends TileDBException {

    public TileDBProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
