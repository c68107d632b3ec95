package dev.cameltiledb.client;

/**
 * The filters of an asset listing ({@code GET /v4/assets/list}); null leaves one out.
 *
 * @param assetType           only assets of this type ({@code array}, {@code group}, {@code notebook}, {@code file},
 *                            {@code folder}...)
 * @param createdBy           only assets this user created
 * @param orderBy             the service's order expression, such as {@code name} or {@code created_at desc}
 * @param expand              supplemental information to add to each asset, as the service names it
 * @param includeSystemAssets also the system assets (overlay arrays and groups)
 * @param perPage             assets per page
 */
public record AssetQuery(
        String assetType,
        String createdBy,
        String orderBy,
        String expand,
        Boolean includeSystemAssets,
        Integer perPage) {

    public static final AssetQuery ALL = new AssetQuery(null, null, null, null, null, null);
}
