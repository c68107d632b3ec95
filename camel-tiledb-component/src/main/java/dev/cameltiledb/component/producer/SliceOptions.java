package dev.cameltiledb.component.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cameltiledb.client.AssetRef;
import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.client.model.QueryRanges;
import dev.cameltiledb.client.model.UdfArrayDetails;
import dev.cameltiledb.component.OptionHeaders;
import dev.cameltiledb.component.TileDBOperation;

/**
 * The slice options a JSON query and the UDF runs over arrays share: {@code ranges}, {@code layout} and (for several
 * arrays) {@code arraySlices}, read and checked before anything is sent, each error naming the option and its header.
 */
final class SliceOptions {

    static final Set<String> LAYOUTS = Set.of("row-major", "col-major", "global-order", "unordered");
    private static final String RANGES_EXAMPLE = "[[1, 10], []]";

    private SliceOptions() {}

    /** The layout option, one of {@link #LAYOUTS}; null when unset. */
    static String layout(String layout) {
        if (layout == null || layout.isBlank()) {
            return null;
        }
        String value = layout.strip();
        if (!LAYOUTS.contains(value)) {
            throw new TileDBConfigurationException("The layout option (header " + OptionHeaders.headerOf("layout")
                    + ") must be one of row-major, col-major, global-order or unordered, was '" + layout + "'");
        }
        return value;
    }

    /** The ranges option: bounds per dimension; null when unset (the whole array). */
    static List<List<Number>> ranges(MessageOptions options) {
        String option = "ranges";
        List<?> dimensions = options.jsonArray(option, options.data().getRanges(), RANGES_EXAMPLE);
        return dimensions == null
                ? null
                : bounds(dimensions, OptionHeaders.TABLE.option(option).label());
    }

    /**
     * One list of bounds per dimension, each a list of numbers {@code lo, hi, ...} of even length; anything else is an
     * error starting with {@code what}.
     */
    private static List<List<Number>> bounds(List<?> dimensions, String what) {
        List<List<Number>> bounds = new ArrayList<>();
        for (int i = 0; i < dimensions.size(); i++) {
            if (!(dimensions.get(i) instanceof List<?> pairs)) {
                throw new TileDBConfigurationException(what + " must hold one array of bounds per dimension, such as "
                        + RANGES_EXAMPLE + "; dimension " + (i + 1) + " is " + dimensions.get(i));
            }
            List<Number> numbers = new ArrayList<>();
            for (Object bound : pairs) {
                if (!(bound instanceof Number n)) {
                    throw new TileDBConfigurationException(what + " takes numbers only; dimension " + (i + 1) + " has "
                            + (bound == null ? "null" : "'" + bound + "'"));
                }
                numbers.add(n);
            }
            if (numbers.size() % 2 != 0) {
                throw new TileDBConfigurationException(what + " gives each range as a pair lo, hi; dimension " + (i + 1)
                        + " has " + numbers.size() + " bounds");
            }
            bounds.add(numbers);
        }
        return bounds;
    }

    /**
     * The arraySlices option: each item a {@code tiledb://} URI (the whole array) or an object with {@code uri},
     * {@code ranges} (bounds per dimension, or a {@code QueryRanges} object) and {@code buffers}; {@code layout} is
     * each slice's layout unless its ranges give one.
     */
    static List<UdfArrayDetails> arraySlices(MessageOptions options, String layout, TileDBOperation operation) {
        String option = "arraySlices";
        String label = OptionHeaders.TABLE.option(option).label();
        List<?> items = options.jsonArray(
                option, options.data().getArraySlices(), "[\"tiledb://acme/a\", {\"uri\": \"tiledb://acme/b\"}]");
        if (items == null || items.isEmpty()) {
            throw new TileDBConfigurationException("The " + operation + " operation needs the arrays to run over: "
                    + label + " lists them, such as [\"tiledb://acme/a\", {\"uri\": \"tiledb://acme/b\","
                    + " \"ranges\": [[1, 10]], \"buffers\": [\"v\"]}]");
        }
        List<UdfArrayDetails> slices = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            slices.add(slice(items.get(i), layout, label + ", item " + (i + 1) + ","));
        }
        return slices;
    }

    private static UdfArrayDetails slice(Object item, String layout, String what) {
        if (item instanceof String uri) {
            return UdfArrayDetails.of(arrayUri(uri, what), new QueryRanges(layout, null), null);
        }
        if (!(item instanceof Map<?, ?> slice)) {
            throw new TileDBConfigurationException(
                    what + " must be a tiledb://namespace/name URI or an object with uri, ranges and buffers; it is "
                            + item);
        }
        if (!(slice.get("uri") instanceof String uri)) {
            throw new TileDBConfigurationException(what + " has no uri (a tiledb://namespace/name string)");
        }
        Object ranges = slice.get("ranges");
        QueryRanges queryRanges;
        if (ranges == null || ranges instanceof List<?>) {
            queryRanges = new QueryRanges(layout, ranges == null ? null : bounds((List<?>) ranges, what + " ranges"));
        } else if (ranges instanceof Map<?, ?> given
                && (given.get("ranges") == null || given.get("ranges") instanceof List<?>)) {
            Object ownLayout = given.get("layout");
            queryRanges = new QueryRanges(
                    ownLayout == null ? layout : layout(String.valueOf(ownLayout)),
                    given.get("ranges") == null ? null : bounds((List<?>) given.get("ranges"), what + " ranges"));
        } else {
            throw new TileDBConfigurationException(
                    what + " ranges must be bounds per dimension, such as " + RANGES_EXAMPLE + ", was " + ranges);
        }
        Object buffers = slice.get("buffers");
        if (buffers != null
                && !(buffers instanceof List<?> names && names.stream().allMatch(String.class::isInstance))) {
            throw new TileDBConfigurationException(what + " buffers must be a list of attribute and dimension names");
        }
        Object parameterId = slice.get("parameter_id");
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) buffers;
        return new UdfArrayDetails(
                parameterId == null ? null : String.valueOf(parameterId),
                arrayUri(uri, what),
                queryRanges,
                names == null ? null : List.copyOf(names));
    }

    private static String arrayUri(String uri, String what) {
        if (!uri.startsWith(AssetRef.SCHEME)) {
            throw new TileDBConfigurationException(
                    what + " must name its array as tiledb://namespace/name, was '" + uri + "'");
        }
        return AssetRef.parse(uri).toUri();
    }
}
