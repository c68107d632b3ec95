package dev.cameltiledb.client.model.workspace;

/** A new teamspace: its name (required), description, icon and visibility ({@code private}, {@code public}). */
public record TeamspaceCreate(String name, String description, String icon, String visibility) {}
