package dev.cameltiledb.client;

import java.util.Locale;

/**
 * Which TileDB server a client talks to: classic TileDB Cloud ({@code tiledb://namespace/name}, {@code /v1/arrays/
 * {namespace}/{array}}) or the workspace platform of TileDB-Server 3.x ({@code tiledb://workspace/teamspace/path},
 * {@code /v1/arrays/{workspace}/{teamspace}/{array}} and {@code /v4}).
 */
public enum ServerGeneration {
    /** Ask the server once, as TileDB's own library does: {@code GET /v4/capabilities} answers on the workspace platform only. */
    AUTO,
    CLASSIC,
    WORKSPACE;

    /** Accepts {@code auto}, {@code classic}, {@code workspace} in any case. */
    public static ServerGeneration of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TileDBConfigurationException(
                    "serverGeneration must be auto, classic or workspace, was '" + name + "'");
        }
    }
}
