package dev.cameltiledb.client.model;

import java.util.List;

/** The task graphs of a namespace, newest first ({@code TaskGraphs}). */
public record TaskGraphs(List<TaskGraph> graphs) {}
