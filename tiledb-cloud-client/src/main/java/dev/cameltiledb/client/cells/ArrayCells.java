package dev.cameltiledb.client.cells;

import java.util.ArrayList;
import java.util.List;

import dev.cameltiledb.client.model.ArraySchema;
import dev.cameltiledb.client.model.Attribute;
import dev.cameltiledb.client.model.Dimension;
import dev.cameltiledb.client.model.DomainArray;

/** An array's schema as its cells are read and written: dense or sparse, its dimensions and attributes in order. */
public record ArrayCells(String array, boolean dense, List<CellField> dimensions, List<CellField> attributes) {

    /**
     * @throws IllegalArgumentException naming the field whose type reads and writes do not cover
     */
    public static ArrayCells of(String array, ArraySchema schema) {
        if (schema == null || schema.domain() == null || schema.domain().dimensions() == null) {
            throw new IllegalArgumentException("the schema of " + array + " has no domain");
        }
        List<CellField> dims = new ArrayList<>();
        for (Dimension d : schema.domain().dimensions()) {
            CellType type = type(array, d.name(), d.type());
            Number[] bounds = bounds(d.domain());
            dims.add(new CellField(d.name(), type, d.type(), true, false, bounds[0], bounds[1]));
        }
        List<CellField> attrs = new ArrayList<>();
        if (schema.attributes() != null) {
            for (Attribute a : schema.attributes()) {
                attrs.add(new CellField(
                        a.name(),
                        type(array, a.name(), a.type()),
                        a.type(),
                        false,
                        Boolean.TRUE.equals(a.nullable()),
                        null,
                        null));
            }
        }
        return new ArrayCells(
                array, "dense".equalsIgnoreCase(schema.arrayType()), List.copyOf(dims), List.copyOf(attrs));
    }

    private static CellType type(String array, String field, String type) {
        try {
            return CellType.of(type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field " + field + " of " + array + ": " + e.getMessage());
        }
    }

    private static Number[] bounds(DomainArray d) {
        if (d == null) {
            return new Number[2];
        }
        for (List<? extends Number> l : java.util.Arrays.<List<? extends Number>>asList(
                d.int8(), d.uint8(), d.int16(), d.uint16(), d.int32(), d.uint32(), d.int64(), d.uint64())) {
            if (l != null && l.size() == 2) {
                return new Number[] {l.get(0).longValue(), l.get(1).longValue()};
            }
        }
        for (List<? extends Number> l : java.util.Arrays.<List<? extends Number>>asList(d.float32(), d.float64())) {
            if (l != null && l.size() == 2) {
                return new Number[] {l.get(0).doubleValue(), l.get(1).doubleValue()};
            }
        }
        return new Number[2];
    }

    /** Dimensions, then attributes. */
    public List<CellField> fields() {
        List<CellField> all = new ArrayList<>(dimensions);
        all.addAll(attributes);
        return all;
    }

    /** A field by name; an unknown one is refused naming the fields there are. */
    public CellField field(String name) {
        for (CellField f : fields()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException(array + " has no field " + name + "; it has "
                + fields().stream().map(CellField::name).toList());
    }
}
