/**
 * The workspace platform's {@code /v4} API (capabilities, users, workspaces, teamspaces, assets, folders, files,
 * credentials, tokens), served only when the emulator is built with {@code workspaceServer()}. {@link
 * WorkspacePlatform} registers every route of the package; {@link PlatformAccess} decides who may do what and
 * {@link PlatformAnswers} renders the answers. The module's {@code WORKSPACE.md} describes the mode.
 *
 * <p>Named for the platform rather than for {@code v4}: the same server also answers the classic v1/v2 routes
 * (package {@code classic}) under {@code workspace/teamspace} namespaces.
 */
package dev.cameltiledb.emulator.workspace;
