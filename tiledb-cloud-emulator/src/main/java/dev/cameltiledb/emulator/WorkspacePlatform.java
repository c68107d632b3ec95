package dev.cameltiledb.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.common.Router;

/**
 * The {@code /v4} API of the workspace platform: builds its route classes over the shared state and registers them.
 * Only a workspace-mode emulator registers it, so a classic one answers {@code GET /v4/capabilities} with a 404, as
 * classic TileDB Cloud does, and clients can tell the two apart.
 */
final class WorkspacePlatform {

    /** The TileDB version the emulated deployment runs, and the oldest client version it accepts. */
    static final PlatformAnswers.Capabilities CAPABILITIES = new PlatformAnswers.Capabilities(
            new PlatformAnswers.Version(2, 29, 0), new PlatformAnswers.Version(2, 28, 0));

    private final EmulatorState state;
    private final ObjectMapper mapper;
    private final FileStore files;
    private final Runnable persist;

    WorkspacePlatform(EmulatorState state, ObjectMapper mapper, FileStore files, Runnable persist) {
        this.state = state;
        this.mapper = mapper;
        this.files = files;
        this.persist = persist;
    }

    void register(Router<Handler> router) {
        PlatformAccess access = new PlatformAccess(state);
        TeamspaceAssets assets = new TeamspaceAssets(state, access, files::delete);
        AssetRoutes assetRoutes = new AssetRoutes(state, access, assets, mapper, persist);
        router.add("GET", "/v4/capabilities", call -> call.json(200, CAPABILITIES));
        new UserPlatformRoutes(state, access).register(router);
        new PlatformTokenRoutes(state).register(router);
        new WorkspaceRoutes(state, access, persist).register(router);
        new TeamspaceRoutes(state, access, assets, persist).register(router);
        assetRoutes.register(router);
        new FolderRoutes(state, access, assets, assetRoutes, persist).register(router);
        new FileRoutes(state, access, files, persist).register(router);
        new CredentialRoutes(state, access).register(router);
    }
}
