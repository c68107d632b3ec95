package dev.cameltiledb.arraylake.emulator;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Repo metadata rules: what a value may be, how a modify applies, and what {@code filter_metadata} matches. Matching
 * follows MongoDB's equality query, where the service keeps repos: a key matches when the value equals the filter's,
 * or when the value is a list holding the filter's (so {@code {"tags": "x"}} finds {@code "tags": ["x", "y"]}).
 */
final class Metadata {

    private Metadata() {}

    static boolean isValue(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().allMatch(Metadata::isScalar);
        }
        return isScalar(value);
    }

    private static boolean isScalar(Object value) {
        return value == null || value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    /**
     * Applies a {@code RepoModifyRequest}'s metadata parts, or throws a 422 naming the first key that breaks a rule:
     * add only new keys, update and remove only existing ones. Nothing changes when a rule is broken.
     */
    static Map<String, Object> modified(
            Map<String, Object> current, Map<String, Object> add, Map<String, Object> update, List<String> remove) {
        Map<String, Object> result = current == null ? new LinkedHashMap<>() : new LinkedHashMap<>(current);
        if (remove != null) {
            for (String key : remove) {
                if (!result.containsKey(key)) {
                    throw ApiError.unprocessable("Cannot remove metadata key '" + key + "': it does not exist");
                }
                result.remove(key);
            }
        }
        if (add != null) {
            for (Map.Entry<String, Object> entry : add.entrySet()) {
                if (result.containsKey(entry.getKey())) {
                    throw ApiError.unprocessable("Cannot add metadata key '" + entry.getKey()
                            + "': it already exists (use update_metadata to change it)");
                }
                result.put(entry.getKey(), entry.getValue());
            }
        }
        if (update != null) {
            for (Map.Entry<String, Object> entry : update.entrySet()) {
                if (!result.containsKey(entry.getKey())) {
                    throw ApiError.unprocessable("Cannot update metadata key '" + entry.getKey()
                            + "': it does not exist (use add_metadata to create it)");
                }
                result.put(entry.getKey(), entry.getValue());
            }
        }
        return result;
    }

    /** Whether a repo's metadata satisfies every key of the filter. */
    static boolean matches(Map<String, Object> metadata, Map<String, Object> filter) {
        for (Map.Entry<String, Object> wanted : filter.entrySet()) {
            if (metadata == null || !metadata.containsKey(wanted.getKey())) {
                return false;
            }
            Object actual = metadata.get(wanted.getKey());
            boolean match = same(actual, wanted.getValue())
                    || (actual instanceof List<?> list && list.stream().anyMatch(v -> same(v, wanted.getValue())));
            if (!match) {
                return false;
            }
        }
        return true;
    }

    /** Equality as MongoDB sees it: 1 and 1.0 are the same number; lists compare item by item. */
    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a == null ? b == null : a.equals(b);
    }
}
