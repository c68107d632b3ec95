package dev.cameltiledb.component;

/** The shape of the cells {@code tiledb:arrays?operation=read} answers with, as the cellFormat option. */
public enum CellFormat {
    /** One Map per cell, field to value: for routes that handle cells one by one (or a batch at a time). */
    rows,
    /** Typed arrays per field ({@code CellColumns}), a page at a time when streamed: for bulk use. */
    columns
}
