package dev.cameltiledb.arraylake.component;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.arraylake.client.model.RepoName;
import dev.cameltiledb.arraylake.client.model.TemporaryCredentials;
import org.apache.camel.Message;

/**
 * One message on its way to the service: the options it is processed with (the endpoint's, with its option headers
 * applied), the checks every operation shares, and the steps that two operations of a pair share where they differ
 * only in what is called (credentials beside a get, the confirmation of a delete, the limit of a list). Every failure
 * here happens before a request and names the option and its header.
 */
final class MessageCall {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    final Message message;
    final ArraylakeConfiguration options;
    final ArraylakeResource resource;
    final ArraylakeOperation operation;

    MessageCall(Message message, ArraylakeConfiguration endpointOptions, ArraylakeResource resource) {
        this.message = message;
        this.options = OptionHeaders.resolve(message, endpointOptions);
        this.resource = resource;
        OptionChecks.checkChoices(options);
        this.operation = operationOf(options, resource);
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

    /** A value the operation cannot do without. */
    <T> T required(T value, String option) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new ArraylakeOptionException("arraylake:" + resource + " operation " + operation + " needs the "
                    + option + " option (header " + OptionHeaders.headerOf(option) + ")");
        }
        return value;
    }

    String org() {
        return required(options.getOrg(), "org");
    }

    /** {@code org/name}, or a bare name in the org option's org; the client checks both names' rules. */
    RepoName repo() {
        String repo = required(options.getRepo(), "repo");
        if (repo.indexOf('/') < 0
                && options.getOrg() != null
                && !options.getOrg().isBlank()) {
            return RepoName.of(options.getOrg(), repo);
        }
        return RepoName.parse(repo);
    }

    String nickname() {
        return required(options.getNickname(), "nickname");
    }

    String serviceId() {
        return required(options.getServiceId(), "serviceId");
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

    /** A comma-separated option as a list, blanks dropped. */
    static List<String> commaList(String value) {
        return value == null
                ? null
                : Arrays.stream(value.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    /**
     * Both deletes (a repo, a bucket config): without {@code confirmDelete=true} nothing is sent. The client
     * refuses the same way; this check names the option to set.
     */
    void deleteConfirmed(Consumer<Boolean> delete) {
        requireDeleteConfirmed();
        delete.accept(Boolean.TRUE);
        message.setBody(null);
    }

    /** Every delete: without {@code confirmDelete=true} it fails naming the option, before anything is sent. */
    void requireDeleteConfirmed() {
        if (!options.isConfirmDelete()) {
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
        if (options.isBucketCredentials()) {
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
        int max = options.getMaxResults();
        return max > 0 && items.size() > max ? List.copyOf(items.subList(0, max)) : items;
    }

    /** A lazy list reply, cut at maxResults without reading further pages. */
    <T> Iterator<T> limited(Iterator<T> items) {
        int max = options.getMaxResults();
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
