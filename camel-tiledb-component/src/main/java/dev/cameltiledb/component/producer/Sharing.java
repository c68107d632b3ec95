package dev.cameltiledb.component.producer;

import java.util.List;

import dev.cameltiledb.camel.OptionText;
import dev.cameltiledb.client.AssetRef;
import dev.cameltiledb.client.SharingApi;
import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.client.model.ArraySharing;
import dev.cameltiledb.component.OptionHeaders;
import dev.cameltiledb.component.TileDBOperation;
import org.apache.camel.Message;

/**
 * share, unshare and sharingPolicies, one piece of code for every resource that can be shared (arrays, notebooks,
 * groups, registered UDFs and task graphs): they differ only in the REST path and the policy model, which the
 * {@link SharingApi} hides, and in what reading is called.
 */
final class Sharing {

    /** The action the actions option gives by default. */
    private static final String READ = "read";

    private final BodyConverter bodies = new BodyConverter();
    /** What {@code read} grants on this kind of asset: {@code read} itself, or {@code fetch_udf} on a UDF. */
    private final String readAction;

    Sharing() {
        this(READ);
    }

    Sharing(String readAction) {
        this.readAction = readAction;
    }

    /**
     * With the targetNamespace option or header, grants it the configured actions; without, the body names whom to
     * grant what, as an {@link ArraySharing} ({@code {"namespace": ..., "actions": [...]}}) or its Map/JSON form.
     */
    void share(TileDBOperation operation, MessageOptions options, Message message, SharingApi<?> api, AssetRef asset) {
        if (!isBlank(options.arrays().getTargetNamespace())) {
            List<String> actions = OptionText.list(options.arrays().getActions());
            if (actions != null) {
                actions = actions.stream()
                        .map(a -> a.equals(READ) ? readAction : a)
                        .toList();
            }
            if (actions == null || actions.isEmpty()) {
                throw new TileDBConfigurationException(
                        "The share operation needs at least one action (actions option or "
                                + OptionHeaders.headerOf("actions") + " header); use unshare to remove access");
            }
            api.share(
                    asset,
                    MessageOptions.require(options.arrays().getTargetNamespace(), "targetNamespace", operation),
                    actions);
        } else {
            ArraySharing grant = bodies.required(message.getBody(), ArraySharing.class, operation);
            api.share(asset, grant.namespace(), grant.actions() == null ? List.of() : grant.actions());
        }
    }

    void unshare(TileDBOperation operation, MessageOptions options, SharingApi<?> api, AssetRef asset) {
        api.unshare(asset, MessageOptions.require(options.arrays().getTargetNamespace(), "targetNamespace", operation));
    }

    void policies(Message message, SharingApi<?> api, AssetRef asset) {
        message.setBody(api.sharingPolicies(asset));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
