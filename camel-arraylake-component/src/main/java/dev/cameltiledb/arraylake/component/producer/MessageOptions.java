package dev.cameltiledb.arraylake.component.producer;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.arraylake.client.model.RepoName;
import dev.cameltiledb.arraylake.client.model.TemporaryCredentials;
import dev.cameltiledb.arraylake.component.ArraylakeConfiguration;
import dev.cameltiledb.arraylake.component.ArraylakeConstants;
import dev.cameltiledb.arraylake.component.ArraylakeOperation;
import dev.cameltiledb.arraylake.component.ArraylakeOptionException;
import dev.cameltiledb.arraylake.component.ArraylakeResource;
import dev.cameltiledb.arraylake.component.BucketOptions;
import dev.cameltiledb.arraylake.component.DeleteOptions;
import dev.cameltiledb.arraylake.component.ListingOptions;
import dev.cameltiledb.arraylake.component.OptionHeaders;
import dev.cameltiledb.arraylake.component.PermissionOptions;
import dev.cameltiledb.arraylake.component.RepoOptions;
import dev.cameltiledb.arraylake.component.ServiceOptions;
import org.apache.camel.Message;

/**
 * The options one message is processed with: the endpoint's configuration with the message's
 * {@code CamelArraylake<Option>} headers applied ({@link OptionHeaders}). Handlers read the option groups directly;
 * what is here is what several operations share: the operation, the org and repo, required values, JSON options, the
 * confirmation of a delete, credentials beside a get, the limit and paging headers of a list. Every failure here
 * happens before a request and names the option and its header.
 */
final class MessageOptions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final Message message;
    private final ArraylakeConfiguration config;
    private final ArraylakeResource resource;
    private final ArraylakeOperation operation;

    MessageOptions(Message message, ArraylakeConfiguration endpointConfiguration, ArraylakeResource resource) {
        this.message = message;
        this.config = OptionHeaders.TABLE.apply(message, endpointConfiguration);
        this.resource = resource;
        this.operation = operationOf(config, resource);
    }

    /** The operation to run: the option's (or header's), else the one a single-operation resource offers. */
    static ArraylakeOperation operationOf(ArraylakeConfiguration options, ArraylakeResource resource) {
        ArraylakeOperation chosen = options.getOperation();
        if (chosen == null) {
            var offered = ArraylakeOperation.of(resource);
            if (offered.size() == 1) {
                return offered.iterator().next();
            }
            throw new ArraylakeOptionException("arraylake:" + resource + " needs the operation option (header "
                    + ArraylakeConstants.OPERATION + "): one of " + offered);
        }
        return chosen.checkFor(resource, "header or option operation");
    }

    ArraylakeOperation operation() {
        return operation;
    }

    ListingOptions listing() {
        return config.getListing();
    }

    RepoOptions repos() {
        return config.getRepoOptions();
    }

    DeleteOptions deletes() {
        return config.getDeleteOptions();
    }

    BucketOptions buckets() {
        return config.getBucketOptions();
    }

    PermissionOptions permissions() {
        return config.getPermissionOptions();
    }

    ServiceOptions services() {
        return config.getServiceOptions();
    }

    /** A value the operation cannot do without. */
    <T> T required(T value, String option) {
        return OptionHeaders.TABLE.require(value, option, "arraylake:" + resource + " operation " + operation);
    }

    String org() {
        return required(config.getOrg(), "org");
    }

    /** {@code org/name}, or a bare name in the org option's org; the client checks both names' rules. */
    RepoName repo() {
        String repo = required(config.getRepo(), "repo");
        if (repo.indexOf('/') < 0 && config.getOrg() != null && !config.getOrg().isBlank()) {
            return RepoName.of(config.getOrg(), repo);
        }
        return RepoName.parse(repo);
    }

    /** A JSON-object option as a Map; null when unset. The value is never echoed: it may hold bucket secrets. */
    Map<String, Object> jsonObject(String value, String option) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(value, OBJECT);
        } catch (Exception e) {
            throw new ArraylakeOptionException("The " + option + " option (header " + OptionHeaders.headerOf(option)
                    + ") must be a JSON object such as {\"key\": \"value\"}");
        }
    }

    /** The body when it is a Map, for operations that take one in place of a JSON option. */
    @SuppressWarnings("unchecked")
    Map<String, Object> mapBody() {
        return message.getBody() instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    /**
     * A time option ({@code since}, {@code until}) as ISO 8601, with an offset or else UTC; null when unset. A value
     * it cannot read fails naming the option and its header.
     */
    static OffsetDateTime time(String value, String option) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value.strip()).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new ArraylakeOptionException("The " + option + " option (header " + OptionHeaders.headerOf(option)
                        + ") must be an ISO 8601 time such as 2030-01-31T08:00:00Z, was '" + value + "'");
            }
        }
    }

    /**
     * Both deletes (a repo, a bucket config): without {@code confirmDelete=true} nothing is sent. The client refuses
     * the same way; this check names the option to set.
     */
    void deleteConfirmed(Consumer<Boolean> delete) {
        requireDeleteConfirmed();
        delete.accept(Boolean.TRUE);
        message.setBody(null);
    }

    /** Every delete: without {@code confirmDelete=true} it fails naming the option, before anything is sent. */
    void requireDeleteConfirmed() {
        if (!deletes().isConfirmDelete()) {
            throw new ArraylakeOptionException("arraylake:" + resource + " operation delete sends nothing without"
                    + " confirmDelete=true (header " + ArraylakeConstants.CONFIRM_DELETE + ")");
        }
    }

    /**
     * Both gets with {@code bucketCredentials=true} (a repo's bucket, a bucket config): the reply's body as it is,
     * the temporary credentials only in their header. Without the option no credentials are fetched, and a stale
     * credentials header from an earlier call is removed so it cannot travel on.
     */
    void replyWithCredentials(Object body, Supplier<TemporaryCredentials> credentials) {
        message.setBody(body);
        if (buckets().isBucketCredentials()) {
            message.setHeader(ArraylakeConstants.TEMPORARY_CREDENTIALS, credentials.get());
        } else {
            message.removeHeader(ArraylakeConstants.TEMPORARY_CREDENTIALS);
        }
    }

    /** What every list operation tells about its pages, the same four headers whatever it listed. */
    void pagingHeaders(long totalItems, int page, int size, int totalPages) {
        message.setHeader(ArraylakeConstants.TOTAL_ITEMS, totalItems);
        message.setHeader(ArraylakeConstants.TOTAL_PAGES, totalPages);
        message.setHeader(ArraylakeConstants.RESULT_PAGE, page);
        message.setHeader(ArraylakeConstants.RESULT_SIZE, size);
    }

    /** An unpaged list reply (bucket configs, a bucket's repos): one page holding everything, then maxResults. */
    <T> List<T> unpaged(List<T> items) {
        pagingHeaders(items.size(), 1, items.size(), 1);
        return limited(items);
    }

    /** Every list reply: all items up to maxResults. */
    <T> List<T> limited(List<T> items) {
        int max = listing().getMaxResults();
        return max > 0 && items.size() > max ? List.copyOf(items.subList(0, max)) : items;
    }

    /** A lazy list reply, cut at maxResults without reading further pages. */
    <T> Iterator<T> limited(Iterator<T> items) {
        int max = listing().getMaxResults();
        if (max <= 0) {
            return items;
        }
        return new Iterator<>() {
            private int given;

            @Override
            public boolean hasNext() {
                return given < max && items.hasNext();
            }

            @Override
            public T next() {
                given++;
                return items.next();
            }
        };
    }
}
