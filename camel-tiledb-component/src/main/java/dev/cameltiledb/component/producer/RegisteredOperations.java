package dev.cameltiledb.component.producer;

import dev.cameltiledb.client.AssetRef;
import dev.cameltiledb.client.Listing;
import dev.cameltiledb.client.ListingFilters;
import dev.cameltiledb.client.RegisteredAssets;
import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.component.OptionHeaders;
import dev.cameltiledb.component.TileDBConstants;
import dev.cameltiledb.component.TileDBOperation;
import org.apache.camel.Message;

/**
 * The operations registered UDFs and registered task graphs share: list (owned, shared, public), info, register,
 * update, delete and sharing. The two differ only in path and models, which {@link RegisteredAssets} hides, and in
 * the option that names one ({@code udfName}, {@code graphName}): one piece of code serves both.
 *
 * @param <I> what reading one answers
 * @param <U> what registering and updating send
 */
final class RegisteredOperations<I, U> {

    /** What register or update sends for {@code asset}: the body, or what the options say. */
    @FunctionalInterface
    interface Contents<U> {
        U of(TileDBOperation operation, MessageOptions options, Message message, AssetRef asset);
    }

    private final String nameOption;
    private final Sharing sharing;
    private final Contents<U> contents;

    /**
     * @param nameOption the option naming one ({@code udfName})
     * @param readAction what the share action {@code read} (the actions option's default) grants on this kind
     * @param contents   what register and update send for an asset, from the message
     */
    RegisteredOperations(String nameOption, String readAction, Contents<U> contents) {
        this.nameOption = nameOption;
        this.sharing = new Sharing(readAction);
        this.contents = contents;
    }

    /** Runs {@code operation} when it is one of these; false when it is not. */
    boolean handle(
            TileDBOperation operation,
            MessageOptions options,
            Message message,
            RegisteredAssets<I, U> api,
            String nameValue) {
        switch (operation) {
            case list -> browse(Listing.OWNED, options, message, api);
            case listShared -> browse(Listing.SHARED, options, message, api);
            case listPublic -> browse(Listing.PUBLIC, options, message, api);
            case info -> message.setBody(api.info(address(operation, options, message, nameValue)));
            case register -> {
                AssetRef asset = address(operation, options, message, nameValue);
                api.register(asset, contents.of(operation, options, message, asset));
            }
            case update -> {
                AssetRef asset = address(operation, options, message, nameValue);
                api.update(asset, contents.of(operation, options, message, asset));
            }
            case delete -> api.delete(address(operation, options, message, nameValue));
            case share ->
                sharing.share(operation, options, message, api, address(operation, options, message, nameValue));
            case unshare -> sharing.unshare(operation, options, api, address(operation, options, message, nameValue));
            case sharingPolicies -> sharing.policies(message, api, address(operation, options, message, nameValue));
            default -> {
                return false;
            }
        }
        return true;
    }

    private static <I, U> void browse(
            Listing listing, MessageOptions options, Message message, RegisteredAssets<I, U> api) {
        ListingFilters filters = options.listingFilters();
        ListingReply.write(message, options, page -> api.listRegistered(listing, filters, page));
    }

    /**
     * The registered asset an operation works on, told to the route in {@code CamelTileDBAssetUri}: the tiledbUri
     * option, else the name option ({@code namespace/name}, {@code tiledb://namespace/name}, or a name of the
     * namespace option).
     */
    AssetRef address(TileDBOperation operation, MessageOptions options, Message message, String nameValue) {
        AssetRef asset =
                options.hasTiledbUri() ? AssetRef.parse(options.tiledbUri()) : named(operation, options, nameValue);
        message.setHeader(TileDBConstants.ASSET_URI, asset.toUri());
        return asset;
    }

    private AssetRef named(TileDBOperation operation, MessageOptions options, String value) {
        if (value == null || value.isBlank()) {
            throw new TileDBConfigurationException("The " + operation + " operation needs the " + nameOption
                    + " option (header " + OptionHeaders.headerOf(nameOption) + "), namespace/name, or the tiledbUri"
                    + " option (header " + OptionHeaders.headerOf("tiledbUri") + "), tiledb://namespace/name");
        }
        return parse(operation, options, nameOption, value.strip());
    }

    /**
     * {@code namespace/name}, {@code tiledb://namespace/name}, or {@code name} in the namespace option's namespace; a
     * missing namespace names both ways to give it.
     */
    static AssetRef parse(TileDBOperation operation, MessageOptions options, String option, String value) {
        if (value.startsWith(AssetRef.SCHEME)) {
            return AssetRef.parse(value);
        }
        int slash = value.indexOf('/');
        if (slash > 0 && slash < value.length() - 1) {
            return new AssetRef(value.substring(0, slash), value.substring(slash + 1));
        }
        String namespace = options.namespace();
        if (namespace == null || namespace.isBlank()) {
            throw new TileDBConfigurationException("The " + operation + " operation needs the namespace of '" + value
                    + "': write the " + option + " option (header " + OptionHeaders.headerOf(option)
                    + ") as namespace/name, or set the namespace option (header "
                    + OptionHeaders.headerOf("namespace") + ")");
        }
        return new AssetRef(namespace, value);
    }
}
