package dev.cameltiledb.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code pagination_metadata} of a listing page. */
final class Pagination {

    private Pagination() {
    }

    static Map<String, Object> of(long page, long perPage, long totalItems) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("page", page);
        m.put("per_page", perPage);
        m.put("total_pages", (totalItems + perPage - 1) / perPage);
        m.put("total_items", totalItems);
        return m;
    }
}
