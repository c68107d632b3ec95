package dev.cameltiledb.emulator.data.cells;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.cameltiledb.emulator.data.EngineException;

/**
 * Checks a batch's cells against the schema and puts their values in the schema's field order: every dimension
 * given, inside its domain; every attribute that is not nullable given; each value of its field's type. The first
 * bad cell stops the write with a 400 that names the field and the cell (counted from 0).
 */
final class CellRows {

    private final String uri;
    private final List<CellField> fields;
    /** For each schema field, its position in the batch, or -1. */
    private final int[] source;

    CellRows(String uri, CellSchema schema, List<String> batchFields) {
        this.uri = uri;
        this.fields = schema.fields();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < batchFields.size(); i++) {
            String name = batchFields.get(i);
            if (schema.field(name) == null) {
                throw EngineException.badRequest(uri + " has no dimension or attribute named " + name + " (it has "
                        + fields.stream().map(CellField::name).toList() + ")");
            }
            if (positions.put(name, i) != null) {
                throw EngineException.badRequest("the cells for " + uri + " give the field " + name + " twice");
            }
        }
        this.source = new int[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            CellField f = fields.get(i);
            Integer at = positions.get(f.name());
            if (at == null && !f.nullable()) {
                throw EngineException.badRequest("the cells for " + uri + " must give "
                        + (f.dimension() ? "the dimension " : "the attribute ") + f.name()
                        + (f.dimension() ? "" : " (it is not nullable)"));
            }
            source[i] = at == null ? -1 : at;
        }
    }

    /** The cell's values in schema order, checked. */
    Object[] check(Object[] given, long index) {
        Object[] row = new Object[fields.size()];
        for (int i = 0; i < row.length; i++) {
            CellField f = fields.get(i);
            Object value = source[i] < 0 || source[i] >= given.length ? null : given[source[i]];
            if (value == null) {
                if (f.dimension() || !f.nullable()) {
                    throw EngineException.badRequest("cell " + index + " for " + uri + " has no value for "
                            + (f.dimension() ? "the dimension " : "the attribute ") + f.name());
                }
                continue;
            }
            try {
                row[i] = f.type().normalize(value);
            } catch (IllegalArgumentException e) {
                throw EngineException.badRequest(
                        "cell " + index + " for " + uri + ": " + f.name() + " (" + f.type() + "): " + e.getMessage());
            }
            if (f.dimension()
                    && f.lo() != null
                    && (CellSchema.compare(row[i], f.lo()) < 0 || CellSchema.compare(row[i], f.hi()) > 0)) {
                throw EngineException.badRequest("cell " + index + " for " + uri + ": " + row[i] + " is outside the"
                        + " domain [" + f.lo() + ", " + f.hi() + "] of the dimension " + f.name());
            }
        }
        return row;
    }
}
