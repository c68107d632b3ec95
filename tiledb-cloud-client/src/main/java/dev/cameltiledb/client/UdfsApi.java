package dev.cameltiledb.client;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.cameltiledb.client.model.ArrayInfo;
import dev.cameltiledb.client.model.ArraySharing;
import dev.cameltiledb.client.model.GenericUdf;
import dev.cameltiledb.client.model.MultiArrayUdf;
import dev.cameltiledb.client.model.ResultFormat;
import dev.cameltiledb.client.model.UdfCopied;
import dev.cameltiledb.client.model.UdfCopy;
import dev.cameltiledb.client.model.UdfFavorite;
import dev.cameltiledb.client.model.UdfFavoritesData;
import dev.cameltiledb.client.model.UdfInfo;
import dev.cameltiledb.client.model.UdfInfoUpdate;
import dev.cameltiledb.rest.AsyncCalls;

/**
 * User-defined functions ({@code tiledb.cloud.udf}, {@code array.apply}): running them, generic or over array slices,
 * and managing registered ones. A registered UDF is named {@code tiledb://namespace/name}; it is an array of file type
 * {@code user_defined_function}, so it is listed with the array browser and shared with {@link ArraySharing}
 * (actions {@code fetch_udf}, {@code share_udf}).
 */
public final class UdfsApi extends RegisteredAssets<UdfInfo, UdfInfoUpdate> {

    static final String FILE_TYPE = "user_defined_function";
    private static final String CREDENTIALS_HEADER = "X-TILEDB-CLOUD-ACCESS-CREDENTIALS-NAME";

    private final Supplier<AsyncCalls<TileDBClient>> async;

    UdfsApi(RestTransport transport, ArraysApi arrays, Supplier<AsyncCalls<TileDBClient>> async) {
        super(transport, arrays, FILE_TYPE, UdfInfo.class);
        this.async = async;
    }

    /**
     * {@code udf.exec}, {@code exec_async}: runs a registered UDF or code of its own under {@code namespace} (charged
     * for it), {@code POST /v1/udfs/generic/{namespace}}, ready to send. Its result comes as {@code json} unless
     * {@code resultFormat} says otherwise.
     */
    public TaskCall exec(String namespace, GenericUdf udf) {
        String ns = DataPlane.namespace(namespace, "A UDF");
        GenericUdf sent = checked(udf);
        return call(RestRequest.post("v1", "udfs", "generic", ns), sent, sent.resultFormat());
    }

    /**
     * {@code exec_multi_array_udf}, {@code array.apply}: runs the UDF over slices of one or more arrays
     * ({@code arrays}), {@code POST /v1/udfs/arrays/{namespace}}, ready to send.
     */
    public TaskCall execMultiArray(String namespace, MultiArrayUdf udf) {
        String ns = DataPlane.namespace(namespace, "A UDF");
        if (udf == null || udf.arrays() == null || udf.arrays().isEmpty()) {
            throw new TileDBConfigurationException("A multi-array UDF needs at least one array to run over (arrays)");
        }
        MultiArrayUdf sent = udf.withUdf(checked(udf.udf()));
        return call(
                RestRequest.post("v1", "udfs", "arrays", ns), sent, sent.udf().resultFormat());
    }

    /**
     * Runs the UDF over a slice ({@code ranges} and {@code buffers}) of {@code array}:
     * {@code POST /v1/arrays/{namespace}/{array}/udf/submit}, {@code payer} charged when given; ready to send.
     */
    public TaskCall execOnArray(AssetRef array, MultiArrayUdf udf, String payer) {
        DataPlane.classic(array, "An array a UDF runs over");
        if (udf == null) {
            throw new TileDBConfigurationException("No UDF to run over " + array);
        }
        MultiArrayUdf sent = udf.withUdf(checked(udf.udf()));
        RestRequest request = RestRequest.post(RestRequest.path("v1", "arrays", array, "udf", "submit"))
                .header("X-Payer", payer);
        return call(request, sent, sent.udf().resultFormat());
    }

    private TaskCall call(RestRequest request, Object body, ResultFormat format) {
        return new TaskCall(
                transport,
                request.about(DataPlane.about("A UDF (" + request.method() + " " + request.path() + ")"))
                        .header("Accept", "application/octet-stream")
                        .json(body),
                format,
                "resultFormat",
                async);
    }

    /**
     * The UDF as it is sent: by name ({@code namespace/name}) or with code, not both (the service refuses both), and in
     * {@code json} unless it asks for another format.
     */
    private static GenericUdf checked(GenericUdf udf) {
        if (udf == null) {
            throw new TileDBConfigurationException("No UDF to run: give a registered UDF's name (udfInfoName) or code");
        }
        boolean named = udf.udfInfoName() != null && !udf.udfInfoName().isBlank();
        boolean code = udf.exec() != null || udf.execRaw() != null;
        if (named == code) {
            throw new TileDBConfigurationException(
                    named
                            ? "A UDF is run by name (udfInfoName) or from its code (exec, execRaw), not both"
                            : "A UDF to run needs a registered UDF's name (udfInfoName) or its code (exec, execRaw)");
        }
        if (named && udf.udfInfoName().indexOf('/') <= 0) {
            throw new TileDBConfigurationException(
                    "A registered UDF is named <namespace>/<name> (udfInfoName), not '" + udf.udfInfoName() + "'");
        }
        return udf.resultFormat() == null ? udf.withResultFormat(ResultFormat.JSON) : udf;
    }

    /**
     * Copies the UDF (as it was at {@code endTimestamp}, epoch ms, when given) to {@code target}, with the stored
     * credentials {@code credentialsName} when given.
     */
    public UdfCopied copy(AssetRef udf, UdfCopy target, Long endTimestamp, String credentialsName) {
        return transport.call(
                path(RestRequest::post, udf, "copy")
                        .query("end_timestamp", endTimestamp)
                        .header(CREDENTIALS_HEADER, credentialsName)
                        .json(target),
                transport.type(UdfCopied.class));
    }

    /** One page of the UDF's versions, as end timestamps in epoch milliseconds. */
    public Page<Long> versions(AssetRef udf, int page, Integer perPage) {
        return ArraysApi.endTimestamps(transport, path(RestRequest::get, udf, "end_timestamps"), page, perPage);
    }

    /** One page of the caller's favourite UDFs. */
    public Page<ArrayInfo> favorites(int page, Integer perPage) {
        UdfFavoritesData data = transport.call(
                RestRequest.get("v1", "udfs", "favorites").query("page", page).query("per_page", perPage),
                transport.type(UdfFavoritesData.class));
        return new Page<>(data.udfs(), data.paginationMetadata());
    }

    /** Every favourite UDF of the caller, by id, namespace and name. */
    public List<UdfFavorite> favoriteIds() {
        return transport.call(RestRequest.get("v1", "udfs", "favorites", "uuids"), transport.listOf(UdfFavorite.class));
    }

    /** The caller's favourite mark on {@code udf}. */
    public UdfFavorite favorite(AssetRef udf) {
        return transport.call(favoritePath(RestRequest::get, udf), transport.type(UdfFavorite.class));
    }

    public void addFavorite(AssetRef udf) {
        transport.call(favoritePath(RestRequest::post, udf));
    }

    public void removeFavorite(AssetRef udf) {
        transport.call(favoritePath(RestRequest::delete, udf));
    }

    /** {@code /v1/udf/{namespace}/{name}/<tail...>}. */
    @Override
    RestRequest path(Function<String[], RestRequest> method, AssetRef udf, String... tail) {
        DataPlane.classic(udf, "A registered UDF");
        return method.apply(RestRequest.path("v1", "udf", udf, tail)).about(udf);
    }

    private static RestRequest favoritePath(Function<String[], RestRequest> method, AssetRef udf) {
        DataPlane.classic(udf, "A registered UDF");
        return method.apply(new String[] {"v1", "udfs", "favorites", udf.namespace(), udf.name()})
                .about(udf);
    }
}
