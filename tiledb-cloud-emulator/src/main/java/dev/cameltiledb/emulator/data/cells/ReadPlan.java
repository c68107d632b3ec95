package dev.cameltiledb.emulator.data.cells;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import dev.cameltiledb.emulator.data.EngineException;

/**
 * A {@link CellQuery} checked against an array: the fields to return, each dimension's ranges (sorted, merged, inside
 * the domain), and the SQL that reads the stored cells in the order the layout asks for.
 */
final class ReadPlan {

    final ArrayTable table;
    final CellSchema schema;
    final List<CellField> fields;
    final Layout layout;
    final long start;
    final long end;
    /** Per dimension: sorted disjoint {@code [lo, hi]} pairs, or null for no restriction. */
    final List<List<Object[]>> ranges;
    /** The coordinates of the last cell already delivered (a continued read), or null. */
    final Object[] after;

    ReadPlan(ArrayTable table, CellQuery query) {
        this.table = table;
        this.schema = table.schema();
        this.fields = fields(query.fields());
        this.layout = query.layout();
        this.start = query.startTimestamp() == null ? 0 : query.startTimestamp();
        this.end = query.endTimestamp() == null ? Long.MAX_VALUE : query.endTimestamp();
        if (start > end) {
            throw EngineException.badRequest("the start timestamp " + start + " is after the end timestamp " + end);
        }
        if (query.ranges().size() > schema.dimensions().size()) {
            throw EngineException.badRequest("the ranges give " + query.ranges().size() + " dimensions; " + table.uri()
                    + " has " + schema.dimensions().size());
        }
        this.ranges = new ArrayList<>();
        for (int d = 0; d < schema.dimensions().size(); d++) {
            List<Object> given = d < query.ranges().size() ? query.ranges().get(d) : null;
            ranges.add(
                    given == null || given.isEmpty()
                            ? null
                            : ranges(schema.dimensions().get(d), given));
        }
        this.after = after(query.after());
    }

    private Object[] after(List<Object> coordinates) {
        if (coordinates == null) {
            return null;
        }
        if (schema.allowsDuplicates()) {
            throw EngineException.badRequest(table.uri() + " allows duplicate coordinates: a read of it cannot"
                    + " continue after a cell's coordinates");
        }
        List<CellField> dims = schema.dimensions();
        if (coordinates.size() != dims.size()) {
            throw EngineException.badRequest("the cell to continue after gives " + coordinates.size() + " coordinates; "
                    + table.uri() + " has " + dims.size() + " dimensions");
        }
        Object[] point = new Object[dims.size()];
        for (int d = 0; d < point.length; d++) {
            point[d] = bound(dims.get(d), coordinates.get(d));
            if (point[d] == null) {
                throw EngineException.badRequest("the cell to continue after has no value for "
                        + dims.get(d).name());
            }
        }
        return point;
    }

    private List<CellField> fields(List<String> names) {
        if (names.isEmpty()) {
            return schema.fields();
        }
        List<CellField> chosen = new ArrayList<>();
        for (String name : names) {
            CellField f = schema.field(name);
            if (f == null) {
                throw EngineException.badRequest(
                        table.uri() + " has no dimension or attribute named " + name + " (it has "
                                + schema.fields().stream().map(CellField::name).toList() + ")");
            }
            chosen.add(f);
        }
        return chosen;
    }

    private static List<Object[]> ranges(CellField dim, List<Object> flat) {
        if (flat.size() % 2 != 0) {
            throw EngineException.badRequest("the ranges of dimension " + dim.name()
                    + " must be pairs [low, high, low, high, ...], got " + flat.size() + " values");
        }
        List<Object[]> pairs = new ArrayList<>();
        for (int i = 0; i < flat.size(); i += 2) {
            Object lo = bound(dim, flat.get(i));
            Object hi = bound(dim, flat.get(i + 1));
            if (CellSchema.compare(lo, hi) > 0) {
                throw EngineException.badRequest(
                        "the range [" + lo + ", " + hi + "] of dimension " + dim.name() + " is empty (low > high)");
            }
            if (dim.lo() != null && (CellSchema.compare(lo, dim.lo()) < 0 || CellSchema.compare(hi, dim.hi()) > 0)) {
                throw EngineException.badRequest("the range [" + lo + ", " + hi + "] of dimension " + dim.name()
                        + " is outside its domain [" + dim.lo() + ", " + dim.hi() + "]");
            }
            pairs.add(new Object[] {lo, hi});
        }
        pairs.sort(Comparator.comparing((Object[] p) -> p[0], CellSchema::compare));
        List<Object[]> merged = new ArrayList<>();
        for (Object[] p : pairs) {
            Object[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && CellSchema.compare(p[0], last[1]) <= 0) {
                if (CellSchema.compare(p[1], last[1]) > 0) {
                    last[1] = p[1];
                }
            } else {
                merged.add(p);
            }
        }
        return merged;
    }

    /** A range bound in the dimension's type; an integral JSON number written as 3.0 is taken as 3. */
    private static Object bound(CellField dim, Object value) {
        Object v = value;
        if (dim.type().integral() && (v instanceof Double || v instanceof Float)) {
            double x = ((Number) v).doubleValue();
            if (x == Math.rint(x) && Math.abs(x) < 9.007199254740992E15) {
                v = (long) x;
            }
        }
        try {
            return dim.type().normalize(v);
        } catch (IllegalArgumentException e) {
            throw EngineException.badRequest("a range of dimension " + dim.name() + ": " + e.getMessage());
        }
    }

    /** The SQL condition of the ranges, with its parameters appended to {@code binds}. */
    String where(List<Object[]> binds) {
        List<String> conditions = new ArrayList<>();
        for (int d = 0; d < schema.dimensions().size(); d++) {
            List<Object[]> r = ranges.get(d);
            if (r == null) {
                continue;
            }
            CellField dim = schema.dimensions().get(d);
            List<String> any = new ArrayList<>();
            for (Object[] pair : r) {
                any.add("(c." + dim.column() + " >= ? AND c." + dim.column() + " <= ?)");
                binds.add(new Object[] {dim, pair[0]});
                binds.add(new Object[] {dim, pair[1]});
            }
            conditions.add("(" + String.join(" OR ", any) + ")");
        }
        return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
    }

    /** ORDER BY of the layout: row-major, col-major, or global order (tiles, then cells), which unordered uses too. */
    String orderBy() {
        return String.join(", ", orderKeys());
    }

    /** The SQL expressions (over the cells' alias {@code c}) that the layout orders by, most significant first. */
    List<String> orderKeys() {
        List<CellField> dims = schema.dimensions();
        List<String> keys = new ArrayList<>();
        if (layout == Layout.ROW_MAJOR || layout == Layout.COL_MAJOR) {
            keys.addAll(
                    ordered(dims, layout).stream().map(f -> "c." + f.column()).toList());
        } else {
            for (CellField f : ordered(dims, schema.tileOrder())) {
                if (f.tileExtent() != null) {
                    keys.add(tileOf(f));
                }
            }
            keys.addAll(ordered(dims, schema.cellOrder()).stream()
                    .map(f -> "c." + f.column())
                    .toList());
        }
        return keys;
    }

    /**
     * The SQL that gives the order keys of the cell {@link #after} (its coordinates bound as parameters, in dimension
     * order): the same expressions over a one-row table of the same column names.
     */
    String afterKeysQuery() {
        String point = schema.dimensions().stream()
                .map(f -> "CAST(? AS " + f.type().sqlType() + ") AS " + f.column())
                .collect(Collectors.joining(", "));
        return "SELECT " + String.join(", ", orderKeys()) + " FROM (SELECT " + point + ") c";
    }

    private static List<CellField> ordered(List<CellField> dims, Layout order) {
        List<CellField> list = new ArrayList<>(dims);
        if (order == Layout.COL_MAJOR) {
            java.util.Collections.reverse(list);
        }
        return list;
    }

    /** The SQL of a cell's tile along a dimension: floor((value - low) / extent), as {@link DenseGrid#tileOf}. */
    private static String tileOf(CellField f) {
        String value = f.type().countSql("c." + f.column());
        if (f.type() == TileType.UINT64 || f.type().kind() == TileType.Kind.FLOAT) {
            return "FLOOR((" + value + " - " + f.lo() + ") / " + f.tileExtent() + ")";
        }
        return "((" + value + " - " + f.lo() + ") / " + f.tileExtent() + ")";
    }

    /** The dimensions' columns then the other fields', as the reader selects them. */
    String selectList() {
        List<CellField> columns = new ArrayList<>(schema.dimensions());
        fields.stream().filter(f -> !f.dimension()).forEach(columns::add);
        return columns.stream().map(f -> "c." + f.column()).collect(Collectors.joining(", "));
    }

    /** Positions in the select list of the fields asked for. */
    int[] fieldColumns() {
        int dims = schema.dimensions().size();
        int[] at = new int[fields.size()];
        int next = dims;
        for (int i = 0; i < fields.size(); i++) {
            CellField f = fields.get(i);
            at[i] = f.dimension() ? schema.dimensions().indexOf(f) : next++;
        }
        return at;
    }
}
