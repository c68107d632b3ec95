package dev.cameltiledb.emulator.state;

import dev.cameltiledb.emulator.common.Transactions;

/**
 * Every change to the state goes through here. A change must happen in a write transaction: a route that changes the
 * state while it declared itself as reading fails loudly instead of losing the change. The data directory saves what
 * the transaction touched when it commits ({@link StateFiles}); an asset looked up in a write transaction counts as
 * touched, as a route changes the fields of what it looked up.
 */
public final class Changes {

    private final Transactions transactions;
    private final StateFiles files;

    Changes(Transactions transactions, StateFiles files) {
        this.transactions = transactions;
        this.files = files;
    }

    /** An asset looked up: saved at the commit of a write transaction, as the route may change it; nothing in a read. */
    <T extends StoredAsset> T touched(T asset) {
        if (asset != null && transactions.inWrite()) {
            files.touched(asset);
        }
        return asset;
    }

    /** An asset changed: saved at the commit. */
    <T extends StoredAsset> T changed(T asset, String what) {
        transactions.requireWriting(what);
        files.touched(asset);
        return asset;
    }

    /** A new asset: saved at the commit (a file of an asset of that id removed earlier in it is kept). */
    void added(StoredAsset asset) {
        transactions.requireWriting("adding " + asset.kind() + " " + asset.namespace + "/" + asset.name);
        files.added(asset);
        files.touched(asset);
    }

    /** A removed asset: its file goes at the commit. */
    void removed(StoredAsset asset) {
        transactions.requireWriting("removing " + asset.kind() + " " + asset.namespace + "/" + asset.name);
        files.removed(asset);
    }

    /** Users, organizations, workspaces, teamspaces, their members, credentials or tokens changed. */
    public void accountsChanged() {
        transactions.requireWriting("changing the accounts");
        files.accountsChanged();
    }
}
