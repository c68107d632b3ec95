package dev.cameltiledb.component.producer;

import java.util.Locale;
import java.util.Set;

import dev.cameltiledb.client.ArrayListQuery;
import dev.cameltiledb.client.AssetRef;
import dev.cameltiledb.client.FilePaths;
import dev.cameltiledb.client.NotebooksApi;
import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.client.TileDBNotFoundException;
import dev.cameltiledb.client.model.ArrayInfo;
import dev.cameltiledb.client.model.AssetLocations;
import dev.cameltiledb.client.model.NotebookCopied;
import dev.cameltiledb.client.model.NotebookCopy;
import dev.cameltiledb.client.model.NotebookUploaded;
import dev.cameltiledb.client.model.User;
import dev.cameltiledb.component.OnExists;
import dev.cameltiledb.component.OptionHeaders;
import dev.cameltiledb.component.TileDBConstants;
import dev.cameltiledb.component.TileDBOperation;
import org.apache.camel.Message;

/**
 * The {@code tiledb:notebooks} operations. Upload, download, rename, copy, prune and the notebook server are notebook
 * calls; everything else (lists, info, versions, sharing, delete) is the arrays operation, with lists narrowed to
 * notebooks.
 */
final class NotebooksHandler implements ResourceHandler {

    /**
     * Locks for notebooks being created with onExists=fail, held from the existence check to the upload's answer; a
     * notebook's lock is chosen by its URI's hash (two names may share one, which only makes them take turns).
     */
    private static final Object[] NEW_UPLOAD_LOCKS =
            java.util.stream.IntStream.range(0, 64).mapToObj(i -> new Object()).toArray();

    private static final String NOTEBOOK = ArrayListQuery.NOTEBOOK;
    private static final String EXTENSION = ".ipynb";
    /** Namespaces the Python client refuses to create notebooks in. */
    private static final Set<String> RESERVED_NAMESPACES = Set.of("cloud", "owned", "public", "shared");

    private final ArraysHandler arrays = new ArraysHandler(NOTEBOOK);

    @Override
    public void handle(TileDBOperation operation, MessageOptions options, Message message, TileDBClient client) {
        NotebooksApi notebooks = client.notebooks();
        switch (operation) {
            case upload -> upload(options, message, client);
            case download -> download(operation, options, message, client);
            case rename -> {
                AssetRef notebook = target(operation, options, message);
                String newName =
                        checkedName(MessageOptions.require(options.notebooks().getNewName(), "newName", operation));
                notebooks.rename(notebook, newName);
                message.setHeader(
                        TileDBConstants.ASSET_URI, notebook.withName(newName).toUri());
            }
            case copy -> {
                AssetRef notebook = target(operation, options, message);
                NotebookCopied copied = notebooks.copy(
                        notebook,
                        new NotebookCopy(
                                options.arrays().getStorageUri(),
                                options.notebooks().getNewName(),
                                options.arrays().getTargetNamespace()),
                        options.arrays().getEndTimestamp(),
                        options.arrays().getCredentialsName());
                message.setBody(copied);
                created(message, new AssetRef(copied.namespace(), copied.name()), copied.id());
            }
            case serverStatus -> message.setBody(notebooks.serverStatus(options.requiredNamespace(operation)));
            case shutdownServer -> notebooks.shutdownServer(options.requiredNamespace(operation));
            case prune ->
                notebooks.prune(
                        target(operation, options, message), options.notebooks().getKeepVersions());
            default -> arrays.handle(operation, options, message, client);
        }
    }

    /** What an upload, copy or create made, in reply headers too, so a route can log or route on it. */
    static void created(Message message, AssetRef asset, String id) {
        message.setHeader(TileDBConstants.ASSET_URI, asset.toUri());
        message.setHeader(TileDBConstants.ASSET_NAME, asset.name());
        message.setHeader(TileDBConstants.ASSET_ID, id);
    }

    private static AssetRef target(TileDBOperation operation, MessageOptions options, Message message) {
        AssetRef ref = options.arrayRef(operation);
        message.setHeader(TileDBConstants.ASSET_URI, ref.toUri());
        return ref;
    }

    /**
     * Checks everything that can be checked before a byte is sent (name, body, JSON, existence), then streams the
     * body to the REST upload.
     */
    private static void upload(MessageOptions options, Message message, TileDBClient client) {
        try (UploadSource source = UploadSource.of(message.getExchange())) {
            AssetRef target = uploadTarget(options, source);
            if (RESERVED_NAMESPACES.contains(target.namespace())) {
                throw new TileDBConfigurationException(
                        "Notebooks cannot be created in the reserved namespace '" + target.namespace() + "'");
            }
            if (options.notebooks().isValidateJson()) {
                source.validateJson();
            }
            if (options.notebooks().getOnExists() != OnExists.overwrite) {
                uploadNew(target, options, message, client, source);
                return;
            }
            uploadTo(target, options, message, client, source);
        }
    }

    /**
     * onExists=fail: the service has no create-if-absent upload, so the check and the upload are one step only among
     * the uploads of this JVM (they wait for each other per notebook); an upload from another process between the
     * check and the upload can still win the race, and then this one writes a new version. The docs say so.
     */
    private static void uploadNew(
            AssetRef target, MessageOptions options, Message message, TileDBClient client, UploadSource source) {
        synchronized (NEW_UPLOAD_LOCKS[Math.floorMod(target.toUri().hashCode(), NEW_UPLOAD_LOCKS.length)]) {
            if (exists(client, target)) {
                throw new TileDBConfigurationException("The notebook " + target.toUri() + " already exists; set"
                        + " onExists=overwrite (header " + OptionHeaders.headerOf("onExists")
                        + ") to write a new version");
            }
            uploadTo(target, options, message, client, source);
        }
    }

    private static void uploadTo(
            AssetRef target, MessageOptions options, Message message, TileDBClient client, UploadSource source) {
        String storagePath = options.notebooks().getStoragePath();
        String credentials = options.arrays().getCredentialsName();
        if (storagePath == null || credentials == null) {
            User user = client.users().profile();
            storagePath = storagePath != null ? storagePath : defaultStoragePath(user);
            credentials = credentials != null ? credentials : defaultCredentials(user);
        }
        String storageUri = stripSlash(storagePath) + "/" + target.name();
        NotebookUploaded uploaded = client.notebooks()
                .upload(target.home().toString(), storageUri, target.name(), source.body(), credentials);
        message.setBody(uploaded);
        created(message, target.withName(uploaded.name()), uploaded.id());
    }

    /** tiledbUri or namespace + array, else the body's file name; a TileDB name has no .ipynb extension. */
    private static AssetRef uploadTarget(MessageOptions options, UploadSource source) {
        String array = options.array();
        if (options.hasTiledbUri() || array != null && array.startsWith(AssetRef.SCHEME)) {
            AssetRef ref = options.arrayRef(TileDBOperation.upload);
            return ref.withName(checkedName(withoutExtension(ref.name())));
        }
        String name = array != null ? array : source.fileName() != null ? source.fileName() : options.camelFileName();
        if (name == null) {
            throw new TileDBConfigurationException(
                    "The upload operation needs the notebook's name: set the array option (header "
                            + OptionHeaders.headerOf("array") + ") or upload a file, whose name is used");
        }
        return new AssetRef(options.requiredNamespace(TileDBOperation.upload), checkedName(withoutExtension(name)));
    }

    static String withoutExtension(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(EXTENSION)
                ? name.substring(0, name.length() - EXTENSION.length())
                : name;
    }

    private static String checkedName(String name) {
        if (name.isBlank() || name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
            throw new TileDBConfigurationException("The notebook name '" + name
                    + "' is not a valid name: it must not be empty," + " '.' or '..', or contain '/' or '\\'");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new TileDBConfigurationException(
                    "The notebook name '" + FilePaths.escaped(name) + "' holds control characters (line"
                            + " breaks, tabs...); set the array option (header " + OptionHeaders.headerOf("array")
                            + ") to a name without them");
        }
        return name;
    }

    private static boolean exists(TileDBClient client, AssetRef target) {
        try {
            client.arrays().info(target);
            return true;
        } catch (TileDBNotFoundException e) {
            return false;
        }
    }

    /** As the Python client: the user's notebook location, else its default storage path. */
    private static String defaultStoragePath(User user) {
        AssetLocations locations = user.assetLocations();
        if (locations != null
                && locations.notebooks() != null
                && hasText(locations.notebooks().path())) {
            return locations.notebooks().path();
        }
        if (hasText(user.defaultS3Path())) {
            return user.defaultS3Path();
        }
        throw new TileDBConfigurationException(
                "User '" + user.username() + "' has no default storage path; set the storagePath" + " option (header "
                        + OptionHeaders.headerOf("storagePath") + ")");
    }

    private static String defaultCredentials(User user) {
        AssetLocations locations = user.assetLocations();
        if (locations != null
                && locations.notebooks() != null
                && hasText(locations.notebooks().credentialsName())) {
            return locations.notebooks().credentialsName();
        }
        return user.defaultS3PathCredentialsName();
    }

    private static void download(
            TileDBOperation operation, MessageOptions options, Message message, TileDBClient client) {
        AssetRef notebook = target(operation, options, message);
        String payer = options.arrays().getPayer();
        DownloadReply.write(
                notebook.toUri(),
                options,
                message,
                () -> client.notebooks().download(requireNotebook(client, notebook), payer),
                () -> client.notebooks().downloadBytes(requireNotebook(client, notebook), payer));
    }

    /** {@code notebook}, once the service said it is one; an array is refused before its contents are asked for. */
    private static AssetRef requireNotebook(TileDBClient client, AssetRef notebook) {
        ArrayInfo info = client.arrays().info(notebook);
        if (!NOTEBOOK.equals(info.fileType())) {
            throw new TileDBConfigurationException(notebook.toUri() + " is not a notebook (its file_type is "
                    + info.fileType() + "); use tiledb:arrays for arrays");
        }
        return notebook;
    }

    private static String stripSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
