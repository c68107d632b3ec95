package dev.cameltiledb.component;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import dev.cameltiledb.client.ArrayRef;
import dev.cameltiledb.client.ListingFilters;
import dev.cameltiledb.client.TileDBConfigurationException;
import org.apache.camel.Message;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.TypeConversionException;

/**
 * The options one message is processed with: a {@code CamelTileDB*} header when present, otherwise the endpoint's
 * URI option. Conversion failures and missing required values name the option and the header to fix.
 */
final class MessageOptions {

    private final Message message;
    private final TileDBConfiguration config;

    MessageOptions(Message message, TileDBConfiguration config) {
        this.message = message;
        this.config = config;
    }

    TileDBOperation operation() {
        return require(
                get(TileDBConstants.OPERATION, config.getOperation(), TileDBOperation.class),
                "operation",
                TileDBConstants.OPERATION,
                null);
    }

    String namespace() {
        return get(TileDBConstants.NAMESPACE, config.getNamespace(), String.class);
    }

    boolean hasTiledbUri() {
        return !isBlank(get(TileDBConstants.TILEDB_URI, config.getTiledbUri(), String.class));
    }

    String array() {
        return get(TileDBConstants.ARRAY, config.getArray(), String.class);
    }

    /**
     * The array (or notebook) an operation works on: {@code tiledbUri}, else {@code array} (which may itself be a
     * {@code tiledb://} URI) with {@code namespace}; a failure names both ways to give it.
     */
    ArrayRef arrayRef(TileDBOperation operation) {
        return assetRef(operation, array(), "array", TileDBConstants.ARRAY);
    }

    /** The group an operation works on, given like an array but with the {@code group} option. */
    ArrayRef groupRef(TileDBOperation operation) {
        return assetRef(
                operation, get(TileDBConstants.GROUP, config.getGroup(), String.class), "group", TileDBConstants.GROUP);
    }

    private ArrayRef assetRef(TileDBOperation operation, String name, String option, String header) {
        String uri = get(TileDBConstants.TILEDB_URI, config.getTiledbUri(), String.class);
        if (uri != null) {
            return ArrayRef.parse(uri);
        }
        if (name != null && name.startsWith(ArrayRef.SCHEME)) {
            return ArrayRef.parse(name);
        }
        String namespace = namespace();
        if (isBlank(namespace) || isBlank(name)) {
            throw new TileDBConfigurationException(
                    "The " + operation + " operation needs an asset: set the namespace and "
                            + option + " options (headers " + TileDBConstants.NAMESPACE + ", " + header
                            + ") or the tiledbUri option (header " + TileDBConstants.TILEDB_URI + ")");
        }
        return new ArrayRef(namespace, name);
    }

    /** The filters every listing shares. */
    ListingFilters listingFilters() {
        return new ListingFilters(
                search(),
                namespace(),
                orderBy(),
                permissions(),
                tags(),
                excludeTags(),
                sharedTo(),
                withMetadata(),
                perPage());
    }

    String groupName() {
        return get(TileDBConstants.GROUP, config.getGroup(), String.class);
    }

    String groupType() {
        return get(TileDBConstants.GROUP_TYPE, config.getGroupType(), String.class);
    }

    Boolean flat() {
        return get(TileDBConstants.FLAT, config.getFlat(), Boolean.class);
    }

    String parent() {
        return get(TileDBConstants.PARENT, config.getParent(), String.class);
    }

    List<String> memberTypes() {
        return list(TileDBConstants.MEMBER_TYPES, config.getMemberTypes(), ",");
    }

    List<String> excludeMemberTypes() {
        return list(TileDBConstants.EXCLUDE_MEMBER_TYPES, config.getExcludeMemberTypes(), ",");
    }

    List<String> members(TileDBOperation operation) {
        return require(
                list(TileDBConstants.MEMBERS, config.getMembers(), ","), "members", TileDBConstants.MEMBERS, operation);
    }

    /** {@code ARRAY} or {@code GROUP}, as the v2 member changes spell it. */
    String memberType() {
        String value = get(TileDBConstants.MEMBER_TYPE, config.getMemberType(), String.class);
        return switch (value == null ? "array" : value.toLowerCase(java.util.Locale.ROOT)) {
            case "array" -> "ARRAY";
            case "group" -> "GROUP";
            default ->
                throw new TileDBConfigurationException("The memberType option (header " + TileDBConstants.MEMBER_TYPE
                        + ") must be array or group, was '" + value + "'");
        };
    }

    Boolean recursive() {
        return get(TileDBConstants.RECURSIVE, config.getRecursive(), Boolean.class);
    }

    /** The namespace an operation needs on its own (not as part of an asset). */
    String requiredNamespace(TileDBOperation operation) {
        return require(namespace(), "namespace", TileDBConstants.NAMESPACE, operation);
    }

    Integer page() {
        return get(TileDBConstants.PAGE, config.getPage(), Integer.class);
    }

    Integer perPage() {
        return get(TileDBConstants.PER_PAGE, config.getPerPage(), Integer.class);
    }

    int maxResults() {
        return get(TileDBConstants.MAX_RESULTS, config.getMaxResults(), Integer.class);
    }

    boolean streamResults() {
        return get(TileDBConstants.STREAM_RESULTS, config.isStreamResults(), Boolean.class);
    }

    String search() {
        return get(TileDBConstants.SEARCH, config.getSearch(), String.class);
    }

    String orderBy() {
        return get(TileDBConstants.ORDER_BY, config.getOrderBy(), String.class);
    }

    String permissions() {
        return get(TileDBConstants.PERMISSIONS, config.getPermissions(), String.class);
    }

    List<String> tags() {
        return list(TileDBConstants.TAGS, config.getTags(), ",");
    }

    List<String> excludeTags() {
        return list(TileDBConstants.EXCLUDE_TAGS, config.getExcludeTags(), ",");
    }

    List<String> fileTypes() {
        return list(TileDBConstants.FILE_TYPES, config.getFileTypes(), ",");
    }

    List<String> excludeFileTypes() {
        return list(TileDBConstants.EXCLUDE_FILE_TYPES, config.getExcludeFileTypes(), ",");
    }

    /** {@code key=value;key2=value2} becomes the service's {@code key,value} form, one per pair. */
    List<String> fileProperties() {
        List<String> pairs = list(TileDBConstants.FILE_PROPERTIES, config.getFileProperties(), ";");
        if (pairs == null) {
            return null;
        }
        return pairs.stream()
                .map(pair -> {
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        throw new TileDBConfigurationException(
                                "The fileProperties option (header " + TileDBConstants.FILE_PROPERTIES
                                        + ") takes key=value pairs separated by ';', was '" + pair + "'");
                    }
                    return pair.substring(0, eq).strip() + ","
                            + pair.substring(eq + 1).strip();
                })
                .toList();
    }

    List<String> sharedTo() {
        return list(TileDBConstants.SHARED_TO, config.getSharedTo(), ",");
    }

    Boolean withMetadata() {
        return get(TileDBConstants.WITH_METADATA, config.getWithMetadata(), Boolean.class);
    }

    String publicShare() {
        String value = get(TileDBConstants.PUBLIC_SHARE, config.getPublicShare(), String.class);
        if (value != null && !value.equals("exclude") && !value.equals("only")) {
            throw new TileDBConfigurationException("The publicShare option (header " + TileDBConstants.PUBLIC_SHARE
                    + ") must be 'exclude' or 'only', was '" + value + "'");
        }
        return value;
    }

    Long startTime() {
        return epochSeconds(TileDBConstants.START_TIME, config.getStartTime(), "startTime");
    }

    Long endTime() {
        return epochSeconds(TileDBConstants.END_TIME, config.getEndTime(), "endTime");
    }

    String eventTypes() {
        List<String> types = list(TileDBConstants.EVENT_TYPES, config.getEventTypes(), ",");
        return types == null ? null : String.join(",", types);
    }

    String taskId() {
        return get(TileDBConstants.TASK_ID, config.getTaskId(), String.class);
    }

    Boolean hasTaskId() {
        return get(TileDBConstants.HAS_TASK_ID, config.getHasTaskId(), Boolean.class);
    }

    String targetNamespace(TileDBOperation operation) {
        return require(
                get(TileDBConstants.TARGET_NAMESPACE, config.getTargetNamespace(), String.class),
                "targetNamespace",
                TileDBConstants.TARGET_NAMESPACE,
                operation);
    }

    boolean hasTargetNamespace() {
        return !isBlank(targetNamespaceOrNull());
    }

    List<String> actions() {
        return list(TileDBConstants.ACTIONS, config.getActions(), ",");
    }

    String storageUri() {
        return get(TileDBConstants.STORAGE_URI, config.getStorageUri(), String.class);
    }

    String credentialsName() {
        return get(TileDBConstants.CREDENTIALS_NAME, config.getCredentialsName(), String.class);
    }

    String subarray(TileDBOperation operation) {
        return require(
                get(TileDBConstants.SUBARRAY, config.getSubarray(), String.class),
                "subarray",
                TileDBConstants.SUBARRAY,
                operation);
    }

    Integer samples() {
        return get(TileDBConstants.SAMPLES, config.getSamples(), Integer.class);
    }

    Integer metadataLength() {
        return get(TileDBConstants.METADATA_LENGTH, config.getMetadataLength(), Integer.class);
    }

    Long endTimestamp() {
        return get(TileDBConstants.END_TIMESTAMP, config.getEndTimestamp(), Long.class);
    }

    String payer() {
        return get(TileDBConstants.PAYER, config.getPayer(), String.class);
    }

    String storagePath() {
        return get(TileDBConstants.STORAGE_PATH, config.getStoragePath(), String.class);
    }

    boolean overwrite() {
        String value = get(TileDBConstants.ON_EXISTS, config.getOnExists(), String.class);
        return switch (value == null ? "fail" : value) {
            case "fail" -> false;
            case "overwrite" -> true;
            default ->
                throw new TileDBConfigurationException("The onExists option (header " + TileDBConstants.ON_EXISTS
                        + ") must be fail or overwrite, was '" + value + "'");
        };
    }

    boolean validateJson() {
        return get(TileDBConstants.VALIDATE_JSON, config.isValidateJson(), Boolean.class);
    }

    String downloadAs() {
        String value = get(TileDBConstants.DOWNLOAD_AS, config.getDownloadAs(), String.class);
        if (!java.util.Set.of("string", "bytes", "stream").contains(value)) {
            throw new TileDBConfigurationException("The downloadAs option (header " + TileDBConstants.DOWNLOAD_AS
                    + ") must be string, bytes or stream, was '" + value + "'");
        }
        return value;
    }

    String outputFile() {
        return get(TileDBConstants.OUTPUT_FILE, config.getOutputFile(), String.class);
    }

    String newName(TileDBOperation operation) {
        return require(
                get(TileDBConstants.NEW_NAME, config.getNewName(), String.class),
                "newName",
                TileDBConstants.NEW_NAME,
                operation);
    }

    String newNameOrNull() {
        return get(TileDBConstants.NEW_NAME, config.getNewName(), String.class);
    }

    String targetNamespaceOrNull() {
        return get(TileDBConstants.TARGET_NAMESPACE, config.getTargetNamespace(), String.class);
    }

    Integer keepVersions() {
        return get(TileDBConstants.KEEP_VERSIONS, config.getKeepVersions(), Integer.class);
    }

    /** The file name a file consumer put on the message, to name an uploaded notebook after. */
    String camelFileName() {
        Object name = message.getHeader(org.apache.camel.Exchange.FILE_NAME_ONLY);
        if (name == null) {
            name = message.getHeader(org.apache.camel.Exchange.FILE_NAME);
        }
        return name == null
                ? null
                : java.nio.file.Path.of(name.toString()).getFileName().toString();
    }

    String organization(TileDBOperation operation) {
        return require(
                get(TileDBConstants.ORGANIZATION, config.getOrganization(), String.class),
                "organization",
                TileDBConstants.ORGANIZATION,
                operation);
    }

    String requiredAction() {
        return get(TileDBConstants.REQUIRED_ACTION, config.getRequiredAction(), String.class);
    }

    private <T> T get(String header, T configured, Class<T> type) {
        Object raw = message.getHeader(header);
        if (raw == null) {
            return configured;
        }
        try {
            return message.getExchange()
                    .getContext()
                    .getTypeConverter()
                    .mandatoryConvertTo(type, message.getExchange(), raw);
        } catch (NoTypeConversionAvailableException | TypeConversionException | IllegalArgumentException e) {
            throw new TileDBConfigurationException(
                    "The header " + header + " must be of type " + type.getSimpleName() + ", was the "
                            + raw.getClass().getSimpleName() + " '" + raw + "'",
                    e);
        }
    }

    /** A header may hold a Collection or a separated String; the option holds a separated String. */
    private List<String> list(String header, String configured, String separator) {
        Object raw = message.getHeader(header);
        if (raw instanceof Collection<?> values) {
            return values.stream()
                    .map(String::valueOf)
                    .map(String::strip)
                    .filter(v -> !v.isEmpty())
                    .toList();
        }
        String text = raw != null ? raw.toString() : configured;
        if (isBlank(text)) {
            return null;
        }
        return Arrays.stream(text.split(separator))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
    }

    private Long epochSeconds(String header, String configured, String option) {
        Object raw = message.getHeader(header);
        Object value = raw != null ? raw : configured;
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant.getEpochSecond();
        }
        if (value instanceof Date date) {
            return date.toInstant().getEpochSecond();
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        String text = value.toString().strip();
        try {
            return text.chars().allMatch(Character::isDigit)
                    ? Long.parseLong(text)
                    : Instant.parse(text).getEpochSecond();
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new TileDBConfigurationException(
                    "The " + option + " option (header " + header
                            + ") must be an ISO-8601 instant or epoch seconds, was '" + text + "'",
                    e);
        }
    }

    private static <T> T require(T value, String option, String header, TileDBOperation operation) {
        if (value == null || value instanceof String s && s.isBlank() || value instanceof List<?> l && l.isEmpty()) {
            String what = operation == null ? "A TileDB producer" : "The " + operation + " operation";
            throw new TileDBConfigurationException(
                    what + " needs the " + option + " option or the " + header + " header");
        }
        return value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
