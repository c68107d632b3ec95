package dev.cameltiledb.emulator.workspace;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.common.Router;
import dev.cameltiledb.emulator.http.Handler;
import dev.cameltiledb.emulator.state.EmulatorState;

/**
 * The {@code /v4} API of the workspace platform: builds its route classes over the shared state and registers them.
 * Only a workspace-mode emulator registers it, so a classic one answers {@code GET /v4/capabilities} with a 404, as
 * classic TileDB Cloud does, and clients can tell the two apart.
 */
public final class WorkspacePlatform {

    /** The TileDB version the emulated deployment runs, and the oldest client version it accepts. */
    static final PlatformAnswers.Capabilities CAPABILITIES = new PlatformAnswers.Capabilities(
            new PlatformAnswers.Version(2, 29, 0), new PlatformAnswers.Version(2, 28, 0));

    private final EmulatorState state;
    private final ObjectMapper mapper;
    private final FileStore files;

    public WorkspacePlatform(EmulatorState state, ObjectMapper mapper, FileStore files) {
        this.state = state;
        this.mapper = mapper;
        this.files = files;
    }

    public void register(Router<Handler> router) {
        PlatformAccess access = new PlatformAccess(state);
        TeamspaceAssets assets = new TeamspaceAssets(state, access, files::delete);
        AssetRoutes assetRoutes = new AssetRoutes(state, access, assets, mapper);
        router.add("GET", "/v4/capabilities", call -> call.json(200, CAPABILITIES));
        new UserPlatformRoutes(state, access).register(router);
        new PlatformTokenRoutes(state).register(router);
        new WorkspaceRoutes(state, access).register(router);
        new TeamspaceRoutes(state, access, assets).register(router);
        assetRoutes.register(router);
        new FolderRoutes(state, access, assets, assetRoutes).register(router);
        new FileRoutes(state, access, files).register(router);
        new CredentialRoutes(state, access).register(router);
    }
}
