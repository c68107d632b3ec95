package dev.cameltiledb.client;

import java.util.List;
import java.util.function.Function;

import dev.cameltiledb.client.model.ArrayInfo;
import dev.cameltiledb.client.model.ArraySharing;

/**
 * What registered UDFs and registered task graphs share: each is stored by name ({@code tiledb://namespace/name}) at
 * a path of its own, read, registered, updated and deleted there, shared at {@code <that path>/share} with
 * {@link ArraySharing}s, and listed with the array browser as arrays of its file type. The two differ only in the
 * path and the models, which a subclass names.
 *
 * @param <I> what reading one answers
 * @param <U> what registering and updating send
 */
public abstract class RegisteredAssets<I, U> implements SharingApi<ArraySharing> {

    final RestTransport transport;
    private final ArraysApi arrays;
    private final String fileType;
    private final Class<I> infoType;

    RegisteredAssets(RestTransport transport, ArraysApi arrays, String fileType, Class<I> infoType) {
        this.transport = transport;
        this.arrays = arrays;
        this.fileType = fileType;
        this.infoType = infoType;
    }

    /** {@code <the asset's path>/<tail...>}, sent with {@code method}. */
    abstract RestRequest path(Function<String[], RestRequest> method, AssetRef asset, String... tail);

    /** One page of a browser listing (owned, shared with the caller, public) of this kind of asset. */
    public Page<ArrayInfo> listRegistered(Listing listing, ListingFilters filters, int page) {
        return arrays.browse(listing, new ArrayListQuery(filters, List.of(fileType), null, null), page);
    }

    /** The registered asset. */
    public I info(AssetRef asset) {
        return transport.call(path(RestRequest::get, asset), transport.type(infoType));
    }

    /** Registers {@code contents} under the asset's name. */
    public void register(AssetRef asset, U contents) {
        transport.call(path(RestRequest::post, asset).json(contents));
    }

    /** Changes the fields of {@code update} that are set. */
    public void update(AssetRef asset, U update) {
        transport.call(path(RestRequest::patch, asset).json(update));
    }

    /** Removes the asset and all its sharing, for good. */
    public void delete(AssetRef asset) {
        transport.call(path(RestRequest::delete, asset));
    }

    /** Replaces the namespace's actions on the asset; no actions remove its access. */
    public void share(AssetRef asset, ArraySharing policy) {
        if (policy == null || policy.namespace() == null || policy.namespace().isBlank()) {
            throw new TileDBConfigurationException("Sharing needs the namespace to share with");
        }
        transport.call(path(RestRequest::patch, asset, "share").json(policy));
    }

    @Override
    public void share(AssetRef asset, String namespace, List<String> actions) {
        share(asset, ArraySharing.grant(namespace, actions));
    }

    @Override
    public void unshare(AssetRef asset, String namespace) {
        share(asset, ArraySharing.revoke(namespace));
    }

    @Override
    public List<ArraySharing> sharingPolicies(AssetRef asset) {
        return transport.call(path(RestRequest::get, asset, "share"), transport.listOf(ArraySharing.class));
    }
}
