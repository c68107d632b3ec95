package dev.cameltiledb.client;

/**
 * What the data-plane calls (SQL, UDFs, task graphs, JSON queries) share: they are classic TileDB Cloud's
 * {@code /v1} calls, made under a classic namespace (a user or an organization).
 */
final class DataPlane {

    private DataPlane() {}

    /** The classic namespace a call runs under; a teamspace ({@code workspace/teamspace}) is refused, naming it. */
    static String namespace(String namespace, String call) {
        NamespaceRef home = NamespaceRef.parse(namespace);
        if (home.isWorkspace()) {
            throw new TileDBConfigurationException(call + " runs under a classic namespace (a user or an"
                    + " organization), not the teamspace '" + namespace + "'");
        }
        return home.namespace();
    }

    /** A classic asset (a UDF, a registered task graph); a workspace address is refused, naming it. */
    static AssetRef classic(AssetRef asset, String what) {
        if (asset.isWorkspace()) {
            throw new TileDBConfigurationException(what + " is named tiledb://namespace/name on classic TileDB Cloud,"
                    + " not by the workspace address " + asset);
        }
        return asset;
    }

    /** What the call is about, for the server check: a workspace server refuses it before it is sent. */
    static Address about(String call) {
        return new ClassicCall(call, "this client runs it on classic TileDB Cloud only");
    }
}
