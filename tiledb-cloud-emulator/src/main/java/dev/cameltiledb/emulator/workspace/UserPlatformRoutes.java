package dev.cameltiledb.emulator.workspace;

import dev.cameltiledb.emulator.User;
import dev.cameltiledb.emulator.common.Router;
import dev.cameltiledb.emulator.http.Handler;
import dev.cameltiledb.emulator.http.HttpCall;
import dev.cameltiledb.emulator.state.EmulatorState;
import dev.cameltiledb.emulator.state.Workspaces;

/** The caller and other users on the workspace platform: {@code GET /v4/users/self}, {@code GET /v4/users/{user_id}}. */
final class UserPlatformRoutes {

    private final EmulatorState state;
    private final PlatformAccess access;

    UserPlatformRoutes(EmulatorState state, PlatformAccess access) {
        this.state = state;
        this.access = access;
    }

    void register(Router<Handler> router) {
        // the literal path first: it overlaps /v4/users/{user_id}
        router.add("GET", "/v4/users/self", this::self).add("GET", "/v4/users/{user_id}", this::user);
    }

    private void self(HttpCall call) {
        User user = call.user();
        call.json(
                200,
                new PlatformAnswers.Data(new PlatformAnswers.Self(
                        info(user),
                        state.workspaces().workspacesOf(user.username()).stream()
                                .map(w -> access.workspaceInfo(w, user.username()))
                                .toList())));
    }

    /** By id or username; any authenticated user may look another up, as the service's user directory allows. */
    private void user(HttpCall call) {
        call.json(200, new PlatformAnswers.Data(info(access.user(call.path("user_id")))));
    }

    private PlatformAnswers.UserInfo info(User user) {
        return new PlatformAnswers.UserInfo(
                Workspaces.userId(user.username()),
                PlatformAccess.displayName(user, user.username()),
                null,
                user.email(),
                true,
                user.role(),
                user.username(),
                "UTC",
                state.accounts().userSince(user.username()),
                state.accounts().userSince(user.username()));
    }
}
