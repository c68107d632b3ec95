package dev.cameltiledb.client;

/** Fetches page {@code n} (1-based) of a listing. */
@FunctionalInterface
public interface PageSource<T> {

    Page<T> fetch(int page);
}
