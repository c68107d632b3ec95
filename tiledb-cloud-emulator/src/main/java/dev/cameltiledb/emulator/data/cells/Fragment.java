package dev.cameltiledb.emulator.data.cells;

/**
 * One write of cells: its place in the array's write order ({@code sequence}, from 1), its timestamp (epoch
 * milliseconds; what time travel selects by), how many cells it wrote, and its name in TileDB's form
 * ({@code __<t>_<t>_<uuid>_22}).
 */
public record Fragment(long sequence, long timestamp, long cellCount, String name) {}
