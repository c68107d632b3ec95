package dev.cameltiledb.emulator.common.page;

import java.util.List;
import java.util.function.Supplier;

/**
 * One view of an emulator's state on its page: {@code /_emulator/api/{name}} answers its rows as JSON (records of
 * what may be shown: never a key, a password, a token or a bucket's credentials), and the page shows them as a table.
 *
 * @param name        the path segment of its JSON twin
 * @param title       the tab's title
 * @param description what the view is for, shown above its table
 * @param rows        its rows, read when asked (each emulator reads them in one of its read transactions)
 */
public record PageView(String name, String title, String description, Supplier<List<?>> rows) {}
