package dev.cameltiledb.emulator.data;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The emulator's catalog as the engine sees it, kept in a map: arrays registered, renamed and deleted by tests. */
public final class TestCatalog implements ArrayCatalog {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Map<String, ArrayEntry> arrays = new ConcurrentHashMap<>();

    @Override
    public Optional<ArrayEntry> find(String namespace, String name) {
        return Optional.ofNullable(arrays.get(namespace + "/" + name));
    }

    @Override
    public ArrayEntry create(String namespace, String name, JsonNode schema, String username) {
        ArrayEntry entry = new ArrayEntry(UUID.randomUUID().toString(), namespace, name, schema);
        arrays.put(namespace + "/" + name, entry);
        return entry;
    }

    /** Registers an array with a schema given as JSON text. */
    public ArrayEntry add(String namespace, String name, String schemaJson) {
        try {
            return create(namespace, name, MAPPER.readTree(schemaJson), "test");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Registers an array under a known id (a second process sees the same catalog). */
    public ArrayEntry put(ArrayEntry entry) {
        arrays.put(entry.namespace() + "/" + entry.name(), entry);
        return entry;
    }

    public ArrayEntry rename(String namespace, String name, String newName) {
        ArrayEntry old = arrays.remove(namespace + "/" + name);
        ArrayEntry renamed = new ArrayEntry(old.id(), namespace, newName, old.schema());
        arrays.put(namespace + "/" + newName, renamed);
        return renamed;
    }

    public void remove(String namespace, String name) {
        arrays.remove(namespace + "/" + name);
    }

    /** A sparse array of many rows: dimension "id" INT64, attributes "v" FLOAT64 and "s" STRING_UTF8. */
    public static final String WIDE = """
            {"arrayType":"sparse","tileOrder":"row-major","cellOrder":"row-major","capacity":10000,
             "domain":{"type":"INT64","dimensions":[
               {"name":"id","type":"INT64","domain":{"int64":[0,100000000]},"nullTileExtent":false,"tileExtent":{"int64":10000}}]},
             "attributes":[{"name":"v","type":"FLOAT64","cellValNum":1,"nullable":false},
                           {"name":"s","type":"STRING_UTF8","cellValNum":4294967295,"nullable":false}]}""";

    /** A dense array: dimensions "rows" and "cols" of INT32 [1, 4] with tile extent 2, attribute "a" of INT32. */
    public static final String DENSE_2D = """
            {"arrayType":"dense","tileOrder":"row-major","cellOrder":"row-major","capacity":10000,
             "domain":{"type":"INT32","dimensions":[
               {"name":"rows","type":"INT32","domain":{"int32":[1,4]},"nullTileExtent":false,"tileExtent":{"int32":2}},
               {"name":"cols","type":"INT32","domain":{"int32":[1,4]},"nullTileExtent":false,"tileExtent":{"int32":2}}]},
             "attributes":[{"name":"a","type":"INT32","cellValNum":1,"nullable":false}]}""";

    /**
     * A sparse array: dimension "id" INT64 [0, 10^12] (tile extent 1000), attributes "price" FLOAT64, "label"
     * STRING_UTF8 (variable size, nullable), "day" DATETIME_DAY, "at" DATETIME_MS, "small" UINT8 (nullable).
     */
    public static final String SPARSE = """
            {"arrayType":"sparse","tileOrder":"row-major","cellOrder":"row-major","capacity":10000,"allowsDuplicates":false,
             "domain":{"type":"INT64","dimensions":[
               {"name":"id","type":"INT64","domain":{"int64":[0,1000000000000]},"nullTileExtent":false,"tileExtent":{"int64":1000}}]},
             "attributes":[{"name":"price","type":"FLOAT64","cellValNum":1,"nullable":false},
                           {"name":"label","type":"STRING_UTF8","cellValNum":4294967295,"nullable":true},
                           {"name":"day","type":"DATETIME_DAY","cellValNum":1,"nullable":true},
                           {"name":"at","type":"DATETIME_MS","cellValNum":1,"nullable":true},
                           {"name":"small","type":"UINT8","cellValNum":1,"nullable":true}]}""";
}
