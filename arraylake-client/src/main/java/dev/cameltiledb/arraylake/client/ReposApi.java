package dev.cameltiledb.arraylake.client;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.cameltiledb.arraylake.client.model.DeleteRepo;
import dev.cameltiledb.arraylake.client.model.Names;
import dev.cameltiledb.arraylake.client.model.Page;
import dev.cameltiledb.arraylake.client.model.Repo;
import dev.cameltiledb.arraylake.client.model.RepoCreate;
import dev.cameltiledb.arraylake.client.model.RepoMode;
import dev.cameltiledb.arraylake.client.model.RepoModify;
import dev.cameltiledb.arraylake.client.model.RepoName;
import dev.cameltiledb.arraylake.client.model.RepoQuery;
import dev.cameltiledb.arraylake.client.model.RepoStatus;
import dev.cameltiledb.arraylake.client.model.TemporaryCredentials;

/** Repositories of an org: listing, lifecycle, governance (metadata, status) and temporary bucket credentials. */
public final class ReposApi {

    /** The largest page the service serves; streaming uses it to need the fewest requests. */
    static final int STREAM_PAGE_SIZE = 100;

    private static final TypeReference<Page<Repo>> PAGE = new TypeReference<>() {};

    private final Transport transport;

    ReposApi(Transport transport) {
        this.transport = transport;
    }

    /** One page ({@code q.page()}, default 1, of {@code q.size()}, default the service's 50). */
    public Page<Repo> page(String org, RepoQuery q) {
        Names.org(org);
        RepoQuery query = q == null ? RepoQuery.all() : q;
        return fetch(org, query, query.page(), query.size());
    }

    /**
     * Every matching repo, lazily: page n+1 is requested only when page n is used up. The page and size of
     * {@code q} are ignored (pages of 100). The declared type is Iterator; the object is a {@link RepoStream}, whose
     * {@code firstPage()} gives the totals.
     */
    public Iterator<Repo> stream(String org, RepoQuery q) {
        Names.org(org);
        RepoQuery query = q == null ? RepoQuery.all() : q;
        return new RepoStream(page -> fetch(org, query, page, STREAM_PAGE_SIZE));
    }

    /** Every matching repo, all pages read now. */
    public List<Repo> list(String org, RepoQuery q) {
        List<Repo> all = new ArrayList<>();
        stream(org, q).forEachRemaining(all::add);
        return all;
    }

    /** Page {@code page} (1 when null), checked before anything follows it ({@link PageGuard}). */
    private Page<Repo> fetch(String org, RepoQuery q, Integer page, Integer size) {
        Call call = Call.get("orgs", org, "repos", "paginated")
                .query("page", page)
                .query("size", size)
                .query("filter_metadata", q.filterMetadata().isEmpty() ? null : json(q.filterMetadata()))
                .query("include_ghosts", q.includeGhosts() ? "true" : null);
        return PageGuard.checked(
                transport.read(call, PAGE), page == null ? 1 : page, call.method() + " " + call.path());
    }

    public Repo get(RepoName name) {
        return transport.read(Call.get("repos", name.org(), name.repo()), Repo.class);
    }

    public Repo create(RepoName name, RepoCreate spec) {
        RepoCreate s = spec == null ? RepoCreate.defaults() : spec;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name.repo());
        putIfSet(body, "description", s.description());
        putIfSet(body, "bucket_nickname", s.bucketNickname());
        putIfSet(body, "kind", s.kind());
        putIfSet(body, "metadata", s.metadata());
        putIfSet(body, "prefix", s.prefix());
        putIfSet(body, "create_mode", s.createMode());
        return transport.read(Call.of("POST", "orgs", name.org(), "repos").body(body), Repo.class);
    }

    /**
     * The repo, created first if missing. A 409 on create means someone else created it between our GET and POST:
     * theirs is returned, as the Python client's {@code get_or_create_repo} would after its own retry.
     */
    public Repo getOrCreate(RepoName name, RepoCreate spec) {
        try {
            return get(name);
        } catch (ArraylakeNotFoundException missing) {
            try {
                return create(name, spec);
            } catch (ArraylakeConflictException raced) {
                return get(name);
            }
        }
    }

    public Repo modify(RepoName name, RepoModify change) {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfSet(body, "description", change.description());
        putIfSet(body, "add_metadata", change.addMetadata());
        putIfSet(body, "remove_metadata", change.removeMetadata());
        putIfSet(body, "update_metadata", change.updateMetadata());
        return transport.read(Call.of("PATCH", "orgs", name.org(), name.repo()).body(body), Repo.class);
    }

    public RepoStatus setStatus(RepoName name, RepoMode mode, String message) {
        if (mode == null) {
            throw new ArraylakeNameException("repo mode", null, "one of online, maintenance, offline");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mode", mode.wire());
        putIfSet(body, "message", message);
        return transport.read(
                Call.of("PUT", "orgs", name.org(), name.repo(), "status").body(body), RepoStatus.class);
    }

    /** Deletes (soft by default: the repo becomes a ghost); without {@code confirmed} nothing is sent. */
    public void delete(RepoName name, DeleteRepo options) {
        if (options == null || !options.confirmed()) {
            throw new ArraylakeConfirmationException(
                    "Deleting repo " + name + " needs confirmation (DeleteRepo.confirmed=true); nothing was sent");
        }
        transport.send(Call.of("DELETE", "orgs", name.org(), name.repo())
                .query("immediate", options.immediate())
                .query("retain_data", options.retainData()));
    }

    /** Short-lived credentials for the repo's bucket; the platform decides their shape. Secrets: do not log them. */
    public TemporaryCredentials bucketCredentials(RepoName name) {
        return CredentialsShape.read(transport.tree(Call.get("repos", name.org(), name.repo(), "bucket-credentials")));
    }

    private static void putIfSet(Map<String, Object> body, String key, Object value) {
        if (value != null) {
            body.put(key, value);
        }
    }

    private static String json(Map<String, Object> map) {
        try {
            return Json.MAPPER.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new ArraylakeException("filterMetadata cannot be written as JSON: " + e.getOriginalMessage());
        }
    }
}
