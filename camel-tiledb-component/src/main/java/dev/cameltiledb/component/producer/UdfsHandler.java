package dev.cameltiledb.component.producer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.camel.OptionText;
import dev.cameltiledb.client.AssetRef;
import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.client.TileDBJson;
import dev.cameltiledb.client.UdfsApi;
import dev.cameltiledb.client.model.GenericUdf;
import dev.cameltiledb.client.model.MultiArrayUdf;
import dev.cameltiledb.client.model.QueryRanges;
import dev.cameltiledb.client.model.UdfArgument;
import dev.cameltiledb.client.model.UdfCopied;
import dev.cameltiledb.client.model.UdfCopy;
import dev.cameltiledb.client.model.UdfInfo;
import dev.cameltiledb.client.model.UdfInfoUpdate;
import dev.cameltiledb.component.DataOptions;
import dev.cameltiledb.component.OptionHeaders;
import dev.cameltiledb.component.TileDBOperation;
import dev.cameltiledb.component.TileDBResource;
import org.apache.camel.Message;

/**
 * {@code tiledb:udfs}: runs a UDF, registered ({@code udfName}) or from Python source ({@code udfSource}), on its own
 * ({@code exec}), over a slice of one array ({@code apply}) or over slices of several ({@code execMultiArray}), its
 * arguments from the {@code arguments} option or the body, and answers its result ({@link TaskReply}); manages
 * registered UDFs ({@link RegisteredOperations}, copy, versions, favorites). A run's request is checked whole before it
 * is sent: it runs the UDF each time it is sent, so it is sent once.
 */
final class UdfsHandler implements ResourceHandler {

    /** The UDF type a UDF registered from source gets. */
    private static final String GENERIC = "generic";

    private final ObjectMapper mapper = TileDBJson.mapper();
    private final BodyConverter bodies = new BodyConverter();
    private final RegisteredOperations<UdfInfo, UdfInfoUpdate> registered =
            new RegisteredOperations<>("udfName", "fetch_udf", this::registration);

    @Override
    public void handle(TileDBOperation operation, MessageOptions options, Message message, TileDBClient client) {
        UdfsApi udfs = client.udfs();
        DataOptions d = options.data();
        if (registered.handle(operation, options, message, udfs, d.getUdfName())) {
            return;
        }
        switch (operation) {
            case exec -> {
                GenericUdf udf = udf(operation, options)
                        .arguments(arguments(operation, options, message))
                        .build();
                TaskReply.write(
                        message, options, udfs.exec(runNamespace(operation, options, udf), udf), TaskReply.Json.VALUE);
            }
            case apply -> {
                AssetRef array = options.arrayRef(operation);
                MultiArrayUdf udf = MultiArrayUdf.onSlice(
                        udf(operation, options).build(),
                        new QueryRanges(layout(d), SliceOptions.ranges(options)),
                        OptionText.list(d.getFields()),
                        UdfArgument.of(arguments(operation, options, message)));
                TaskReply.write(
                        message,
                        options,
                        udfs.execOnArray(array, udf, options.arrays().getPayer()),
                        TaskReply.Json.VALUE);
            }
            case execMultiArray -> {
                GenericUdf generic = udf(operation, options).build();
                MultiArrayUdf udf = MultiArrayUdf.over(
                        generic,
                        SliceOptions.arraySlices(options, layout(d), operation),
                        UdfArgument.of(arguments(operation, options, message)));
                TaskReply.write(
                        message,
                        options,
                        udfs.execMultiArray(runNamespace(operation, options, generic), udf),
                        TaskReply.Json.VALUE);
            }
            case copy -> {
                AssetRef udf = registered.address(operation, options, message, d.getUdfName());
                UdfCopied copied = udfs.copy(
                        udf,
                        new UdfCopy(
                                options.arrays().getStorageUri(),
                                options.arrays().getTargetNamespace(),
                                options.notebooks().getNewName()),
                        options.arrays().getEndTimestamp(),
                        options.arrays().getCredentialsName());
                message.setBody(copied);
                NotebooksHandler.created(message, new AssetRef(copied.namespace(), copied.name()), copied.id());
            }
            case versions -> {
                AssetRef udf = registered.address(operation, options, message, d.getUdfName());
                Integer perPage = options.listing().getPerPage();
                ListingReply.write(message, options, page -> udfs.versions(udf, page, perPage));
            }
            case favorites -> {
                Integer perPage = options.listing().getPerPage();
                ListingReply.write(message, options, page -> udfs.favorites(page, perPage));
            }
            default -> throw ResourceHandler.notHandled(TileDBResource.udfs, operation);
        }
    }

    /** The layout option, checked; null when unset (the service's default, row-major). */
    private static String layout(DataOptions d) {
        return SliceOptions.layout(d.getLayout());
    }

    /**
     * The UDF to run and how: registered ({@code udfName}) or from source ({@code udfSource}), exactly one of them,
     * with the run's options.
     */
    private static GenericUdf.Builder udf(TileDBOperation operation, MessageOptions options) {
        DataOptions d = options.data();
        boolean named = !isBlank(d.getUdfName());
        boolean source = !isBlank(d.getUdfSource());
        if (named == source) {
            throw new TileDBConfigurationException("The " + operation + " operation runs "
                    + (named ? "one UDF: set either" : "a UDF: set") + " the udfName option (header "
                    + OptionHeaders.headerOf("udfName") + "), a registered UDF written namespace/name, or the"
                    + " udfSource option (header " + OptionHeaders.headerOf("udfSource") + "), Python source"
                    + (named ? ", not both" : ""));
        }
        GenericUdf.Builder udf = named
                ? GenericUdf.registered(
                        registeredName(operation, options, d.getUdfName().strip()))
                : GenericUdf.python(d.getUdfSource());
        return udf.resultFormat(d.clientResultFormat())
                .timeout(d.getTimeout())
                .resourceClass(d.getResourceClass())
                .imageName(d.getImageName())
                .accessCredentialsName(options.arrays().getCredentialsName())
                .taskName(d.getTaskName())
                .storeResults(d.getStoreResults());
    }

    /** A registered UDF as the service names it in a run: {@code namespace/name} (a version suffix kept). */
    private static String registeredName(TileDBOperation operation, MessageOptions options, String value) {
        AssetRef udf = RegisteredOperations.parse(operation, options, "udfName", value);
        return udf.namespace() + "/" + udf.name();
    }

    /** The namespace a run is charged to: the namespace option, else the registered UDF's own. */
    private static String runNamespace(TileDBOperation operation, MessageOptions options, GenericUdf udf) {
        if (!isBlank(options.namespace())) {
            return options.namespace();
        }
        if (udf.udfInfoName() != null) {
            return udf.udfInfoName().substring(0, udf.udfInfoName().indexOf('/'));
        }
        return options.requiredNamespace(operation);
    }

    /**
     * The run's arguments: the arguments option (JSON), else the body: a List (positional), a Map (named), JSON text
     * (String, byte[], InputStream), or another single value (one positional argument); none when both are empty.
     */
    private Object arguments(TileDBOperation operation, MessageOptions options, Message message) {
        String option = "arguments";
        Object given = options.json(option, options.data().getArguments(), "JSON: an array or an object");
        if (given != null) {
            return given;
        }
        Object body = message.getBody();
        if (body == null || body instanceof Collection<?> || body instanceof Map<?, ?>) {
            return body;
        }
        if (body instanceof Number || body instanceof Boolean) {
            return List.of(body);
        }
        if (body instanceof String || body instanceof byte[] || body instanceof InputStream) {
            String text = message.getBody(String.class);
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return mapper.readValue(text, Object.class);
            } catch (IOException e) {
                throw new TileDBConfigurationException(
                        "The " + operation + " operation reads the UDF's arguments from the body when the arguments"
                                + " option (header " + OptionHeaders.headerOf(option) + ") is unset, and the body"
                                + " is not JSON: " + BodyConverter.rootMessage(e)
                                + "; give a JSON array (positional) or object (named), or a List or Map",
                        e);
            }
        }
        throw new TileDBConfigurationException("The " + operation + " operation cannot take a body of type "
                + body.getClass().getName() + " as the UDF's arguments; give a List (positional), a Map (named) or"
                + " JSON text, or set the arguments option (header " + OptionHeaders.headerOf(option) + ")");
    }

    /**
     * What registering or updating sends: the body ({@link UdfInfoUpdate} or its Map/JSON form), with the code of the
     * udfSource option when that is given; registering takes the UDF's name, and from source alone is a generic
     * Python UDF.
     */
    private UdfInfoUpdate registration(
            TileDBOperation operation, MessageOptions options, Message message, AssetRef udf) {
        UdfInfoUpdate body = bodies.optional(message.getBody(), UdfInfoUpdate.class, operation);
        String source = options.data().getUdfSource();
        boolean registering = operation == TileDBOperation.register;
        if (body == null && isBlank(source)) {
            throw new TileDBConfigurationException("The " + operation + " operation of tiledb:udfs needs the UDF's "
                    + (registering ? "code" : "changes") + ": the udfSource option (header "
                    + OptionHeaders.headerOf("udfSource") + "), Python source, or a body (UdfInfoUpdate or its"
                    + " Map/JSON form)");
        }
        if (body == null) {
            return registering
                    ? UdfInfoUpdate.python(udf.name(), GENERIC, source)
                    : new UdfInfoUpdate(null, null, null, null, null, null, source, null, null, null, null);
        }
        return new UdfInfoUpdate(
                registering && body.name() == null ? udf.name() : body.name(),
                registering && body.language() == null ? "python" : body.language(),
                body.version(),
                body.imageName(),
                registering && body.type() == null ? GENERIC : body.type(),
                body.exec(),
                isBlank(source) ? body.execRaw() : source,
                body.readme(),
                body.licenseId(),
                body.licenseText(),
                body.tags());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
