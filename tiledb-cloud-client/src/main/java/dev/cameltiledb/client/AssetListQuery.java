package dev.cameltiledb.client;

/**
 * The filters of the classic platform's asset listings ({@code GET /v1/assets/{namespace}}, {@code GET
 * /v1/public_assets}: {@code tiledb.cloud.asset.list} and {@code list_public}); null leaves one out.
 *
 * @param assetType      only assets of this type ({@code array}, {@code group}, {@code notebook}, {@code file}...)
 * @param ownershipLevel namespace listing only: {@code owned} (the namespace's own assets) or {@code shared} (shared
 *                       with it)
 * @param depth          {@code root} (only assets no group holds) or {@code all}
 * @param search         matches name, namespace or description
 * @param orderBy        {@code created_at} (the service's default, {@code created_at desc}), {@code name} or
 *                       {@code asset_type}, optionally followed by {@code asc} or {@code desc}
 * @param expand         namespace listing only: supplemental information for each asset ({@code metadata})
 * @param perPage        assets per page
 */
public record AssetListQuery(
        String assetType,
        String ownershipLevel,
        String depth,
        String search,
        String orderBy,
        String expand,
        Integer perPage) {

    public static final AssetListQuery ALL = new AssetListQuery(null, null, null, null, null, null, null);
}
