package dev.cameltiledb.client.model.workspace;

import java.util.List;

/** The session user and its workspaces ({@code GET /v4/users/self}; Python {@code get_self_user}). */
public record SelfUser(DeploymentUser user, List<UserWorkspace> workspaces) {}
