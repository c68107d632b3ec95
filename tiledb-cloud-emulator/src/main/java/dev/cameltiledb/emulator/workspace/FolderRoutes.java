package dev.cameltiledb.emulator.workspace;

import java.util.List;
import java.util.Map;

import dev.cameltiledb.emulator.common.Router;
import dev.cameltiledb.emulator.http.ApiFailure;
import dev.cameltiledb.emulator.http.Handler;
import dev.cameltiledb.emulator.http.HttpCall;
import dev.cameltiledb.emulator.state.EmulatorState;
import dev.cameltiledb.emulator.state.StoredAsset;
import dev.cameltiledb.emulator.state.StoredFolder;

/**
 * Folders of a teamspace ({@code /v4/folders/{workspace}/{teamspace}/{folder}[/contents]}, {@code {folder}} a path
 * or an id). Creating one needs its parent folder (404 otherwise) and a free path (409). Deleting one deregisters
 * what it holds, as deleting a teamspace does: the service's {@code delete-assets} chooses only whether storage is
 * emptied too, and the emulator has no storage beyond itself.
 */
final class FolderRoutes {

    private final EmulatorState state;
    private final PlatformAccess access;
    private final TeamspaceAssets assets;
    private final AssetRoutes assetRoutes;

    FolderRoutes(EmulatorState state, PlatformAccess access, TeamspaceAssets assets, AssetRoutes assetRoutes) {
        this.state = state;
        this.access = access;
        this.assets = assets;
        this.assetRoutes = assetRoutes;
    }

    void register(Router<Handler> router) {
        String folder = "/v4/folders/{workspace}/{teamspace}/{folder}";
        router.add("POST", folder, this::create)
                .add("GET", folder, this::get)
                .add("PATCH", folder, this::update)
                .add("DELETE", folder, this::delete)
                // the contents of a folder are the assets listing of its path: one piece of code serves both
                .add("GET", folder + "/contents", call -> assetRoutes.list(call, call.path("folder")))
                .add("PUT", folder + "/contents", this::modifyContents);
    }

    /**
     * Body {@code FolderCreateRequest}: {@code {"description"}}, or a list holding it (the Java client's model is
     * named as a list item); an empty body makes a folder without a description.
     */
    private void create(HttpCall call) {
        Map<?, ?> body = firstObject(call, false);
        String path = TeamspaceAssets.normalize(call.path("folder"));
        if (path.isEmpty()) {
            throw ApiFailure.badRequest("the teamspace root exists already; name a folder path");
        }
        PlatformAccess.Space space = access.editableSpace(call);
        String parent = TeamspaceAssets.parentOf(path);
        assets.folderPath(space.namespace(), parent.isEmpty() ? "." : parent); // 404 without the parent
        StoredFolder folder = new StoredFolder();
        folder.namespace = space.namespace();
        folder.name = path;
        folder.description = body == null ? null : Json.optionalText(body, "description");
        folder.createdBy = call.user().username();
        state.catalog().addItem(folder);
        call.json(201, new PlatformAnswers.Data(assets.renderer(space).folder(folder)));
    }

    private void get(HttpCall call) {
        PlatformAccess.Space space = access.space(call);
        call.json(
                200,
                new PlatformAnswers.Data(
                        assets.renderer(space).folder(assets.folder(space.namespace(), call.path("folder")))));
    }

    /** Body {@code FolderUpdateRequest}: a new name renames the folder (what it holds moves along); description. */
    private void update(HttpCall call) {
        Map<?, ?> body = call.body(Map.class);
        PlatformAccess.Space space = access.editableSpace(call);
        StoredFolder folder = assets.folder(space.namespace(), call.path("folder"));
        if (body.containsKey("description")) {
            folder.description = Json.optionalText(body, "description");
        }
        if (body.get("name") != null) {
            assets.move(folder, TeamspaceAssets.join(TeamspaceAssets.parentOf(folder.name), Json.name(body, "name")));
        }
        state.catalog().changed(folder);
        call.noContent();
    }

    private void delete(HttpCall call) {
        call.queryBoolean("delete-assets"); // checked for its form; see the class comment
        PlatformAccess.Space space = access.editableSpace(call);
        assets.remove(assets.folder(space.namespace(), call.path("folder")));
        call.noContent();
    }

    /**
     * Body {@code FoldersContentsModify} (an object, or a list of them): {@code members_to_add} (ids or paths) move
     * into the folder; {@code members_to_remove}, which must be in it, move to the teamspace root.
     */
    private void modifyContents(HttpCall call) {
        Map<?, ?> body = firstObject(call, true);
        List<String> toAdd = AssetRoutes.idList(body, "members_to_add");
        List<String> toRemove = AssetRoutes.idList(body, "members_to_remove");
        PlatformAccess.Space space = access.editableSpace(call);
        String folder = assets.folderPath(space.namespace(), call.path("folder"));
        for (String id : toRemove) {
            StoredAsset asset = assets.find(space.namespace(), id);
            if (!TeamspaceAssets.parentOf(asset.name).equals(folder)) {
                throw ApiFailure.badRequest(asset.name + " is not in folder " + folder);
            }
        }
        assetRoutes.moveInto(space, toRemove, "");
        assetRoutes.moveInto(space, toAdd, folder);
        call.noContent();
    }

    /** The body as one object, also when sent as a one-element list; null for no body when none is required. */
    private static Map<?, ?> firstObject(HttpCall call, boolean required) {
        if (!required && call.hasNoBody()) {
            return null;
        }
        Object body = call.body(Object.class);
        if (body instanceof List<?> list && list.size() == 1) {
            body = list.get(0);
        }
        if (!(body instanceof Map<?, ?> map)) {
            throw ApiFailure.badRequest("the body must be an object (or a list of one object)");
        }
        return map;
    }
}
