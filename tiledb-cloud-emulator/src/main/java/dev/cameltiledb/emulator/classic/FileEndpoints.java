package dev.cameltiledb.emulator.classic;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.cameltiledb.emulator.common.Router;
import dev.cameltiledb.emulator.http.ApiFailure;
import dev.cameltiledb.emulator.http.AssetNames;
import dev.cameltiledb.emulator.http.Handler;
import dev.cameltiledb.emulator.http.HttpCall;
import dev.cameltiledb.emulator.state.ArraySchemas;
import dev.cameltiledb.emulator.state.AssetStorage;
import dev.cameltiledb.emulator.state.EmulatorState;
import dev.cameltiledb.emulator.state.StoredArray;

/**
 * The classic API's TileDB files: {@code POST /v1/files/{namespace}} (create from a storage URI),
 * {@code POST /v1/files/{namespace}/upload} (multipart upload) and {@code POST /v1/files/{namespace}/{file}/export}.
 * A file is an array of file type {@code file}: it shows in the array listings, its activity and its tasks. An upload
 * keeps the bytes (the file's one version, readable with {@code query/get_file}); a create from {@code input_uri}
 * cannot read the URI, so it makes a file that holds data the emulator has not seen (one fragment, no bytes to
 * download). An export checks the file and logs a read; the emulator writes nothing to the output URI.
 */
public final class FileEndpoints {

    private final EmulatorState state;
    private final com.fasterxml.jackson.databind.ObjectMapper mapper;
    private final NotebookRoutes notebooks;

    public FileEndpoints(
            EmulatorState state, com.fasterxml.jackson.databind.ObjectMapper mapper, NotebookRoutes notebooks) {
        this.state = state;
        this.mapper = mapper;
        this.notebooks = notebooks;
    }

    public void register(Router<Handler> router) {
        router.add("POST", "/v1/files/{namespace}", this::create)
                .addStreamed("POST", "/v1/files/{namespace}/upload", notebooks.formUpload("file", ""))
                .add("POST", "/v1/files/{namespace}/{file}/export", this::export);
    }

    /**
     * {@code FileCreate}: {@code input_uri} required; {@code name} defaults to its last segment; without
     * {@code output_uri} the file goes where the namespace's storage settings put files. 201 {@code FileCreated}.
     */
    private void create(HttpCall call) {
        String namespace = call.path("namespace");
        Map<?, ?> body = call.body(Map.class);
        String input = text(body.get("input_uri"));
        if (input == null) {
            throw ApiFailure.badRequest("FileCreate.input_uri is required");
        }
        String original = ArrayRoutes.lastSegment(input);
        String name = AssetNames.name(text(body.get("name")) != null ? text(body.get("name")) : original, "name");
        String output = text(body.get("output_uri"));
        String credentials = call.header("X-TILEDB-CLOUD-ACCESS-CREDENTIALS-NAME");
        state.access().requireAdministrable(call.user(), namespace);
        AssetStorage.Placement placement = output != null
                ? new AssetStorage.Placement(output, null)
                : AssetStorage.place(state.accounts(), namespace, "files", name);
        StoredArray file = new StoredArray();
        file.namespace = namespace;
        file.name = name;
        file.uri = placement.uri();
        file.fileType = "file";
        file.createdBy = call.user().username();
        file.accessCredentialsName = credentials != null ? credentials : placement.credentialsName();
        file.schema = ArraySchemas.notebook(mapper, file.uri);
        file.hasData = true;
        file.size = 0L;
        file.metadata.put("type", "file");
        NotebookRoutes.describeFile(file, original, null);
        state.catalog().add(file);
        state.activity().record(file, "create", call.user().username());
        state.activity().record(file, "query_write", call.user().username());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("output_uri", file.uri);
        m.put("file_name", file.name);
        call.json(201, m);
    }

    /** {@code FileExport}: {@code output_uri} defaults to the file's original name beside its storage. 201. */
    private void export(HttpCall call) {
        Map<?, ?> body = call.body(Map.class);
        String output = text(body.get("output_uri"));
        StoredArray file = state.access().readable(call.user(), call.path("namespace"), call.path("file"));
        if (!"file".equals(file.fileType)) {
            throw ApiFailure.badRequest("array " + file.namespace + "/" + file.name + " is not a file");
        }
        state.activity().record(file, "query_read", call.user().username());
        String original = file.fileProperties.getOrDefault("original_file_name", file.name);
        String parent = file.uri.substring(0, file.uri.lastIndexOf('/') + 1);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("output_uri", output != null ? output : parent + "exports/" + original);
        call.json(201, m);
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }
}
