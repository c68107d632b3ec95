package dev.cameltiledb.emulator.workspace;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.cameltiledb.emulator.User;
import dev.cameltiledb.emulator.classic.ArrayRoutes;
import dev.cameltiledb.emulator.common.Router;
import dev.cameltiledb.emulator.http.ApiFailure;
import dev.cameltiledb.emulator.http.Handler;
import dev.cameltiledb.emulator.http.HttpCall;
import dev.cameltiledb.emulator.http.Pagination;
import dev.cameltiledb.emulator.state.EmulatorState;
import dev.cameltiledb.emulator.state.Membership;
import dev.cameltiledb.emulator.state.StoredCredential;
import dev.cameltiledb.emulator.state.StoredTeamspace;
import dev.cameltiledb.emulator.state.StoredWorkspace;

/**
 * Storage credentials of a workspace, as seeded: {@code GET /v4/credentials/{workspace}[/{name}]}. Workspace
 * credentials are seen by its members, a teamspace's by that teamspace's members (and the workspace's owners and
 * admins). The secret is sent only to those who administer the credential (the workspace's owners and admins, and
 * for a teamspace credential the teamspace's owners), as the service does; others get the key id without it (an
 * empty {@code secret_access_key} for AWS, whose model requires the field).
 */
final class CredentialRoutes {

    private final EmulatorState state;
    private final PlatformAccess access;

    CredentialRoutes(EmulatorState state, PlatformAccess access) {
        this.state = state;
        this.access = access;
    }

    void register(Router<Handler> router) {
        router.add("GET", "/v4/credentials/{workspace}", this::list)
                .add("GET", "/v4/credentials/{workspace}/{name}", this::get);
    }

    /** Filtered by {@code teamspace_id} (id or name), {@code provider} and {@code type} (workspace or teamspace). */
    private void list(HttpCall call) {
        int page = Pagination.positive(call, "page", 1);
        int perPage = Pagination.positive(call, "per_page", ArrayRoutes.DEFAULT_PER_PAGE);
        String provider = call.query("provider");
        String type = call.query("type");
        if (type != null && !type.equals("workspace") && !type.equals("teamspace")) {
            throw ApiFailure.badRequest("type must be workspace or teamspace, was '" + type + "'");
        }
        StoredWorkspace workspace = access.workspace(call);
        Predicate<StoredCredential> filter = teamspaceFilter(call, workspace)
                .and(c -> provider == null || provider.equalsIgnoreCase(c.provider()))
                .and(c -> type == null || type.equals(typeOf(c)));
        List<StoredCredential> visible = workspace.credentials.stream()
                .filter(c -> visible(call.user(), workspace, c))
                .filter(filter)
                .sorted(java.util.Comparator.comparing(StoredCredential::name))
                .toList();
        call.json(200, PlatformAnswers.Page.of(visible, page, perPage, c -> answer(call.user(), workspace, c)));
    }

    private void get(HttpCall call) {
        String name = call.path("name");
        StoredWorkspace workspace = access.workspace(call);
        Predicate<StoredCredential> inTeamspace = teamspaceFilter(call, workspace);
        call.json(
                200,
                workspace.credentials.stream()
                        .filter(c -> c.name().equals(name) || c.id().equals(name))
                        .filter(inTeamspace)
                        .filter(c -> visible(call.user(), workspace, c))
                        .findFirst()
                        .map(c -> new PlatformAnswers.Data(answer(call.user(), workspace, c)))
                        .orElseThrow(() -> ApiFailure.notFound(
                                "credential " + name + " does not exist in workspace " + workspace.name)));
    }

    /** {@code teamspace_id}, when given: only that teamspace's credentials. */
    private static Predicate<StoredCredential> teamspaceFilter(HttpCall call, StoredWorkspace workspace) {
        String wanted = call.query("teamspace_id");
        if (wanted == null) {
            return c -> true;
        }
        StoredTeamspace teamspace = workspace.teamspace(wanted);
        return c -> teamspace != null && teamspace.name.equals(c.teamspace());
    }

    private static String typeOf(StoredCredential c) {
        return c.teamspace() == null ? "workspace" : "teamspace";
    }

    private static boolean visible(User user, StoredWorkspace workspace, StoredCredential c) {
        if (c.teamspace() == null || workspace.administers(user.username())) {
            return true;
        }
        StoredTeamspace teamspace = workspace.teamspace(c.teamspace());
        return teamspace != null && teamspace.members.containsKey(user.username());
    }

    private static boolean administers(User user, StoredWorkspace workspace, StoredCredential c) {
        if (workspace.administers(user.username())) {
            return true;
        }
        StoredTeamspace teamspace = c.teamspace() == null ? null : workspace.teamspace(c.teamspace());
        Membership m = teamspace == null ? null : teamspace.members.get(user.username());
        return m != null && m.role().equals("owner");
    }

    private static PlatformAnswers.Credential answer(User user, StoredWorkspace workspace, StoredCredential c) {
        boolean withSecret = administers(user, workspace, c);
        boolean aws = c.provider().equals("AWS");
        String shownSecret = withSecret ? c.secretAccessKey() : null;
        // GCP's interoperability credential has the AWS fields but the endpoint; an AWS credential must carry its
        // secret field (TileDB-Client-Java's AWSCredential requires it), so who may not see the secret gets it empty
        Object secret = c.provider().equals("AZURE")
                ? azure(c, withSecret)
                : new PlatformAnswers.AwsSecret(
                        c.accessKeyId(), aws && shownSecret == null ? "" : shownSecret, aws ? c.endpoint() : null);
        return new PlatformAnswers.Credential(
                typeOf(c),
                c.id(),
                c.name(),
                c.provider(),
                c.providerDefault(),
                c.createdAt(),
                c.createdAt(),
                c.allowedInTasks(),
                Map.of(c.provider().equals("AZURE") ? "azure" : c.provider().equals("GCP") ? "gcp" : "aws", secret));
    }

    /** {@code AzureCredential}: the account name is the key id, the account key the secret. */
    private static Map<String, Object> azure(StoredCredential c, boolean withSecret) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("account_name", c.accessKeyId());
        if (withSecret && c.secretAccessKey() != null) {
            m.put("account_key", c.secretAccessKey());
        }
        return m;
    }
}
