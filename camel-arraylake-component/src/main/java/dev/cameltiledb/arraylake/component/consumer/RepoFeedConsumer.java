package dev.cameltiledb.arraylake.component.consumer;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.cameltiledb.arraylake.client.ArraylakeApiException;
import dev.cameltiledb.arraylake.client.ArraylakeNotFoundException;
import dev.cameltiledb.arraylake.client.model.Page;
import dev.cameltiledb.arraylake.client.model.Repo;
import dev.cameltiledb.arraylake.client.model.RepoName;
import dev.cameltiledb.arraylake.client.model.RepoQuery;
import dev.cameltiledb.arraylake.component.ArraylakeConstants;
import dev.cameltiledb.arraylake.component.ArraylakeEndpoint;
import dev.cameltiledb.camel.ChangeFeedConsumer;
import dev.cameltiledb.camel.KnownState;
import dev.cameltiledb.camel.PollException;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.StateRepository;

/**
 * The repo change feed of one org ({@code from("arraylake:repos?org=acme")}). Each poll lists the org's live repos
 * page by page and emits one exchange per change since the last poll: {@code created}, {@code updated} (description,
 * metadata, bucket... or only the service's {@code updated} time), {@code statusChanged} (mode or message), or
 * {@code deleted} (soft-deleted, removed, or its name now held by another repo: a repo the listing no longer shows is
 * deleted once {@code GET /repos/{org}/{name}} answers 404 or names another repo). How a listing that moves while it
 * is paged is read, and how state moves only past completed exchanges (at-least-once): {@link ChangeFeedConsumer}.
 */
public class RepoFeedConsumer extends ChangeFeedConsumer<Repo, RepoFeedConsumer.Seen> {

    static final String STATUS_CHANGED = "statusChanged";
    static final int DEFAULT_PAGE_SIZE = 100;

    /**
     * What the feed knows of a repo: when the service last changed it ({@code updated}), a digest of everything else
     * but its status, a digest of its status (mode and message), and its org and name (to ask about it once the
     * listing stops showing it); about 120 bytes a repo.
     */
    record Seen(String updated, String content, String status, String org, String name) {

        /** After an {@code updated} change was delivered: its content and time, the status as it was. */
        Seen withContentOf(Seen now) {
            return new Seen(now.updated, now.content, status, now.org, now.name);
        }

        /** After a {@code statusChanged} change was delivered: its status and time, the content as it was. */
        Seen withStatusOf(Seen now) {
            return new Seen(now.updated, content, now.status, now.org, now.name);
        }
    }

    private static final KnownState.Codec<Seen> CODEC = new KnownState.Codec<>() {
        @Override
        public List<String> fields(Seen s) {
            return List.of(s.updated(), s.content(), s.status(), s.org(), s.name());
        }

        @Override
        public Seen known(List<String> v) {
            return new Seen(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4));
        }
    };

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final ArraylakeEndpoint endpoint;
    private final String org;

    public RepoFeedConsumer(ArraylakeEndpoint endpoint, Processor processor) {
        super(endpoint, processor, CODEC);
        this.endpoint = endpoint;
        this.org = endpoint.getConfiguration().getOrg().strip();
    }

    /** The requests of the endpoint's client: its own, unless the user shared one ({@code arraylakeClient}). */
    @Override
    protected long requestCount() {
        return endpoint.client().stats().attempts();
    }

    @Override
    protected StateRepository<String, String> configuredState() {
        return endpoint.getConfiguration().getConsumer().getStateRepository();
    }

    @Override
    protected String stateKey() {
        String key = endpoint.getConfiguration().getConsumer().getStateKey();
        return key != null && !key.isBlank() ? key : "arraylake:repos:" + org;
    }

    @Override
    protected String scope() {
        return "repo listing of " + org;
    }

    @Override
    protected boolean initialSnapshot() {
        return endpoint.getConfiguration().getConsumer().isInitialSnapshot();
    }

    @Override
    protected RuntimeException pollFailure(RuntimeException e) {
        return e instanceof ArraylakeApiException api ? new PollException(api, api.status(), api.detail()) : e;
    }

    @Override
    protected ListingPage<Repo> fetchPage(int page) {
        Integer size = endpoint.getConfiguration().getListing().getSize();
        RepoQuery query = new RepoQuery(page, size != null ? size : DEFAULT_PAGE_SIZE, Map.of(), false);
        Page<Repo> answer = endpoint.client().repos().page(org, query);
        return new ListingPage<>(answer.items(), answer.total(), answer.pages());
    }

    @Override
    protected String idOf(Repo repo) {
        return repo.id();
    }

    @Override
    protected Seen remember(Repo repo) {
        ObjectNode json = CANONICAL.valueToTree(repo);
        json.remove("updated");
        String status = KnownState.digest(String.valueOf(json.remove("status")), 12);
        return new Seen(
                String.valueOf(repo.updated()),
                KnownState.digest(json.toString(), 12),
                status,
                repo.org(),
                repo.name());
    }

    /** A content change is {@code updated}, a status change {@code statusChanged}; both when both changed. */
    @Override
    protected void compare(String id, Seen before, Seen now, Repo repo, List<Change<Seen>> changes) {
        boolean statusMoved = !before.status().equals(now.status());
        if (!before.content().equals(now.content())
                || !statusMoved && !before.updated().equals(now.updated())) {
            changes.add(new Change<>(UPDATED, id, repo, now));
        }
        if (statusMoved) {
            changes.add(new Change<>(STATUS_CHANGED, id, repo, now));
        }
    }

    /** Moves what was seen past one delivered change, keeping what other changes of the repo have not moved. */
    @Override
    protected Seen afterDelivered(Seen current, Change<Seen> change) {
        if (current == null) {
            return change.after();
        }
        return switch (change.type()) {
            case UPDATED -> current.withContentOf(change.after());
            case STATUS_CHANGED -> current.withStatusOf(change.after());
            default -> change.after();
        };
    }

    /** A known repo the listing did not show is gone only when the service says so. */
    @Override
    protected boolean isGone(String id, Seen known) {
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
    @Override
    protected Object deletedBody(String id, Seen known) {
        return new Repo(
                id, known.org(), known.name(), null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Override
    protected void describe(Message message, Change<Seen> change) {
        message.setHeader(ArraylakeConstants.CHANGE_TYPE, change.type());
        message.setHeader(ArraylakeConstants.REPO, ((Repo) change.body()).fullName());
    }

    @Override
    protected String what(Change<Seen> change) {
        return "the " + change.type() + " change of repo " + ((Repo) change.body()).fullName();
    }
}
