package dev.cameltiledb.emulator.classic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.common.Access;
import dev.cameltiledb.emulator.common.Router;
import dev.cameltiledb.emulator.http.ApiFailure;
import dev.cameltiledb.emulator.http.AssetNames;
import dev.cameltiledb.emulator.http.Handler;
import dev.cameltiledb.emulator.http.HttpCall;
import dev.cameltiledb.emulator.http.MultipartForm;
import dev.cameltiledb.emulator.http.Pagination;
import dev.cameltiledb.emulator.http.Upload;
import dev.cameltiledb.emulator.state.ArraySchemas;
import dev.cameltiledb.emulator.state.AssetStorage;
import dev.cameltiledb.emulator.state.EmulatorState;
import dev.cameltiledb.emulator.state.StoredArray;

/**
 * Notebooks as the REST API offers them: upload ({@code /v2/notebooks/.../upload}), download ({@code get_file}),
 * rename, copy, versions and prune. Contents live as files, one per version, under the emulator's file folder, and
 * are streamed both ways, so a 200 MB notebook never sits in memory.
 */
public final class NotebookRoutes {

    static final String IPYNB = "application/x-ipynb+json";

    private final EmulatorState state;
    private final ObjectMapper mapper;
    private final Path files;

    public NotebookRoutes(EmulatorState state, ObjectMapper mapper, Path files) {
        this.state = state;
        this.mapper = mapper;
        this.files = files;
    }

    public void register(Router<Handler> router) {
        router.addStreamed("POST", "/v2/notebooks/{namespace}/{array}/upload", rawUpload("notebook"))
                .addStreamed("POST", "/v2/files/{namespace}/{array}/upload", rawUpload("file"))
                .addStreamed("POST", "/v1/notebooks/{namespace}/upload", formUpload("notebook", ".ipynb"))
                // a download is logged as the array's query_read
                .add("GET", "/v1/arrays/{namespace}/{array}/query/get_file", Access.WRITE, this::getFile)
                .add("PATCH", "/v1/notebooks/{namespace}/{array}/rename", this::rename)
                .add("POST", "/v1/notebooks/{namespace}/{array}/copy", this::copy)
                .add("GET", "/v1/notebooks/{namespace}/{array}/end_timestamps", this::versions)
                .add("POST", "/v1/notebooks/{namespace}/{array}/prune", this::prune);
    }

    /** Where a v2 raw upload goes, and how many bytes it announces. */
    private record RawTarget(String name, String uri, long size) {}

    /** A received body waiting in its part file. */
    private record Part(Path file) implements Upload.Received {
        @Override
        public void close() {
            deleteQuietly(file);
        }
    }

    /**
     * The v2 raw uploads of a notebook or a file: streams the body to disk, checks it against {@code filesize}, then
     * registers a {@code fileType} array, or adds a version to the one of that name. A file keeps its {@code filename}
     * and {@code mimetype} (else the Content-Type) as file properties. A notebook answers {@code NotebookUploaded}
     * ({@code name}), a file {@code FileUploaded} ({@code file_name}).
     */
    private Upload<Part> rawUpload(String fileType) {
        return Upload.of(
                state.transactions(),
                call -> {
                    rawTarget(call, fileType);
                    state.access().requireAdministrable(call.user(), call.path("namespace"));
                },
                call -> new Part(receive(call, rawTarget(call, fileType).size())),
                (call, part) -> {
                    RawTarget target = rawTarget(call, fileType);
                    StoredArray stored = storeVersion(
                            call,
                            call.path("namespace"),
                            target.name(),
                            target.uri(),
                            fileType,
                            part.file(),
                            target.size());
                    if (fileType.equals("file")) {
                        describeFile(
                                stored,
                                call.query("filename"),
                                call.query("mimetype") != null ? call.query("mimetype") : call.header("Content-Type"));
                    }
                    call.json(
                            201,
                            fileType.equals("file")
                                    ? new NotebookAnswers.FileUploaded(stored.uri, stored.name, stored.id)
                                    : new NotebookAnswers.NotebookUploaded(stored.uri, stored.name, stored.id));
                });
    }

    private static RawTarget rawTarget(HttpCall call, String fileType) {
        String namespace = call.path("namespace");
        String target = call.path("array");
        Long size = call.queryLong("filesize");
        if (size == null || size < 0) {
            throw ApiFailure.badRequest("filesize is required");
        }
        // a storage URI in {array} places the new array there; a name leaves it to the owner's settings
        String uri = target.contains("://") ? target : null;
        String name = AssetNames.nameIn(
                namespace,
                call.query("name") != null ? call.query("name") : uri != null ? ArrayRoutes.lastSegment(uri) : target,
                "the " + fileType + " name");
        return new RawTarget(name, uri, size);
    }

    /**
     * A multipart upload ({@code input_file} required, {@code output_uri} and {@code name} as form fields) stored as a
     * new notebook or file array of {@code fileType}, or a new version of the one of that name; the name defaults to
     * the file's name without {@code extension}. Answers 201 with a {@code FileUploaded}. Serves the v1 notebook
     * upload here, and the v1 file upload ({@link FileEndpoints}).
     */
    Upload<MultipartForm> formUpload(String fileType, String extension) {
        return Upload.of(
                state.transactions(),
                call -> state.access().requireAdministrable(call.user(), call.path("namespace")),
                call -> MultipartForm.read(call, files),
                (call, form) -> {
                    String namespace = call.path("namespace");
                    MultipartForm.FilePart input = form.file("input_file");
                    if (input == null) {
                        throw ApiFailure.badRequest("the form field input_file (a file) is required");
                    }
                    String name = AssetNames.nameIn(
                            namespace,
                            form.field("name") != null ? form.field("name") : baseName(input.filename(), extension),
                            "the " + fileType + " name");
                    StoredArray stored = storeVersion(
                            call, namespace, name, form.field("output_uri"), fileType, input.path(), input.size());
                    if (fileType.equals("file")) {
                        describeFile(stored, input.filename(), input.contentType());
                    }
                    call.json(201, new NotebookAnswers.FileUploaded(stored.uri, stored.name, stored.id));
                });
    }

    /**
     * In the write transaction: stores {@code bytes} as the newest version of the {@code fileType} array of that name (made when
     * missing, at {@code uri}, or where the namespace's storage settings put it when null; a 409 when the name holds
     * another kind of array) and logs the write.
     */
    StoredArray storeVersion(
            HttpCall call, String namespace, String name, String uri, String fileType, Path bytes, long size) {
        StoredArray stored = state.catalog().find(namespace, name);
        if (stored != null && !fileType.equals(stored.fileType)) {
            throw ApiFailure.conflict("array " + namespace + "/" + name + " exists and is not a " + fileType);
        }
        if (stored == null) {
            stored = newNotebook(call, namespace, name, uri, fileType);
        }
        addVersion(stored, bytes, size);
        stored.metadata.put("type", fileType);
        state.activity().record(stored, "query_write", call.user().username());
        return stored;
    }

    /**
     * What a file array tells about the file it holds, in its file properties and in its metadata: the keys libtiledb's
     * filestore import writes ({@code original_file_name}, {@code file_extension}, {@code mime_type}, with
     * {@code file_size} from its stored bytes), which TileDB's JavaScript client reads to download it. The name is kept
     * whole, extension included, as the upload gave it: the client saves the download under it. Null values are left
     * out (a name or type the request did not give).
     */
    static void describeFile(StoredArray file, String originalName, String mimeType) {
        if (originalName != null) {
            file.fileProperties.put("original_file_name", originalName);
            file.metadata.put("original_file_name", originalName);
            int dot = originalName.lastIndexOf('.');
            if (dot > 0 && dot < originalName.length() - 1) {
                file.metadata.put("file_extension", originalName.substring(dot + 1));
            }
        }
        if (mimeType != null) {
            file.fileProperties.put("mime_type", mimeType);
            file.metadata.put("mime_type", mimeType);
        }
        file.metadata.putIfAbsent("file_size", file.size == null ? 0L : file.size);
    }

    /** The file's name without its directory and {@code extension}; {@code upload} when it gave none. */
    static String baseName(String filename, String extension) {
        String base = filename == null
                ? ""
                : filename.substring(filename.replace('\\', '/').lastIndexOf('/') + 1);
        if (base.toLowerCase(java.util.Locale.ROOT).endsWith(extension) && base.length() > extension.length()) {
            base = base.substring(0, base.length() - extension.length());
        }
        return base.isBlank() ? "upload" : base;
    }

    /**
     * Registers an empty notebook (or file) array with the Python client's notebook schema, and logs its creation. It
     * goes to {@code uri}, or, when null, where the namespace's storage settings put notebooks (or files), with their
     * credentials unless the request names its own.
     */
    private StoredArray newNotebook(HttpCall call, String namespace, String name, String uri, String fileType) {
        AssetStorage.Placement placement = uri != null
                ? new AssetStorage.Placement(uri, null)
                : AssetStorage.place(
                        state.accounts(), namespace, fileType.equals("file") ? "files" : "notebooks", name);
        String credentials = call.header("X-TILEDB-CLOUD-ACCESS-CREDENTIALS-NAME");
        StoredArray notebook = new StoredArray();
        notebook.namespace = namespace;
        notebook.name = name;
        notebook.uri = placement.uri();
        notebook.fileType = fileType;
        notebook.createdBy = call.user().username();
        notebook.accessCredentialsName = credentials != null ? credentials : placement.credentialsName();
        notebook.schema = ArraySchemas.notebook(mapper, notebook.uri);
        state.catalog().add(notebook);
        state.activity().record(notebook, "create", call.user().username());
        return notebook;
    }

    public byte[] latest(StoredArray notebook) {
        try {
            return Files.readAllBytes(versionFile(notebook, notebook.versions.get(notebook.versions.size() - 1)));
        } catch (IOException e) {
            throw new UncheckedIOException("emulator could not read notebook " + notebook.name, e);
        }
    }

    /**
     * Makes a seeded array a notebook (or, when its file type says {@code file}, a file) whose first version is
     * {@code content}.
     */
    public void seed(StoredArray array, String content) {
        try {
            Files.createDirectories(files);
            Path tmp = Files.createTempFile(files, "seed-", ".part");
            Files.writeString(tmp, content);
            array.fileType = "file".equals(array.fileType) ? "file" : "notebook";
            array.schema = ArraySchemas.notebook(mapper, array.uri);
            addVersion(array, tmp, Files.size(tmp));
            if (array.fileType.equals("file")) {
                array.metadata.put("type", "file");
                describeFile(
                        array,
                        array.fileProperties.getOrDefault("original_file_name", array.name),
                        array.fileProperties.get("mime_type"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("emulator could not seed notebook " + array.name, e);
        }
    }

    private Path receive(HttpCall call, long size) {
        try {
            Files.createDirectories(files);
            Path tmp = Files.createTempFile(files, "upload-", ".part");
            long got = Files.copy(call.bodyStream(), tmp, StandardCopyOption.REPLACE_EXISTING);
            if (got != size) {
                deleteQuietly(tmp);
                throw ApiFailure.badRequest("filesize says " + size + " bytes but the body had " + got);
            }
            return tmp;
        } catch (IOException e) {
            throw ApiFailure.badRequest("the upload broke off: " + e.getMessage());
        }
    }

    /** Moves the bytes into place as the newest version; timestamps strictly increase even within a millisecond. */
    private void addVersion(StoredArray notebook, Path bytes, long size) {
        long at = state.now().toEpochMilli();
        if (!notebook.versions.isEmpty() && at <= notebook.versions.get(notebook.versions.size() - 1)) {
            at = notebook.versions.get(notebook.versions.size() - 1) + 1;
        }
        try {
            Path file = versionFile(notebook, at);
            Files.createDirectories(file.getParent());
            Files.move(bytes, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("emulator could not store a notebook version", e);
        }
        notebook.versions.add(at);
        notebook.hasData = true;
        notebook.size = size;
        notebook.metadata.put("file_size", size);
        if ("notebook".equals(notebook.fileType)) {
            notebook.metadata.put("type", "notebook");
            notebook.metadata.put("format", "json");
        }
    }

    private Path versionFile(StoredArray notebook, long endTimestamp) {
        return files.resolve(notebook.id).resolve(endTimestamp + ".ipynb");
    }

    private void getFile(HttpCall call) {
        ArrayRoutes.requirePayer(state, call);
        StoredArray array = state.access().readable(call.user(), call.path("namespace"), call.path("array"));
        if (array.fileType == null || array.versions.isEmpty()) {
            throw ApiFailure.badRequest("array " + array.namespace + "/" + array.name + " holds no file");
        }
        state.activity().record(array, "query_read", call.user().username());
        Path file = versionFile(array, array.versions.get(array.versions.size() - 1));
        call.file(200, IPYNB, file);
    }

    private void rename(HttpCall call) {
        Map<?, ?> body = call.body(Map.class);
        if (!(body.get("name") instanceof String newName)) {
            throw ApiFailure.badRequest("name must be a non-empty string");
        }
        String name = AssetNames.nameIn(call.path("namespace"), newName, "name");
        StoredArray notebook =
                notebook(state.access().administered(call.user(), call.path("namespace"), call.path("array")));
        if (!name.equals(notebook.name) && state.catalog().find(notebook.namespace, name) != null) {
            throw ApiFailure.conflict("array " + notebook.namespace + "/" + name + " already exists");
        }
        state.catalog().rename(notebook, name);
        state.activity().record(notebook, "array_metadata_update", call.user().username());
        call.noContent();
    }

    /** A new notebook with the source's newest version (or the newest up to {@code end_timestamp}). */
    private void copy(HttpCall call) {
        Map<?, ?> body = call.body(Map.class);
        Long endTimestamp = call.queryLong("end_timestamp");
        StoredArray source = notebook(state.access().readable(call.user(), call.path("namespace"), call.path("array")));
        String namespace = body.get("namespace") instanceof String ns && !ns.isBlank() ? ns : source.namespace;
        state.access().requireAdministrable(call.user(), namespace);
        String name = body.get("name") instanceof String n ? AssetNames.nameIn(namespace, n, "name") : source.name;
        String uri = body.get("output_uri") instanceof String u && !u.isBlank() ? u : null;
        Long version = source.versions.stream()
                .filter(v -> endTimestamp == null || v <= endTimestamp)
                .reduce((a, b) -> b)
                .orElseThrow(
                        () -> ApiFailure.notFound("no version of " + source.name + " at or before " + endTimestamp));
        StoredArray copy = newNotebook(call, namespace, name, uri, "notebook");
        try {
            Path tmp = Files.createTempFile(files, "copy-", ".part");
            Files.copy(versionFile(source, version), tmp, StandardCopyOption.REPLACE_EXISTING);
            addVersion(copy, tmp, Files.size(tmp));
        } catch (IOException e) {
            throw new UncheckedIOException("emulator could not copy a notebook", e);
        }
        call.json(201, new NotebookAnswers.NotebookCopied(copy.uri, copy.name, copy.namespace, copy.id));
    }

    private void versions(HttpCall call) {
        int page = Pagination.positive(call, "page", 1);
        int perPage = Pagination.positive(call, "per_page", ArrayRoutes.DEFAULT_PER_PAGE);
        StoredArray notebook =
                notebook(state.access().readable(call.user(), call.path("namespace"), call.path("array")));
        call.json(200, Pagination.page("end_timestamps", notebook.versions, page, perPage, v -> v));
    }

    private void prune(HttpCall call) {
        Long keep = call.queryLong("keep_versions");
        long keepVersions = keep == null ? 1 : keep;
        if (keepVersions < 1) {
            throw ApiFailure.badRequest("keep_versions must be at least 1");
        }
        StoredArray notebook =
                notebook(state.access().administered(call.user(), call.path("namespace"), call.path("array")));
        while (notebook.versions.size() > keepVersions) {
            deleteQuietly(versionFile(notebook, notebook.versions.remove(0)));
        }
        call.noContent();
    }

    private static StoredArray notebook(StoredArray array) {
        if (!"notebook".equals(array.fileType)) {
            throw ApiFailure.badRequest("array " + array.namespace + "/" + array.name + " is not a notebook");
        }
        return array;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stray temporary file is harmless; the request's outcome does not depend on it
        }
    }
}
