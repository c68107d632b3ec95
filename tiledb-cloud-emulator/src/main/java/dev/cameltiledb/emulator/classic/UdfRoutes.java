package dev.cameltiledb.emulator.classic;

import java.util.List;
import java.util.Objects;

import dev.cameltiledb.emulator.common.Router;
import dev.cameltiledb.emulator.data.Caller;
import dev.cameltiledb.emulator.data.udf.UdfCopied;
import dev.cameltiledb.emulator.data.udf.UdfCopy;
import dev.cameltiledb.emulator.data.udf.UdfFavorite;
import dev.cameltiledb.emulator.data.udf.UdfInfoUpdate;
import dev.cameltiledb.emulator.data.udf.UdfRegistry;
import dev.cameltiledb.emulator.data.udf.UdfSharing;
import dev.cameltiledb.emulator.http.ApiFailure;
import dev.cameltiledb.emulator.http.Handler;
import dev.cameltiledb.emulator.http.HttpCall;
import dev.cameltiledb.emulator.http.Pagination;
import dev.cameltiledb.emulator.state.EmulatorState;
import dev.cameltiledb.emulator.state.StoredArray;

/**
 * Registered UDFs ({@code /v1/udf/{namespace}/{name}} with its sharing, copies and versions) and favorites
 * ({@code /v1/udfs/favorites}). The engine's registry keeps each UDF's versions and sharing; the catalog keeps the
 * array of file type {@code user_defined_function} that the array browser lists ({@link RegisteredEntries}).
 */
public final class UdfRoutes {

    private final EmulatorState state;
    private final EngineCalls calls;
    private final ArrayRoutes arrays;
    private final RegisteredEntries entries;

    UdfRoutes(EmulatorState state, EngineCalls calls, ArrayRoutes arrays) {
        this.state = state;
        this.calls = calls;
        this.arrays = arrays;
        this.entries = new RegisteredEntries(state, "user_defined_function", "UDF");
    }

    public void register(Router<Handler> router) {
        router.add("GET", "/v1/udf/{namespace}/{name}", EngineCalls.guarded(this::info))
                .add("POST", "/v1/udf/{namespace}/{name}", EngineCalls.guarded(this::registerUdf))
                .add("PATCH", "/v1/udf/{namespace}/{name}", EngineCalls.guarded(this::update))
                .add("DELETE", "/v1/udf/{namespace}/{name}", EngineCalls.guarded(this::delete))
                .add("GET", "/v1/udf/{namespace}/{name}/share", EngineCalls.guarded(this::sharing))
                .add("PATCH", "/v1/udf/{namespace}/{name}/share", EngineCalls.guarded(this::share))
                .add("POST", "/v1/udf/{namespace}/{name}/copy", EngineCalls.guarded(this::copy))
                .add("GET", "/v1/udf/{namespace}/{name}/end_timestamps", EngineCalls.guarded(this::versions))
                .add("GET", "/v1/udfs/favorites", EngineCalls.guarded(this::favorites))
                .add("GET", "/v1/udfs/favorites/uuids", EngineCalls.guarded(this::favoriteIds))
                .add("GET", "/v1/udfs/favorites/{namespace}/{name}", EngineCalls.guarded(this::favorite))
                .add("POST", "/v1/udfs/favorites/{namespace}/{name}", EngineCalls.guarded(call -> mark(call, true)))
                .add("DELETE", "/v1/udfs/favorites/{namespace}/{name}", EngineCalls.guarded(call -> mark(call, false)));
    }

    private UdfRegistry registry() {
        return calls.engine().udfRegistry();
    }

    private void info(HttpCall call) {
        call.json(200, registry().get(calls.caller(call), call.path("namespace"), call.path("name")));
    }

    private void registerUdf(HttpCall call) {
        String namespace = call.path("namespace");
        String name = call.path("name");
        Caller caller = calls.caller(call);
        entries.requireFree(namespace, name);
        registry().register(caller, namespace, name, call.body(UdfInfoUpdate.class));
        entries.add(namespace, name, registry().get(caller, namespace, name).id(), call.user());
        call.noContent();
    }

    private void update(HttpCall call) {
        registry()
                .update(calls.caller(call), call.path("namespace"), call.path("name"), call.body(UdfInfoUpdate.class));
        StoredArray entry = entries.find(call.path("namespace"), call.path("name"));
        if (entry != null) {
            state.activity().record(entry, "array_metadata_update", call.user().username());
        }
        call.noContent();
    }

    private void delete(HttpCall call) {
        registry().delete(calls.caller(call), call.path("namespace"), call.path("name"));
        entries.remove(call.path("namespace"), call.path("name"), call.user());
        call.noContent();
    }

    private void sharing(HttpCall call) {
        call.json(200, registry().sharing(calls.caller(call), call.path("namespace"), call.path("name")));
    }

    private void share(HttpCall call) {
        UdfSharing body = call.body(UdfSharing.class);
        if (body.namespace() != null
                && !state.accounts().namespaceExists(body.namespace())
                && !EmulatorState.PUBLIC.equals(body.namespace())) {
            throw ApiFailure.notFound("namespace " + body.namespace() + " does not exist");
        }
        registry().share(calls.caller(call), call.path("namespace"), call.path("name"), body);
        // fetch_udf and share_udf are UDF actions; the catalog entry the browser shows grants the array action read
        entries.share(
                call.path("namespace"),
                call.path("name"),
                body.namespace(),
                body.actions() == null || body.actions().isEmpty() ? List.of() : List.of("read"));
        call.noContent();
    }

    private void copy(HttpCall call) {
        UdfCopy body = call.hasNoBody() ? null : call.body(UdfCopy.class);
        Caller caller = calls.caller(call);
        String toNamespace = body == null || body.namespace() == null ? caller.username() : body.namespace();
        String toName = body == null || body.name() == null ? call.path("name") : body.name();
        entries.requireFree(toNamespace, toName);
        UdfCopied copied = registry()
                .copy(caller, call.path("namespace"), call.path("name"), body, call.queryLong("end_timestamp"));
        entries.add(copied.namespace(), copied.name(), copied.id(), call.user());
        call.json(201, copied);
    }

    /** The versions' end timestamps (ms), oldest first, a page at a time. */
    private void versions(HttpCall call) {
        List<Long> all = registry().endTimestamps(calls.caller(call), call.path("namespace"), call.path("name"));
        call.json(
                200,
                Pagination.page(
                        "end_timestamps",
                        all,
                        Pagination.positive(call, "page", 1),
                        Pagination.positive(call, "per_page", ArrayRoutes.DEFAULT_PER_PAGE),
                        t -> t));
    }

    /** The caller's favorite UDFs as the array browser shows them, a page at a time. */
    private void favorites(HttpCall call) {
        List<StoredArray> favorites = registry().favorites(calls.caller(call)).stream()
                .map(f -> entries.find(f.namespace(), f.name()))
                .filter(Objects::nonNull)
                .toList();
        call.json(
                200,
                Pagination.page(
                        "udfs",
                        favorites,
                        Pagination.positive(call, "page", 1),
                        Pagination.positive(call, "per_page", ArrayRoutes.DEFAULT_PER_PAGE),
                        a -> arrays.info(a, call.user(), false)));
    }

    private void favoriteIds(HttpCall call) {
        call.json(200, registry().favorites(calls.caller(call)));
    }

    private void favorite(HttpCall call) {
        String namespace = call.path("namespace");
        String name = call.path("name");
        UdfFavorite favorite = registry().favorites(calls.caller(call)).stream()
                .filter(f -> f.namespace().equals(namespace) && f.name().equals(name))
                .findFirst()
                .orElseThrow(() -> ApiFailure.notFound("UDF " + namespace + "/" + name + " is no favorite of yours"));
        call.json(200, favorite);
    }

    private void mark(HttpCall call, boolean favorite) {
        registry().favorite(calls.caller(call), call.path("namespace"), call.path("name"), favorite);
        call.noContent();
    }
}
