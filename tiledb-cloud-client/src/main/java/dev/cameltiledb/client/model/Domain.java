package dev.cameltiledb.client.model;

import java.util.List;

/** An array's domain: its dimensions and orders. */
public record Domain(String type, String tileOrder, String cellOrder, List<Dimension> dimensions) {}
