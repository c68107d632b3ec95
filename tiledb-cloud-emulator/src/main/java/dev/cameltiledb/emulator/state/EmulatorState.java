package dev.cameltiledb.emulator.state;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.common.Transactions;

/**
 * Everything the emulated service knows, by concern: {@link Accounts} (users, organizations, workspaces, tokens),
 * the {@link Catalog} (arrays, groups, teamspace folders and files), the {@link AccessRules}, the {@link ActivityLog},
 * the running {@link NotebookServers}, and with a data directory the {@link StateFiles}. All of it is read and changed in {@link Transactions}, one at a
 * time: the router runs every request in the transaction its route declares, and a write transaction saves what it
 * touched before the answer goes out, so no route locks or saves by itself.
 */
public final class EmulatorState {

    /** Sharing with this namespace makes an asset public. */
    public static final String PUBLIC = "public";

    private final Clock clock;
    private final StateFiles files;
    private final Transactions transactions;
    private final Changes changes;
    private final Workspaces workspaces = new Workspaces();
    private final Accounts accounts;
    private final Catalog catalog;
    private final AccessRules access;
    private final ActivityLog activity;
    private final NotebookServers notebookServers;

    /** The last paged listing: its question, the write transactions begun when it was made, its items. */
    private String listingQuery;

    private long listingWrites = -1;
    private List<?> listing;

    public EmulatorState(Path dataDirectory, ObjectMapper mapper, Clock clock) {
        this.clock = clock;
        this.files = new StateFiles(dataDirectory, mapper);
        this.transactions = new Transactions(files);
        this.changes = new Changes(transactions, files);
        this.accounts = new Accounts(workspaces, changes, clock);
        this.catalog = new Catalog(workspaces, changes, clock);
        this.access = new AccessRules(accounts, catalog, workspaces);
        this.activity = new ActivityLog(catalog, changes, clock);
        this.notebookServers = new NotebookServers(transactions, clock);
        files.attach(accounts, catalog);
    }

    public Transactions transactions() {
        return transactions;
    }

    public Accounts accounts() {
        return accounts;
    }

    public Catalog catalog() {
        return catalog;
    }

    public AccessRules access() {
        return access;
    }

    public ActivityLog activity() {
        return activity;
    }

    public NotebookServers notebookServers() {
        return notebookServers;
    }

    public Workspaces workspaces() {
        return workspaces;
    }

    public Changes changes() {
        return changes;
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * The filtered, ordered items of a paged listing (browser listings, activity logs), reused when the same user asks
     * the same question (all but the page) and nothing was written since. A client paging through 100,000 arrays asks it
     * a thousand times; filtering and sorting them on every page made the emulator, not the client, the slow side.
     * Every change, from a route or from the emulator's Java API (a test's request hook among them), is a write
     * transaction, so none can leave a stale listing behind. Call in a transaction.
     */
    @SuppressWarnings("unchecked")
    public <T> List<T> listing(String query, int page, Supplier<List<T>> compute) {
        long writes = transactions.writes();
        if (page <= 1 || !query.equals(listingQuery) || listingWrites != writes) {
            listing = compute.get();
            listingQuery = query;
            listingWrites = writes;
        }
        return (List<T>) listing;
    }

    /** Loads the data directory's state; false when there is none yet. Call in a write transaction. */
    public boolean load() {
        boolean loaded = files.load();
        activity.reindex();
        return loaded;
    }

    /** Marks everything to be written at the commit: a new data directory. Call in a write transaction. */
    public void saveEverything() {
        transactions.requireWriting("saving everything");
        files.touchAll();
    }

    /** Bytes the data directory's saves have written so far, for tests of what one write costs. */
    public long bytesWritten() {
        return transactions.read(files::bytesWritten);
    }
}
