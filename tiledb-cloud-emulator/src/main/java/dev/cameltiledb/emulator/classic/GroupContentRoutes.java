package dev.cameltiledb.emulator.classic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cameltiledb.emulator.common.Access;
import dev.cameltiledb.emulator.common.Router;
import dev.cameltiledb.emulator.http.ApiFailure;
import dev.cameltiledb.emulator.http.Handler;
import dev.cameltiledb.emulator.http.HttpCall;
import dev.cameltiledb.emulator.http.Pagination;
import dev.cameltiledb.emulator.state.ActivityEvent;
import dev.cameltiledb.emulator.state.EmulatorState;
import dev.cameltiledb.emulator.state.StoredArray;
import dev.cameltiledb.emulator.state.StoredAsset;
import dev.cameltiledb.emulator.state.StoredGroup;

/**
 * The v2 group endpoints TileDB Embedded and the official clients use to read a group: retrieve (its members and
 * metadata), metadata read and update, the existence check ({@code OPTIONS}), and the activity of the group with
 * everything it holds. The group's own activity log is kept here too ({@link #log}).
 *
 * <p>Action names of the group's own log: the service documents none for groups ({@code AssetActivityLog.action} is
 * a free string), so the emulator uses the {@code ActivityEventType} names where one fits ({@code create},
 * {@code register}) and its own otherwise: {@code update}, {@code group_contents_update},
 * {@code group_metadata_get}, {@code group_metadata_update}.
 */
final class GroupContentRoutes {

    /** The default window of the activity endpoint: the seven days up to {@code end}. */
    private static final long DEFAULT_WINDOW_SECONDS = 7 * 24 * 3600;

    /** One event and the asset whose log holds it. */
    private record AssetEvent(StoredAsset asset, ActivityEvent event) {}

    private static final Comparator<AssetEvent> NEWEST_FIRST =
            Comparator.comparing((AssetEvent e) -> e.event().eventAt()).reversed();

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON_TEXT =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final EmulatorState state;

    GroupContentRoutes(EmulatorState state) {
        this.state = state;
    }

    void register(Router<Handler> router) {
        // a retrieve only reads, though it is a POST (its body is a config the emulator has no use for)
        router.add("POST", "/v2/groups/{namespace}/{group}", Access.READ, this::retrieve)
                .add("OPTIONS", "/v2/groups/{namespace}/{group}", this::exists)
                .add("POST", "/v2/groups/{namespace}/{group}/metadata", this::metadata)
                .add("PUT", "/v2/groups/{namespace}/{group}/metadata", this::updateMetadata)
                .add("GET", "/v2/groups/{namespace}/{group}/activity", this::activity);
    }

    /** {@code GroupContentsRetrievalResponse}: every member (name, tiledb URI, type) and the metadata. */
    private void retrieve(HttpCall call) {
        optionalBody(call);
        StoredGroup group = readable(call);
        List<GroupAnswers.Member> members = new ArrayList<>();
        for (StoredGroup.Member m : group.members) {
            StoredAsset asset = m.type().equals("group")
                    ? state.catalog().group(m.id())
                    : state.catalog().array(m.id());
            if (asset != null) {
                members.add(new GroupAnswers.Member(
                        asset.name, asset.tiledbUri(), m.type().equals("group") ? "GROUP" : "ARRAY"));
            }
        }
        call.json(200, new GroupAnswers.ContentsRetrieval(members, metadata(group)));
    }

    /**
     * The spec's existence check: 204 when the caller may see the group, else 404; the spec gives neither answer a
     * body, so the 404 has none either.
     */
    private void exists(HttpCall call) {
        boolean visible;
        try {
            readable(call);
            visible = true;
        } catch (ApiFailure notFound) {
            visible = false;
        }
        call.empty(visible ? 204 : 404);
    }

    private void metadata(HttpCall call) {
        optionalBody(call);
        StoredGroup group = readable(call);
        state.activity().record(group, "group_metadata_get", call.user());
        call.json(200, metadata(group));
    }

    /**
     * {@code GroupMetadataUpdateRequest}: each entry replaces the key's value, an entry with {@code del: true} removes
     * the key. Needs the {@code write} action on the group (its namespace's administrators, or a share that grants it);
     * one who may only read gets 403. The whole request is checked before anything changes.
     */
    @SuppressWarnings("unchecked")
    private void updateMetadata(HttpCall call) {
        Map<String, Object> body = call.body(LinkedHashMap.class);
        if (!(body.get("metadata") instanceof Map<?, ?> metadata)) {
            throw ApiFailure.badRequest("metadata is required");
        }
        Object rawEntries = metadata.get("entries");
        if (rawEntries != null && !(rawEntries instanceof List<?>)) {
            throw ApiFailure.badRequest("metadata.entries must be a list");
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Object e : rawEntries == null ? List.of() : (List<?>) rawEntries) {
            if (!(e instanceof Map<?, ?> entry) || !(entry.get("key") instanceof String key) || key.isEmpty()) {
                throw ApiFailure.badRequest("every metadata entry needs a key");
            }
            if (entry.get("del") != null && !(entry.get("del") instanceof Boolean)) {
                throw ApiFailure.badRequest("metadata entry " + key + ": del must be true or false");
            }
            if (!Boolean.TRUE.equals(entry.get("del"))
                    && (!(entry.get("type") instanceof String type) || type.isEmpty())) {
                throw ApiFailure.badRequest("metadata entry " + key + " needs a type");
            }
            entries.add((Map<String, Object>) entry);
        }
        StoredGroup group = readable(call);
        if (!state.access().actionsOf(call.user(), group).contains("write")) {
            throw ApiFailure.forbidden(
                    "user " + call.user().username() + " may not write the metadata of " + group.tiledbUri());
        }
        for (Map<String, Object> entry : entries) {
            String key = (String) entry.get("key");
            if (Boolean.TRUE.equals(entry.get("del"))) {
                group.metadataEntries.remove(key);
            } else {
                Map<String, Object> kept = new LinkedHashMap<>();
                kept.put("key", key);
                kept.put("type", entry.get("type"));
                if (entry.get("valueNum") != null) {
                    kept.put("valueNum", entry.get("valueNum"));
                }
                kept.put("value", entry.get("value"));
                group.metadataEntries.put(key, kept);
            }
        }
        state.activity().record(group, "group_metadata_update", call.user());
        call.empty(200);
    }

    /**
     * {@code GroupActivityResponse}: the events of the group, of every array and sub-group it holds and of what those
     * hold, inside the window {@code [start, end]} (epoch seconds, both inclusive; by default the seven days up to
     * now), newest first. A group met twice (nested in two places) counts once.
     */
    private void activity(HttpCall call) {
        Long start = call.queryLong("start");
        Long end = call.queryLong("end");
        int page = Pagination.positive(call, "page", 1);
        int perPage = Pagination.positive(call, "per_page", ArrayRoutes.DEFAULT_PER_PAGE);
        StoredGroup group = readable(call);
        long to = end != null ? end : state.now().getEpochSecond();
        long from = start != null ? start : to - DEFAULT_WINDOW_SECONDS;
        List<AssetEvent> events = state.listing(call.questionWithout("page"), page, () -> {
            List<AssetEvent> all = new ArrayList<>();
            collect(group, new HashSet<>(), all);
            return all.stream()
                    .filter(e -> e.event().eventAt().getEpochSecond() >= from
                            && e.event().eventAt().getEpochSecond() <= to)
                    .sorted(NEWEST_FIRST)
                    .toList();
        });
        call.json(200, Pagination.page("activity_logs", events, page, perPage, GroupContentRoutes::activityEntry));
    }

    private void collect(StoredGroup group, Set<String> seen, List<AssetEvent> into) {
        if (!seen.add(group.id)) {
            return;
        }
        group.activity.forEach(e -> into.add(new AssetEvent(group, e)));
        for (StoredGroup.Member m : group.members) {
            if (m.type().equals("group")) {
                StoredGroup sub = state.catalog().group(m.id());
                if (sub != null) {
                    collect(sub, seen, into);
                }
            } else {
                StoredArray array = state.catalog().array(m.id());
                if (array != null && seen.add(array.id)) {
                    array.activity.forEach(e -> into.add(new AssetEvent(array, e)));
                }
            }
        }
    }

    private static GroupAnswers.GroupActivity activityEntry(AssetEvent e) {
        GroupAnswers.ActivityAsset asset = new GroupAnswers.ActivityAsset(
                e.asset().id,
                e.asset().name,
                e.asset().namespace,
                e.asset() instanceof StoredArray a && a.fileType != null
                        ? a.fileType
                        : e.asset() instanceof StoredGroup ? "group" : "array");
        return new GroupAnswers.GroupActivity(
                e.event().id(),
                e.event().eventAt().toString(),
                e.event().action(),
                e.event().username(),
                e.event().arrayTaskId(),
                asset);
    }

    /** The spec's {@code Metadata}: the stored entries in the order their keys were first written. */
    static GroupAnswers.Metadata metadata(StoredGroup group) {
        return new GroupAnswers.Metadata(List.copyOf(group.metadataEntries.values()));
    }

    /**
     * The v1 {@code with_metadata} view of the v2 entries ({@code MetadataStringifiedEntry}): a string type's bytes as
     * the text they spell, any other value as its JSON; the type is the TileDB datatype the client gave.
     */
    static List<Map<String, Object>> stringified(StoredGroup group) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> entry : group.metadataEntries.values()) {
            String type = String.valueOf(entry.get("type"));
            Object value = entry.get("value");
            String text;
            if ((type.startsWith("STRING") || type.equals("CHAR"))
                    && value instanceof List<?> bytes
                    && bytes.stream().allMatch(Integer.class::isInstance)) {
                byte[] raw = new byte[bytes.size()];
                for (int i = 0; i < raw.length; i++) {
                    raw[i] = ((Integer) bytes.get(i)).byteValue();
                }
                text = new String(raw, java.nio.charset.StandardCharsets.UTF_8);
            } else {
                text = jsonText(value);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", entry.get("key"));
            m.put("value", text);
            m.put("type", type);
            out.add(m);
        }
        return out;
    }

    private static String jsonText(Object value) {
        try {
            return JSON_TEXT.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a stored metadata value is not JSON", e);
        }
    }

    /** The request's optional body (a config the emulator has no use for): absent is fine, malformed is a 400. */
    private static void optionalBody(HttpCall call) {
        if (!call.hasNoBody()) {
            call.body(Map.class);
        }
    }

    private StoredGroup readable(HttpCall call) {
        return state.access().readableGroup(call.user(), call.path("namespace"), call.path("group"));
    }
}
