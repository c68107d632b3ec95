package dev.cameltiledb.arraylake.component.producer;

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
import dev.cameltiledb.arraylake.client.model.RepoModify;
import dev.cameltiledb.arraylake.client.model.RepoName;
import dev.cameltiledb.arraylake.client.model.RepoQuery;
import dev.cameltiledb.arraylake.component.ArraylakeOperation;
import dev.cameltiledb.arraylake.component.ArraylakeResource;
import dev.cameltiledb.arraylake.component.DeleteOptions;
import dev.cameltiledb.arraylake.component.ListingOptions;
import dev.cameltiledb.arraylake.component.RepoOptions;
import dev.cameltiledb.camel.OptionText;
import org.apache.camel.Message;

/** {@code arraylake:repos}: list, get, getOrCreate, create, modify, setStatus, delete. */
final class ReposHandler implements ResourceHandler {

    @Override
    public void handle(ArraylakeOperation operation, MessageOptions options, Message message, ArraylakeClient client) {
        ReposApi repos = client.repos();
        RepoOptions r = options.repos();
        switch (operation) {
            case list -> list(options, message, repos);
            case get -> {
                RepoName name = options.repo();
                options.replyWithCredentials(repos.get(name), () -> repos.bucketCredentials(name));
            }
            case create -> message.setBody(repos.create(options.repo(), creation(options, message)));
            case getOrCreate -> message.setBody(repos.getOrCreate(options.repo(), creation(options, message)));
            case modify -> message.setBody(repos.modify(options.repo(), modification(options, message)));
            case setStatus ->
                message.setBody(repos.setStatus(options.repo(), options.required(r.getMode(), "mode"), r.getMessage()));
            case delete -> {
                RepoName name = options.repo();
                DeleteOptions d = options.deletes();
                options.deleteConfirmed(
                        confirmed -> repos.delete(name, new DeleteRepo(confirmed, d.isImmediate(), d.isRetainData())));
            }
            default -> throw ResourceHandler.notHandled(ArraylakeResource.repos, operation);
        }
    }

    /**
     * One page (page option), a lazy iterator (streamResults) or every page up to maxResults; the paging headers come
     * from the page read (the first one unless page is given), so a stream fetches its first page at once.
     */
    private static void list(MessageOptions options, Message message, ReposApi repos) {
        ListingOptions l = options.listing();
        String org = options.org();
        RepoQuery query = new RepoQuery(
                l.getPage(),
                l.getSize(),
                options.jsonObject(l.getFilterMetadata(), "filterMetadata"),
                l.isIncludeGhosts());
        if (l.getPage() != null) {
            Page<Repo> page = repos.page(org, query);
            options.pagingHeaders(page.total(), page.page(), page.size(), page.pages());
            message.setBody(options.limited(page.items()));
            return;
        }
        Iterator<Repo> stream = repos.stream(org, query);
        if (stream instanceof RepoStream pages) {
            Page<Repo> first = pages.firstPage();
            options.pagingHeaders(first.total(), first.page(), first.size(), first.pages());
        }
        Iterator<Repo> limited = options.limited(stream);
        if (l.isStreamResults()) {
            message.setBody(limited);
        } else {
            List<Repo> all = new ArrayList<>();
            limited.forEachRemaining(all::add); // stops at maxResults without fetching further pages
            message.setBody(all);
        }
    }

    /** What create and getOrCreate send: the options, with a Map body as the metadata when the option is unset. */
    private static RepoCreate creation(MessageOptions options, Message message) {
        RepoOptions r = options.repos();
        Map<String, Object> metadata = options.jsonObject(r.getMetadata(), "metadata");
        return new RepoCreate(
                r.getBucketNickname(),
                r.getKind() == null ? null : r.getKind().name(),
                r.getPrefix(),
                r.getDescription(),
                metadata != null ? metadata : options.mapBody(),
                r.getCreateMode() == null ? null : r.getCreateMode().wire());
    }

    /** A RepoModify body as it is; else the options, with a Map body as updateMetadata when that option is unset. */
    private static RepoModify modification(MessageOptions options, Message message) {
        if (message.getBody() instanceof RepoModify given) {
            return given;
        }
        RepoOptions r = options.repos();
        Map<String, Object> update = options.jsonObject(r.getUpdateMetadata(), "updateMetadata");
        return new RepoModify(
                r.getDescription(),
                options.jsonObject(r.getAddMetadata(), "addMetadata"),
                OptionText.list(r.getRemoveMetadata()),
                update != null ? update : options.mapBody());
    }
}
