package dev.cameltiledb.arraylake.component;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

import dev.cameltiledb.arraylake.client.ArraylakeApiException;
import dev.cameltiledb.arraylake.client.ArraylakeNotFoundException;
import dev.cameltiledb.arraylake.client.model.Page;
import dev.cameltiledb.arraylake.client.model.Repo;
import dev.cameltiledb.arraylake.client.model.RepoName;
import dev.cameltiledb.arraylake.client.model.RepoQuery;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The repo change feed of one org ({@code from("arraylake:repos?org=acme")}). Each poll lists the org's live repos
 * page by page and emits one exchange per change since the last poll: {@code created}, {@code updated} (description,
 * metadata, bucket... or only the service's {@code updated} time), {@code statusChanged} (mode or message), or
 * {@code deleted} (soft-deleted, removed, or its name now held by another repo).
 * <p>
 * The listing is paged by number over repos sorted by name, so a repo created or deleted between two page requests
 * shifts the later pages. A listing that moved while it was read (a total that changes between pages, an id on two
 * pages, fewer ids than the total, nothing where repos are known) is read again, up to {@link #LISTING_ATTEMPTS}
 * times. The baseline of the first poll comes only from a listing that held still (else that poll waits); after it,
 * what a listing shows is acted on, and a known repo it does not show is reported deleted only once
 * {@code GET /repos/{org}/{name}} answers 404 or names another repo: a listing that moved never deletes anything.
 * <p>
 * What was seen moves only past exchanges that completed and is written once per poll, and only when it changed; a
 * change whose exchange failed, or that a crash kept from being written, comes again on a later poll
 * (at-least-once).
 */
public class RepoFeedConsumer extends ScheduledBatchPollingConsumer {

    static final String CREATED = "created";
    static final String UPDATED = "updated";
    static final String STATUS_CHANGED = "statusChanged";
    static final String DELETED = "deleted";
    static final int LISTING_ATTEMPTS = 3;
    static final int DEFAULT_PAGE_SIZE = 100;

    private static final Logger LOG = LoggerFactory.getLogger(RepoFeedConsumer.class);

    private final ArraylakeEndpoint endpoint;
    private final String org;
    private StateRepository<String, String> state;
    private boolean ownState;
    private String stateKey;
    private SeenRepos seen;

    /** One change to deliver; {@code now} is the repo as this poll saw it (null for a deletion). */
    private record Change(String type, String id, Repo body, SeenRepos.Seen now) {}

    /** A full read of the listing: live repos by id, and whether it held still while it was paged. */
    private record Listing(Map<String, Repo> repos, boolean still) {}

    RepoFeedConsumer(ArraylakeEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.org = endpoint.getConfiguration().getOrg().strip();
    }

    @Override
    protected void doStart() throws Exception {
        ConsumerOptions options = endpoint.getConfiguration().getConsumer();
        ownState = options.getStateRepository() == null;
        state = ownState ? new MemoryStateRepository() : options.getStateRepository();
        // a FileStateRepository loads its file when started
        ServiceHelper.startService(state);
        stateKey = options.getStateKey() != null && !options.getStateKey().isBlank()
                ? options.getStateKey()
                : "arraylake:repos:" + org;
        String stored = state.getState(stateKey);
        seen = stored == null ? null : SeenRepos.read(stateKey, stored);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (ownState) {
            // a configured repository may serve other consumers too; a MemoryStateRepository forgets everything when
            // stopped, so only the one made here is stopped here
            ServiceHelper.stopService(state);
        }
    }

    @Override
    protected int poll() throws Exception {
        try {
            return pollOnce();
        } catch (ArraylakeApiException e) {
            throw new ArraylakePollException(e);
        }
    }

    private int pollOnce() throws Exception {
        Listing listing = readListing();
        if (seen == null) {
            if (!listing.still()) {
                LOG.info("The repo listing of {} moved while it was paged; the baseline waits for the next poll", org);
                return 0;
            }
            seen = new SeenRepos();
            if (!endpoint.getConfiguration().getConsumer().isInitialSnapshot()) {
                listing.repos().forEach((id, repo) -> seen.put(id, SeenRepos.of(repo)));
                save();
                return 0;
            }
        }
        int max = getMaxMessagesPerPoll();
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, Repo> e : listing.repos().entrySet()) {
            SeenRepos.Seen before = seen.get(e.getKey());
            SeenRepos.Seen now = SeenRepos.of(e.getValue());
            if (before == null) {
                changes.add(new Change(CREATED, e.getKey(), e.getValue(), now));
                continue;
            }
            boolean statusMoved = !before.status().equals(now.status());
            if (!before.content().equals(now.content())
                    || !statusMoved && !before.updated().equals(now.updated())) {
                changes.add(new Change(UPDATED, e.getKey(), e.getValue(), now));
            }
            if (statusMoved) {
                changes.add(new Change(STATUS_CHANGED, e.getKey(), e.getValue(), now));
            }
        }
        for (Map.Entry<String, SeenRepos.Seen> e : seen.all().entrySet()) {
            if ((max <= 0 || changes.size() < max)
                    && !listing.repos().containsKey(e.getKey())
                    && isGone(e.getKey(), e.getValue())) {
                changes.add(new Change(DELETED, e.getKey(), identity(e.getKey(), e.getValue()), null));
            }
        }
        Queue<Object> batch = new ArrayDeque<>(max > 0 ? changes.subList(0, Math.min(max, changes.size())) : changes);
        // what did not fit is still a difference on the next poll
        return processBatch(batch);
    }

    /** Reads the listing until it held still, at most {@link #LISTING_ATTEMPTS} times; the last read is used. */
    private Listing readListing() {
        Listing listing = null;
        for (int attempt = 1; attempt <= LISTING_ATTEMPTS; attempt++) {
            listing = listOnce();
            if (listing.still()) {
                break;
            }
            LOG.debug("The repo listing of {} moved while it was paged (attempt {})", org, attempt);
        }
        return listing;
    }

    private Listing listOnce() {
        Integer size = endpoint.getConfiguration().getSize();
        RepoQuery query = new RepoQuery(1, size != null ? size : DEFAULT_PAGE_SIZE, Map.of(), false);
        Map<String, Repo> repos = new LinkedHashMap<>();
        boolean still = true;
        long total = -1;
        int shown = 0;
        for (int page = 1; ; page++) {
            Page<Repo> answer = endpoint.client().repos().page(org, query.withPage(page, query.size()));
            still &= total < 0 || total == answer.total();
            total = answer.total();
            for (Repo repo : answer.items()) {
                shown++;
                still &= repos.put(repo.id(), repo) == null;
            }
            if (answer.items().isEmpty() || page >= answer.pages()) {
                break;
            }
        }
        still &= total < 0 || total == shown;
        still &= !(repos.isEmpty() && seen != null && !seen.isEmpty());
        return new Listing(repos, still);
    }

    /** A known repo the listing did not show is gone only when the service says so. */
    private boolean isGone(String id, SeenRepos.Seen known) {
        try {
            return !id.equals(endpoint.client()
                    .repos()
                    .get(RepoName.of(known.org(), known.name()))
                    .id());
        } catch (ArraylakeNotFoundException e) {
            return true;
        }
    }

    /** The body of a {@code deleted} exchange: the repo's id, org and name, all the feed remembers of it. */
    private static Repo identity(String id, SeenRepos.Seen known) {
        return new Repo(
                id, known.org(), known.name(), null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        List<Change> delivered = new ArrayList<>();
        int index = 0;
        try {
            while (!exchanges.isEmpty() && isBatchAllowed()) {
                Change change = (Change) exchanges.poll();
                if (deliver(change, index++, total)) {
                    delivered.add(change);
                }
            }
        } finally {
            delivered.forEach(this::remember);
            save();
        }
        return index;
    }

    private boolean deliver(Change change, int index, int total) {
        Exchange exchange = createExchange(false);
        exchange.getMessage().setBody(change.body());
        exchange.getMessage().setHeader(ArraylakeConstants.CHANGE_TYPE, change.type());
        exchange.getMessage().setHeader(ArraylakeConstants.REPO, change.body().fullName());
        exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
        exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
        exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        boolean completed = exchange.getException() == null;
        if (!completed) {
            getExceptionHandler()
                    .handleException(
                            "The " + change.type() + " change of repo "
                                    + change.body().fullName() + " failed; it comes again on the next poll",
                            exchange,
                            exchange.getException());
        }
        releaseExchange(exchange, false);
        return completed;
    }

    /** Moves what was seen past one delivered change, keeping what other changes of the repo have not moved. */
    private void remember(Change change) {
        SeenRepos.Seen current = seen.get(change.id());
        switch (change.type()) {
            case DELETED -> seen.remove(change.id());
            case UPDATED -> seen.put(change.id(), current == null ? change.now() : current.withContentOf(change.now()));
            case STATUS_CHANGED ->
                seen.put(change.id(), current == null ? change.now() : current.withStatusOf(change.now()));
            default -> seen.put(change.id(), change.now());
        }
    }

    /**
     * Writes what was seen when it changed. Should the write fail, what was seen is read back from the repository,
     * so the changes it did not record are delivered again rather than forgotten.
     */
    private void save() {
        if (!seen.changed() && state.getState(stateKey) != null) {
            return;
        }
        try {
            state.setState(stateKey, seen.write());
            seen.written();
        } catch (RuntimeException e) {
            String stored = state.getState(stateKey);
            seen = stored == null ? null : SeenRepos.read(stateKey, stored);
            throw e;
        }
    }
}
