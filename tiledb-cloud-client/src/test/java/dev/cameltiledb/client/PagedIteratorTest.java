package dev.cameltiledb.client;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;

import dev.cameltiledb.client.model.PaginationMetadata;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The paging logic alone, over an in-memory listing that counts the pages asked for. */
class PagedIteratorTest {

    private final List<Integer> fetched = new ArrayList<>();

    private PageSource<Integer> listing(int total, int perPage, boolean withMetadata) {
        return page -> {
            fetched.add(page);
            List<Integer> items = IntStream.range((page - 1) * perPage, Math.min(page * perPage, total))
                    .boxed()
                    .toList();
            PaginationMetadata meta =
                    withMetadata ? new PaginationMetadata(page, perPage, (total + perPage - 1) / perPage, total) : null;
            return new Page<>(items, meta);
        };
    }

    private static List<Integer> drain(PagedIterator<Integer> it) {
        List<Integer> all = new ArrayList<>();
        it.forEachRemaining(all::add);
        return all;
    }

    @Test
    void walksAllPagesInOrderAndStopsAtTheReportedLast() {
        assertEquals(IntStream.range(0, 25).boxed().toList(), drain(new PagedIterator<>(listing(25, 10, true), 0)));
        assertEquals(List.of(1, 2, 3), fetched);
    }

    @Test
    void exactMultipleDoesNotAskForAnEmptyExtraPage() {
        assertEquals(20, drain(new PagedIterator<>(listing(20, 10, true), 0)).size());
        assertEquals(List.of(1, 2), fetched);
    }

    @Test
    void maxResultsStopsWithoutFetchingFurther() {
        assertEquals(
                List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), drain(new PagedIterator<>(listing(100, 10, true), 12)));
        assertEquals(List.of(1, 2), fetched);
    }

    @Test
    void emptyListing() {
        PagedIterator<Integer> it = new PagedIterator<>(listing(0, 10, true), 0);
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
        assertEquals(List.of(1), fetched);
    }

    @Test
    void withoutMetadataOnlyOnePageIsTrusted() {
        assertEquals(10, drain(new PagedIterator<>(listing(25, 10, false), 0)).size());
        assertEquals(List.of(1), fetched);
    }

    @Test
    void nothingIsFetchedBeforeItIsNeeded() {
        new PagedIterator<>(listing(25, 10, true), 0);
        assertEquals(List.of(), fetched);
    }
}
