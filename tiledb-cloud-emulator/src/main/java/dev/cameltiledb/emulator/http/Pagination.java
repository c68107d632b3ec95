package dev.cameltiledb.emulator.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Pages of listings and their {@code pagination_metadata}, the same for every listing. */
public final class Pagination {

    private Pagination() {}

    public static Map<String, Object> of(long page, long perPage, long totalItems) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("page", page);
        m.put("per_page", perPage);
        m.put("total_pages", (totalItems + perPage - 1) / perPage);
        m.put("total_items", totalItems);
        return m;
    }

    /** {@code {<field>: [one page of items, rendered], "pagination_metadata": ...}}; a page past the end is empty. */
    public static <T> Map<String, Object> page(
            String field, List<T> all, int page, int perPage, Function<T, Object> render) {
        int from = (int) Math.min((long) (page - 1) * perPage, all.size());
        int to = Math.min(from + perPage, all.size());
        List<Object> items = new ArrayList<>(to - from);
        for (T item : all.subList(from, to)) {
            items.add(render.apply(item));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(field, items);
        data.put("pagination_metadata", of(page, perPage, all.size()));
        return data;
    }

    public static int positive(HttpCall call, String name, int defaultValue) {
        Integer value = call.queryInt(name);
        if (value == null) {
            return defaultValue;
        }
        if (value < 1) {
            throw ApiFailure.badRequest(name + " must be at least 1, was " + value);
        }
        return value;
    }
}
