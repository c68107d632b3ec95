package dev.cameltiledb.arraylake.component;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import dev.cameltiledb.arraylake.client.ArraylakeClient;
import dev.cameltiledb.arraylake.client.RepoStream;
import dev.cameltiledb.arraylake.client.ReposApi;
import dev.cameltiledb.arraylake.client.model.DeleteRepo;
import dev.cameltiledb.arraylake.client.model.Page;
import dev.cameltiledb.arraylake.client.model.Repo;
import dev.cameltiledb.arraylake.client.model.RepoCreate;
import dev.cameltiledb.arraylake.client.model.RepoMode;
import dev.cameltiledb.arraylake.client.model.RepoModify;
import dev.cameltiledb.arraylake.client.model.RepoName;
import dev.cameltiledb.arraylake.client.model.RepoQuery;

/** {@code arraylake:repos}: list, get, getOrCreate, create, modify, setStatus, delete. */
final class RepoCalls implements ResourceCalls {

    @Override
    public void run(MessageCall call, ArraylakeClient client) {
        ReposApi repos = client.repos();
        ArraylakeConfiguration o = call.options;
        switch (call.operation) {
            case list -> list(call, repos);
            case get -> {
                RepoName name = call.repo();
                call.replyWithCredentials(repos.get(name), () -> repos.bucketCredentials(name));
            }
            case create -> call.message.setBody(repos.create(call.repo(), creation(call)));
            case getOrCreate -> call.message.setBody(repos.getOrCreate(call.repo(), creation(call)));
            case modify -> call.message.setBody(repos.modify(call.repo(), modification(call)));
            case setStatus ->
                call.message.setBody(
                        repos.setStatus(call.repo(), RepoMode.of(call.required(o.getMode(), "mode")), o.getMessage()));
            case delete -> {
                RepoName name = call.repo();
                call.deleteConfirmed(
                        confirmed -> repos.delete(name, new DeleteRepo(confirmed, o.isImmediate(), o.isRetainData())));
            }
            default -> throw ResourceCalls.unhandled(call);
        }
    }

    /**
     * One page (page option), a lazy iterator (streamResults) or every page up to maxResults; the paging headers come
     * from the page read (the first one unless page is given), so a stream fetches its first page at once.
     */
    private static void list(MessageCall call, ReposApi repos) {
        ArraylakeConfiguration o = call.options;
        String org = call.org();
        RepoQuery query = new RepoQuery(
                o.getPage(),
                o.getSize(),
                call.jsonObject(o.getFilterMetadata(), "filterMetadata"),
                o.isIncludeGhosts());
        if (o.getPage() != null) {
            Page<Repo> page = repos.page(org, query);
            call.pagingHeaders(page.total(), page.page(), page.size(), page.pages());
            call.message.setBody(call.limited(page.items()));
            return;
        }
        Iterator<Repo> stream = repos.stream(org, query);
        if (stream instanceof RepoStream pages) {
            Page<Repo> first = pages.firstPage();
            call.pagingHeaders(first.total(), first.page(), first.size(), first.pages());
        }
        Iterator<Repo> limited = call.limited(stream);
        if (o.isStreamResults()) {
            call.message.setBody(limited);
        } else {
            List<Repo> all = new ArrayList<>();
            limited.forEachRemaining(all::add); // stops at maxResults without fetching further pages
            call.message.setBody(all);
        }
    }

    /** What create and getOrCreate send: the options, with a Map body as the metadata when the option is unset. */
    private static RepoCreate creation(MessageCall call) {
        ArraylakeConfiguration o = call.options;
        Map<String, Object> metadata = call.jsonObject(o.getMetadata(), "metadata");
        return new RepoCreate(
                o.getBucketNickname(),
                o.getKind(),
                o.getPrefix(),
                o.getDescription(),
                metadata != null ? metadata : call.mapBody(),
                o.getCreateMode());
    }

    /** A RepoModify body as it is; else the options, with a Map body as updateMetadata when that option is unset. */
    private static RepoModify modification(MessageCall call) {
        if (call.message.getBody() instanceof RepoModify given) {
            return given;
        }
        ArraylakeConfiguration o = call.options;
        Map<String, Object> update = call.jsonObject(o.getUpdateMetadata(), "updateMetadata");
        return new RepoModify(
                o.getDescription(),
                call.jsonObject(o.getAddMetadata(), "addMetadata"),
                MessageCall.commaList(o.getRemoveMetadata()),
                update != null ? update : call.mapBody());
    }
}
