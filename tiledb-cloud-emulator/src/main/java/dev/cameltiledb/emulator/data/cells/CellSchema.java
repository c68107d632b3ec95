package dev.cameltiledb.emulator.data.cells;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.data.EngineException;

/**
 * What the cells of an array look like, read from the array's schema JSON (the spec's {@code ArraySchema}): dense or
 * sparse, dimensions (in order) and attributes, cell and tile order, whether a sparse array keeps duplicate
 * coordinates. Attributes hold one value per cell, or a variable-size string or blob.
 */
public record CellSchema(
        boolean dense,
        List<CellField> dimensions,
        List<CellField> attributes,
        Layout cellOrder,
        Layout tileOrder,
        boolean allowsDuplicates) {

    /** TileDB's cellValNum of a variable-size attribute. */
    private static final long VAR_SIZE = 4294967295L;

    /** Names the engine keeps for itself in each array's table. */
    static final Set<String> RESERVED = Set.of("__ts", "__frag");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Every field: the dimensions, then the attributes. */
    public List<CellField> fields() {
        List<CellField> all = new ArrayList<>(dimensions);
        all.addAll(attributes);
        return all;
    }

    /** The field of that name (dimension or attribute), or null. */
    public CellField field(String name) {
        for (CellField f : dimensions) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        for (CellField f : attributes) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** Reads a schema; a 400 naming the array and what is wrong when the emulator cannot hold its cells. */
    public static CellSchema of(String arrayUri, JsonNode schema) {
        try {
            return parse(schema);
        } catch (IllegalArgumentException e) {
            throw EngineException.badRequest("the schema of " + arrayUri + " cannot hold cells: " + e.getMessage());
        }
    }

    private static CellSchema parse(JsonNode schema) {
        String arrayType = schema.path("arrayType").asText("");
        boolean dense;
        if (arrayType.equalsIgnoreCase("dense")) {
            dense = true;
        } else if (arrayType.equalsIgnoreCase("sparse")) {
            dense = false;
        } else {
            throw new IllegalArgumentException("arrayType must be dense or sparse, was '" + arrayType + "'");
        }
        JsonNode dims = schema.path("domain").path("dimensions");
        if (!dims.isArray() || dims.isEmpty()) {
            throw new IllegalArgumentException("domain.dimensions must list at least one dimension");
        }
        Set<String> names = new HashSet<>();
        List<CellField> dimensions = new ArrayList<>();
        for (JsonNode d : dims) {
            CellField f = dimension(d, dense);
            unique(names, f.name());
            dimensions.add(f);
        }
        List<CellField> attributes = new ArrayList<>();
        for (JsonNode a : schema.path("attributes")) {
            CellField f = attribute(a);
            unique(names, f.name());
            attributes.add(f);
        }
        Layout cellOrder = Layout.order(text(schema, "cellOrder"), "cellOrder");
        Layout tileOrder = Layout.order(text(schema, "tileOrder"), "tileOrder");
        boolean duplicates = !dense && schema.path("allowsDuplicates").asBoolean(false);
        return new CellSchema(
                dense, List.copyOf(dimensions), List.copyOf(attributes), cellOrder, tileOrder, duplicates);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static void unique(Set<String> names, String name) {
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("the field name " + name + " is reserved by the emulator");
        }
        // SQL names are case-insensitive (as in MariaDB)
        if (!names.add(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("two fields are named " + name + " (names differ in more than case)");
        }
    }

    private static CellField dimension(JsonNode d, boolean dense) {
        String name = name(d, "a dimension");
        TileType type = type(d, "dimension " + name);
        if (dense && !type.integral()) {
            throw new IllegalArgumentException(
                    "dimension " + name + " of a dense array must have an integer or datetime" + " type, has " + type);
        }
        if (!type.numeric() && !type.isString()) {
            throw new IllegalArgumentException(
                    "dimension " + name + " has the type " + type + ", which TileDB does not allow for dimensions");
        }
        Object lo = null;
        Object hi = null;
        if (type.numeric()) {
            JsonNode bounds = oneValue(d.path("domain"));
            if (bounds == null || !bounds.isArray() || bounds.size() != 2) {
                throw new IllegalArgumentException("dimension " + name + " needs a domain [low, high]");
            }
            lo = value(type, bounds.get(0), "the domain of dimension " + name);
            hi = value(type, bounds.get(1), "the domain of dimension " + name);
            if (compare(lo, hi) > 0) {
                throw new IllegalArgumentException("the domain of dimension " + name + " is empty: " + lo + " > " + hi);
            }
        }
        Object extent = null;
        if (type.numeric() && !d.path("nullTileExtent").asBoolean(false)) {
            JsonNode e = oneValue(d.path("tileExtent"));
            if (e != null && !e.isNull()) {
                extent = value(
                        type.kind() == TileType.Kind.FLOAT ? type : TileType.INT64, e, "the tile extent of " + name);
                if (((Number) extent).doubleValue() <= 0) {
                    throw new IllegalArgumentException("the tile extent of dimension " + name + " must be positive");
                }
            }
        }
        return new CellField(name, type, true, false, lo, hi, extent, null);
    }

    private static CellField attribute(JsonNode a) {
        String name = name(a, "an attribute");
        TileType type = type(a, "attribute " + name);
        long cellValNum = a.path("cellValNum").asLong(1);
        boolean variable = cellValNum == VAR_SIZE;
        if (!(cellValNum == 1 || variable && (type.isString() || type == TileType.BLOB))) {
            throw new IllegalArgumentException("attribute " + name + " holds "
                    + (variable ? "variable-size" : cellValNum)
                    + " values of " + type + " per cell; the emulator stores one value per cell, or variable-size"
                    + " strings and blobs");
        }
        boolean nullable = a.path("nullable").asBoolean(false);
        Object fill = null;
        if (!nullable) {
            JsonNode given = a.get("fillValue");
            if (given != null && given.isArray() && !given.isEmpty()) {
                byte[] bytes = new byte[given.size()];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) given.get(i).asInt();
                }
                fill = type.fromBytes(bytes);
            } else {
                fill = type.defaultFill();
            }
        }
        return new CellField(name, type, false, nullable, null, null, null, fill);
    }

    private static String name(JsonNode node, String what) {
        String name = node.path("name").asText("");
        if (name.isEmpty()) {
            throw new IllegalArgumentException(what + " has no name");
        }
        return name;
    }

    private static TileType type(JsonNode node, String what) {
        try {
            return TileType.parse(text(node, "type"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " " + e.getMessage());
        }
    }

    /** The value of a one-key object ({@code {"int32": [1, 100]}}), or null. */
    private static JsonNode oneValue(JsonNode typed) {
        if (!typed.isObject()) {
            return null;
        }
        Iterator<Map.Entry<String, JsonNode>> it = typed.fields();
        return it.hasNext() ? it.next().getValue() : null;
    }

    private static Object value(TileType type, JsonNode node, String what) {
        try {
            return type.normalize(MAPPER.treeToValue(node, Object.class));
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage());
        }
    }

    /** Orders two Java values of one numeric type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object x, Object y) {
        if (x instanceof Number a && y instanceof Number b) {
            if (a instanceof Long && b instanceof Long) {
                return Long.compare(a.longValue(), b.longValue());
            }
            if (a instanceof Float || a instanceof Double || b instanceof Float || b instanceof Double) {
                return Double.compare(a.doubleValue(), b.doubleValue());
            }
            return new java.math.BigInteger(a.toString()).compareTo(new java.math.BigInteger(b.toString()));
        }
        return ((Comparable) x).compareTo(y);
    }
}
