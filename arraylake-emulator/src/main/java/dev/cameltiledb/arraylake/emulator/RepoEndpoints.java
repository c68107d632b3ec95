package dev.cameltiledb.arraylake.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.common.Answer;
import dev.cameltiledb.emulator.common.Router;

/**
 * The repo endpoints: paginated listing, get, create, modify, status, delete and the repo's bucket credentials. Each
 * one checks its input first (a 422, as FastAPI validates before the handler runs), then finds the org and repo (404)
 * and the caller's right (403), then applies the service's rules (409, 422).
 */
final class RepoEndpoints {

    static final int MAX_PAGE_SIZE = 100;
    static final int DEFAULT_PAGE_SIZE = 50;

    private final ArraylakeState state;
    private final ObjectMapper mapper;

    RepoEndpoints(ArraylakeState state, ObjectMapper mapper) {
        this.state = state;
        this.mapper = mapper;
    }

    void register(Router<Endpoint> routes) {
        routes.add("GET", "/orgs/{org}/repos/paginated", this::list);
        routes.add("GET", "/repos/{org}/{repo}", this::get);
        routes.add("POST", "/orgs/{org}/repos", this::create);
        routes.add("PATCH", "/orgs/{org}/{repo}", this::modify);
        routes.add("PUT", "/orgs/{org}/{repo}/status", this::setStatus);
        routes.add("DELETE", "/orgs/{org}/{repo}", this::delete);
        routes.add("GET", "/repos/{org}/{repo}/bucket-credentials", this::bucketCredentials);
    }

    private Answer list(Request request) {
        String orgName = request.pathName("org", NameRules::org);
        int page = request.queryInt("page", 1, 1, Integer.MAX_VALUE);
        int size = request.queryInt("size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        Map<String, Object> filter = filter(request.query("filter_metadata"));
        boolean includeGhosts = request.queryBoolean("include_ghosts", false);
        Org org = state.requireOrg(orgName);
        Access.require(org, request.principal(), OrgAction.CAN_READ_REPOS);

        List<StoredRepo> ordered = org.repos().ordered(includeGhosts);
        List<StoredRepo> matching = filter.isEmpty() ? ordered : matching(ordered, filter);
        int total = matching.size();
        long from = (long) (page - 1) * size;
        List<Wire.Repo> items = new ArrayList<>();
        for (long i = from; i < Math.min(total, from + size); i++) {
            items.add(Views.repo(org, matching.get((int) i)));
        }
        int pages = (total + size - 1) / size;
        return Answer.ok(new Wire.Page(items, total, page, size, pages));
    }

    private static List<StoredRepo> matching(List<StoredRepo> ordered, Map<String, Object> filter) {
        List<StoredRepo> out = new ArrayList<>();
        for (StoredRepo repo : ordered) {
            if (Metadata.matches(repo.metadata(), filter)) {
                out.add(repo);
            }
        }
        return out;
    }

    /** {@code filter_metadata}: a JSON object in a string, as the Python client sends {@code json.dumps(...)}. */
    private Map<String, Object> filter(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            Object parsed = mapper.readValue(text, Object.class);
            if (parsed instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> filter = (Map<String, Object>) map;
                return filter;
            }
        } catch (JacksonException e) {
            // answered below, like any other value that is not a JSON object
        }
        throw ApiError.invalid(
                Problem.query("filter_metadata", "Value error, filter_metadata must be a JSON object", "value_error"));
    }

    private Answer get(Request request) {
        String orgName = request.pathName("org", NameRules::org);
        String name = request.pathName("repo", NameRules::repo);
        Org org = state.requireOrg(orgName);
        Access.member(org, request.principal());
        StoredRepo repo = state.requireRepo(org, name);
        Access.require(org, request.principal(), RepoAction.CAN_READ, name);
        return Answer.ok(Views.repo(org, repo));
    }

    private Answer create(Request request) {
        String orgName = request.pathName("org", NameRules::org);
        BodyReader body = request.body();
        String name = body.string("name", true);
        if (name != null) {
            body.rule("name", NameRules.repo(name));
        }
        String description = body.string("description", false);
        String nickname = body.string("bucket_nickname", false);
        if (nickname != null) {
            body.rule("bucket_nickname", NameRules.nickname(nickname));
            nickname = nickname.strip();
        }
        String kind = body.literal("kind", List.of("v1", "icechunk"), "icechunk");
        Map<String, Object> metadata = body.metadata("metadata");
        String prefix = body.string("prefix", false);
        if (prefix != null) {
            body.rule("prefix", NameRules.prefix(prefix));
            prefix = prefix.strip();
        }
        // the three modes differ in what the service does in storage, which the emulator has none of
        body.literal("create_mode", List.of("create", "register", "import"), "create");
        body.intChoice("spec_version", List.of(1, 2));
        body.check();

        Org org = state.requireOrg(orgName);
        Access.require(org, request.principal(), OrgAction.CAN_WRITE_REPOS);
        if ("v1".equals(kind)) {
            throw ApiError.unprocessable("v1 repos can no longer be created");
        }
        StoredRepo repo = state.createRepo(
                org,
                new RepoSpec(name, description, nickname, kind, metadata, prefix),
                request.principal().id());
        return Answer.created(Views.repo(org, repo));
    }

    private Answer modify(Request request) {
        String orgName = request.pathName("org", NameRules::org);
        String name = request.pathName("repo", NameRules::repo);
        BodyReader body = request.body();
        String description = body.string("description", false);
        Map<String, Object> add = body.metadata("add_metadata");
        Map<String, Object> update = body.metadata("update_metadata");
        List<String> remove = body.stringList("remove_metadata");
        Map<String, Object> optimization = body.object("optimization_config", false);
        body.check();

        Org org = state.requireOrg(orgName);
        Access.member(org, request.principal());
        StoredRepo repo = state.requireRepo(org, name);
        Access.require(org, request.principal(), RepoAction.CAN_WRITE, name);
        Instant at = state.time().after(repo.updated());
        StoredRepo changed = repo.touched(at);
        if (add != null || update != null || remove != null) {
            changed = changed.withMetadata(Metadata.modified(repo.metadata(), add, update, remove), at);
        }
        if (description != null) {
            changed = changed.withDescription(description, at);
        }
        if (optimization != null) {
            changed = changed.withOptimizationConfig(optimization, at);
        }
        org.repos().replace(changed);
        return Answer.ok(Views.repo(org, changed));
    }

    private Answer setStatus(Request request) {
        String orgName = request.pathName("org", NameRules::org);
        String name = request.pathName("repo", NameRules::repo);
        BodyReader body = request.body();
        String mode = body.literal("mode", List.of("online", "maintenance", "offline"), null);
        if (!body.has("mode")) {
            body.problem(Problem.missingBody("mode"));
        }
        String message = body.string("message", false);
        body.check();

        Org org = state.requireOrg(orgName);
        Access.member(org, request.principal());
        StoredRepo repo = state.requireRepo(org, name);
        Access.require(org, request.principal(), RepoAction.CAN_WRITE, name);
        RepoStatus status = new RepoStatus(mode, message, request.principal().id());
        org.repos().replace(repo.withStatus(status, state.time().after(repo.updated())));
        return Answer.ok(Views.status(status));
    }

    private Answer delete(Request request) {
        String orgName = request.pathName("org", NameRules::org);
        String name = request.pathName("repo", NameRules::repo);
        boolean immediate = request.queryBoolean("immediate", false);
        boolean retainData = request.queryBoolean("retain_data", false);
        Org org = state.requireOrg(orgName);
        Access.member(org, request.principal());
        StoredRepo repo = state.requireRepo(org, name);
        Access.requireAdmin(org, request.principal(), "delete repo " + orgName + "/" + name);
        state.deleteRepo(org, repo, request.principal().id(), immediate, retainData);
        return Answer.noContent();
    }

    private Answer bucketCredentials(Request request) {
        String orgName = request.pathName("org", NameRules::org);
        String name = request.pathName("repo", NameRules::repo);
        Org org = state.requireOrg(orgName);
        Access.member(org, request.principal());
        StoredRepo repo = state.requireRepo(org, name);
        Access.require(org, request.principal(), RepoAction.CAN_READ, name);
        BucketConfig bucket = org.bucket(repo.bucketId())
                .orElseThrow(() -> ApiError.unprocessable("Repo " + orgName + "/" + name + " has no bucket config"));
        return Answer.ok(Credentials.issue(bucket, state.time().now()));
    }
}
