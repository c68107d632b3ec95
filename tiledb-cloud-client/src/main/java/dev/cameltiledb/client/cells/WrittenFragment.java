package dev.cameltiledb.client.cells;

/**
 * A fragment a write made: its URI (or name) and its timestamp (epoch milliseconds; TileDB's fragments carry a
 * range, equal ends for one write), and how many cells the write sent into it.
 */
public record WrittenFragment(String uri, long timestamp, long cells) {}
