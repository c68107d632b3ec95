package dev.cameltiledb.component.producer;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.camel.OptionText;
import dev.cameltiledb.client.AssetRef;
import dev.cameltiledb.client.ListingFilters;
import dev.cameltiledb.client.NamespaceRef;
import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.client.TileDBJson;
import dev.cameltiledb.component.ArrayOptions;
import dev.cameltiledb.component.ConnectionOptions;
import dev.cameltiledb.component.DataOptions;
import dev.cameltiledb.component.GroupOptions;
import dev.cameltiledb.component.ListingOptions;
import dev.cameltiledb.component.NotebookOptions;
import dev.cameltiledb.component.OptionHeaders;
import dev.cameltiledb.component.TileDBConfiguration;
import dev.cameltiledb.component.TileDBOperation;
import dev.cameltiledb.component.TileDBResource;
import dev.cameltiledb.component.UserOptions;
import dev.cameltiledb.component.WorkspaceOptions;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The options one message is processed with: the endpoint's configuration with the message's
 * {@code CamelTileDB<Option>} headers applied ({@link OptionHeaders}). Handlers read the option groups directly; what
 * is here is what several operations share: the asset an operation works on, required values, listing filters.
 * Missing required values name the option and the header to fix.
 */
final class MessageOptions {

    private static final ObjectMapper JSON = TileDBJson.mapper();

    private final Message message;
    private final TileDBConfiguration config;

    MessageOptions(Message message, TileDBConfiguration endpointConfiguration) {
        this.message = message;
        this.config = OptionHeaders.TABLE.apply(message, endpointConfiguration);
    }

    ListingOptions listing() {
        return config.getListing();
    }

    ArrayOptions arrays() {
        return config.getArrayOptions();
    }

    NotebookOptions notebooks() {
        return config.getNotebookOptions();
    }

    GroupOptions groups() {
        return config.getGroupOptions();
    }

    UserOptions user() {
        return config.getUserOptions();
    }

    WorkspaceOptions workspaces() {
        return config.getWorkspaceOptions();
    }

    DataOptions data() {
        return config.getDataOptions();
    }

    /** The endpoint's connection options (never changed by a message). */
    ConnectionOptions connection() {
        return config.getConnection();
    }

    /** The operation to run: the option's or header's, else the resource's own ({@code tiledb:sql} runs exec). */
    TileDBOperation operation(TileDBResource resource) {
        TileDBOperation given = config.getOperation();
        return require(given != null ? given : resource.defaultOperation(), "operation", null);
    }

    String namespace() {
        return config.getNamespace();
    }

    String array() {
        return config.getArray();
    }

    String groupName() {
        return config.getGroup();
    }

    boolean hasTiledbUri() {
        return !isBlank(config.getTiledbUri());
    }

    String tiledbUri() {
        return config.getTiledbUri();
    }

    /**
     * Which platform's form the operation's address has: the tiledbUri's ({@code tiledb://namespace/name} or
     * {@code tiledb://workspace/teamspace/path}), else the namespace's ({@code acme} or {@code acme/research}); empty
     * when neither is given. Resources whose operations exist on both platforms in different calls ({@code files},
     * {@code assets}) choose the call by it.
     */
    java.util.Optional<Boolean> classicForm() {
        if (hasTiledbUri()) {
            return java.util.Optional.of(!AssetRef.parse(config.getTiledbUri()).isWorkspace());
        }
        if (!isBlank(namespace())) {
            return java.util.Optional.of(!NamespaceRef.parse(namespace()).isWorkspace());
        }
        return java.util.Optional.empty();
    }

    /** The namespace an operation needs on its own (not as part of an asset). */
    String requiredNamespace(TileDBOperation operation) {
        return require(namespace(), "namespace", operation);
    }

    /**
     * The array (or notebook) an operation works on: {@code tiledbUri}, else {@code array} (which may itself be a
     * {@code tiledb://} URI) with {@code namespace}; a failure names both ways to give it.
     */
    AssetRef arrayRef(TileDBOperation operation) {
        return assetRef(operation, array(), "array");
    }

    /** The group an operation works on, given like an array but with the {@code group} option. */
    AssetRef groupRef(TileDBOperation operation) {
        return assetRef(operation, groupName(), "group");
    }

    private AssetRef assetRef(TileDBOperation operation, String name, String option) {
        String uri = config.getTiledbUri();
        if (!isBlank(uri)) {
            return AssetRef.parse(uri);
        }
        if (name != null && name.startsWith(AssetRef.SCHEME)) {
            return AssetRef.parse(name);
        }
        String namespace = namespace();
        if (isBlank(namespace) || isBlank(name)) {
            throw new TileDBConfigurationException("The " + operation + " operation needs an asset: set the namespace"
                    + " and " + option + " options (headers " + OptionHeaders.headerOf("namespace") + ", "
                    + OptionHeaders.headerOf(option) + ") or the tiledbUri option (header "
                    + OptionHeaders.headerOf("tiledbUri") + ")");
        }
        return new AssetRef(namespace, name);
    }

    /**
     * The asset, folder or file a workspace-platform operation works on: {@code tiledbUri}
     * ({@code tiledb://workspace/teamspace/path}), else {@code namespace} ({@code workspace/teamspace}) with
     * {@code path}, which defaults to {@code defaultPath} when that is not null.
     */
    AssetRef workspaceAsset(TileDBOperation operation, String defaultPath) {
        String uri = config.getTiledbUri();
        if (!isBlank(uri)) {
            return AssetRef.parse(uri);
        }
        String path = config.getWorkspaceOptions().getPath();
        path = isBlank(path) ? defaultPath : path;
        if (isBlank(namespace()) || isBlank(path)) {
            throw new TileDBConfigurationException("The " + operation + " operation needs an address on the"
                    + " workspace platform: set the namespace (workspace/teamspace) and path options (headers "
                    + OptionHeaders.headerOf("namespace") + ", " + OptionHeaders.headerOf("path")
                    + ") or the tiledbUri option (tiledb://workspace/teamspace/path, header "
                    + OptionHeaders.headerOf("tiledbUri") + ")");
        }
        return teamspaceRef(operation).asset(path);
    }

    /** The teamspace a workspace-platform operation works in: the namespace option, written workspace/teamspace. */
    NamespaceRef teamspaceRef(TileDBOperation operation) {
        String uri = config.getTiledbUri();
        if (isBlank(namespace()) && !isBlank(uri)) {
            return AssetRef.parse(uri).home();
        }
        return NamespaceRef.parse(requiredNamespace(operation));
    }

    /** The filters every listing shares. */
    ListingFilters listingFilters() {
        ListingOptions l = listing();
        return new ListingFilters(
                l.getSearch(),
                namespace(),
                l.getOrderBy(),
                l.getPermissions(),
                OptionText.list(l.getTags()),
                OptionText.list(l.getExcludeTags()),
                OptionText.list(l.getSharedTo()),
                l.getWithMetadata(),
                l.getPerPage());
    }

    /**
     * A JSON-valued option ({@code parameters}, {@code arguments}...): the value its header holds when that is a List
     * or Map (taken as it is, not joined into text), else the option's text parsed; null when unset. Text that is not
     * JSON is an error naming the option, its header and {@code expected}.
     */
    Object json(String option, String text, String expected) {
        Object raw = message.getHeader(OptionHeaders.headerOf(option));
        if (raw instanceof Collection<?> || raw instanceof Map<?, ?>) {
            return raw;
        }
        if (isBlank(text)) {
            return null;
        }
        try {
            return JSON.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new TileDBConfigurationException(
                    OptionHeaders.TABLE.option(option).label() + " must be " + expected + ", was '" + text + "': "
                            + e.getOriginalMessage(),
                    e);
        }
    }

    /** A JSON-array option ({@link #json}); any other JSON value is an error naming it, with {@code example}. */
    List<?> jsonArray(String option, String text, String example) {
        Object value = json(option, text, "a JSON array such as " + example);
        if (value == null || value instanceof List<?>) {
            return (List<?>) value;
        }
        if (value instanceof Collection<?> items) {
            return new ArrayList<>(items);
        }
        throw new TileDBConfigurationException(
                OptionHeaders.TABLE.option(option).label() + " must be a JSON array such as " + example + ", was '"
                        + text + "'");
    }

    /** The file name a file consumer put on the message, to name an uploaded notebook after. */
    String camelFileName() {
        Object name = message.getHeader(Exchange.FILE_NAME_ONLY);
        if (name == null) {
            name = message.getHeader(Exchange.FILE_NAME);
        }
        return name == null
                ? null
                : java.nio.file.Path.of(name.toString()).getFileName().toString();
    }

    /** The value an operation cannot do without; missing, the error names the option and its header. */
    static <T> T require(T value, String option, TileDBOperation operation) {
        return OptionHeaders.TABLE.require(
                value, option, operation == null ? "A TileDB producer" : "The " + operation + " operation");
    }

    /** An ISO-8601 instant or epoch seconds, as epoch seconds; null when unset. */
    static Long epochSeconds(String text, String option) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            return value.chars().allMatch(Character::isDigit)
                    ? Long.parseLong(value)
                    : Instant.parse(value).getEpochSecond();
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new TileDBConfigurationException(
                    "The " + option + " option (header " + OptionHeaders.headerOf(option)
                            + ") must be an ISO-8601 instant or epoch seconds, was '" + value + "'",
                    e);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
