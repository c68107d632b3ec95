package dev.cameltiledb.arraylake.component;

import dev.cameltiledb.camel.OptionGroup;
import dev.cameltiledb.camel.ValueRange;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Paging and filters of the list operations (and the page size of the consumer's listing). Each can be overridden per
 * message by its header.
 */
@UriParams
public class ListingOptions extends OptionGroup<ListingOptions> {

    @UriParam(
            label = "producer",
            description = "For list operations of repos: fetch only this page (1-based) instead of all pages.")
    @ValueRange(min = 1)
    private Integer page;

    @UriParam(
            label = "common",
            description =
                    "The page size (1 to 100) of repos list with page (the service's default is 50) and of the consumer's listing (default 100). A repos list without page reads pages of 100.")
    @ValueRange(min = 1, max = 100)
    private Integer size;

    @UriParam(
            label = "producer",
            defaultValue = "0",
            description =
                    "For list operations without page: stop after this many items (0 = no limit). For services logs: the lines end after this many and the log is closed, which is how a route stops reading a followed log.")
    private int maxResults = 0;

    @UriParam(
            label = "producer",
            defaultValue = "false",
            description =
                    "For repos list without page: reply with a lazy Iterator that fetches the next page only when the previous one is used up, for .split(body()).streaming().")
    private boolean streamResults = false;

    @UriParam(
            label = "producer",
            description =
                    "For repos list: only repos whose metadata matches this JSON object (each key must equal the value, or contain it when the repo's value is a list).")
    private String filterMetadata;

    @UriParam(
            label = "producer",
            defaultValue = "false",
            description =
                    "For repos list: include repos that were soft-deleted (ghosts, status offline with message deleted).")
    private boolean includeGhosts = false;

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }

    public Integer getSize() {
        return size;
    }

    public void setSize(Integer size) {
        this.size = size;
    }

    public int getMaxResults() {
        return maxResults;
    }

    public void setMaxResults(int maxResults) {
        this.maxResults = maxResults;
    }

    public boolean isStreamResults() {
        return streamResults;
    }

    public void setStreamResults(boolean streamResults) {
        this.streamResults = streamResults;
    }

    public String getFilterMetadata() {
        return filterMetadata;
    }

    public void setFilterMetadata(String filterMetadata) {
        this.filterMetadata = filterMetadata;
    }

    public boolean isIncludeGhosts() {
        return includeGhosts;
    }

    public void setIncludeGhosts(boolean includeGhosts) {
        this.includeGhosts = includeGhosts;
    }
}
