package dev.cameltiledb.client;

import java.util.List;

/**
 * Sharing, as arrays (and notebooks) and groups offer it: grant a namespace actions, revoke them, list who has what.
 * Sharing with {@code public} makes an asset public.
 *
 * @param <P> the policy model the service lists
 */
public interface SharingApi<P> {

    /** Replaces the namespace's actions on the asset. */
    void share(AssetRef asset, String namespace, List<String> actions);

    /** Removes the namespace's access (shares with no actions, as the Python client does). */
    void unshare(AssetRef asset, String namespace);

    List<P> sharingPolicies(AssetRef asset);
}
