package dev.cameltiledb.component;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameltiledb.client.ArrayListQuery;
import dev.cameltiledb.client.GroupListQuery;
import dev.cameltiledb.client.ListingFilters;
import dev.cameltiledb.client.Listing;
import dev.cameltiledb.client.PagedIterator;
import dev.cameltiledb.client.TileDBApiException;
import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.client.TileDBJson;
import dev.cameltiledb.client.model.ArrayInfo;
import dev.cameltiledb.client.model.GroupInfo;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * A change feed of arrays, notebooks or groups: each poll lists the assets (page by page) and emits one exchange per
 * asset that appeared ({@code created}), changed ({@code updated}: any field the service keeps, except the
 * last-accessed time, which every read moves) or disappeared ({@code deleted}, with its last known description). The
 * known state moves only past exchanges that completed, so a failed one is emitted again on the next poll.
 */
public class TileDBChangeConsumer extends TileDBBatchConsumer {

    static final String CREATED = "created";
    static final String UPDATED = "updated";
    static final String DELETED = "deleted";

    private final ObjectMapper mapper = TileDBJson.mapper();
    /** asset id → its description as JSON, without last_accessed. */
    private Map<String, String> known;
    private String stateKey;

    private record Change(String kind, String id, String json) {
    }

    TileDBChangeConsumer(TileDBEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected void doStart() throws Exception {
        TileDBConfiguration c = endpoint.getConfiguration();
        super.doStart();
        stateKey = c.getStateKey() != null ? c.getStateKey() : "tiledb:" + endpoint.getResource() + ":" + c.getNamespace();
        String saved = state.getState(stateKey);
        known = saved == null ? null : mapper.readValue(saved, new TypeReference<LinkedHashMap<String, String>>() { });
    }

    @Override
    protected int poll() throws Exception {
        Map<String, String> current = new LinkedHashMap<>();
        try {
            for (Iterator<?> it = listing(endpoint.getClient()); it.hasNext(); ) {
                Object asset = it.next();
                current.put(idOf(asset), fingerprint(asset));
            }
        } catch (TileDBApiException e) {
            throw new TileDBPollException(e);
        }
        if (known == null) {
            known = new HashMap<>();
            if (!endpoint.getConfiguration().isInitialSnapshot()) {
                known.putAll(current);
                save();
                return 0;
            }
        }
        Queue<Object> changes = new LinkedList<>();
        current.forEach((id, json) -> {
            String before = known.get(id);
            if (before == null) {
                changes.add(new Change(CREATED, id, json));
            } else if (!before.equals(json)) {
                changes.add(new Change(UPDATED, id, json));
            }
        });
        known.forEach((id, json) -> {
            if (!current.containsKey(id)) {
                changes.add(new Change(DELETED, id, json));
            }
        });
        int max = getMaxMessagesPerPoll();
        while (max > 0 && changes.size() > max) {
            ((LinkedList<Object>) changes).removeLast();
        }
        return processBatch(changes);
    }

    private Iterator<?> listing(TileDBClient client) {
        TileDBConfiguration c = endpoint.getConfiguration();
        ListingFilters filters = new ListingFilters(null, c.getNamespace(), null, null, null, null, null, null,
                c.getPerPage());
        return switch (endpoint.getResource()) {
            case groups -> new PagedIterator<>(page -> client.groups().browse(Listing.OWNED,
                    new GroupListQuery(filters, null, true, null), page), 0);
            case notebooks -> new PagedIterator<>(page -> client.arrays().browse(Listing.OWNED,
                    new ArrayListQuery(filters, List.of(NotebooksHandler.NOTEBOOK), null, null), page), 0);
            default -> new PagedIterator<>(page -> client.arrays().browse(Listing.OWNED,
                    new ArrayListQuery(filters, null, null, null), page), 0);
        };
    }

    private static String idOf(Object asset) {
        return asset instanceof GroupInfo g ? g.id() : ((ArrayInfo) asset).id();
    }

    private String fingerprint(Object asset) throws JsonProcessingException {
        ObjectNode json = mapper.valueToTree(asset);
        json.remove("last_accessed");
        return mapper.writeValueAsString(json);
    }

    @Override
    public int processBatch(Queue<Object> changes) throws Exception {
        int total = changes.size();
        int index = 0;
        Class<?> type = endpoint.getResource() == TileDBResource.groups ? GroupInfo.class : ArrayInfo.class;
        while (!changes.isEmpty() && isBatchAllowed()) {
            Change change = (Change) changes.poll();
            Exchange exchange = createExchange(false);
            exchange.getMessage().setBody(mapper.readValue(change.json(), type));
            exchange.getMessage().setHeader(TileDBConstants.CHANGE, change.kind());
            if (deliver(exchange, index++, total, "the " + change.kind() + " change of " + change.id())) {
                if (change.kind().equals(DELETED)) {
                    known.remove(change.id());
                } else {
                    known.put(change.id(), change.json());
                }
            }
        }
        save();
        return index;
    }

    private void save() throws JsonProcessingException {
        state.setState(stateKey, mapper.writeValueAsString(known));
    }
}
