package dev.cameltiledb.arraylake.component;

import java.util.Map;

import dev.cameltiledb.arraylake.client.ArraylakeClient;
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

    /** One page (page option), a lazy iterator (streamResults) or every page up to maxResults. */
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
            call.message.setHeader(ArraylakeConstants.TOTAL_COUNT, page.total());
            call.message.setHeader(ArraylakeConstants.PAGE_COUNT, page.pages());
            call.message.setBody(call.limited(page.items()));
        } else if (o.isStreamResults()) {
            call.message.setBody(call.limited(repos.stream(org, query)));
        } else {
            call.message.setBody(call.limited(repos.list(org, query)));
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
