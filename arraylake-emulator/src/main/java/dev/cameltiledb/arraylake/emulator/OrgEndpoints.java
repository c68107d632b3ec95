package dev.cameltiledb.arraylake.emulator;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.cameltiledb.emulator.common.Answer;
import dev.cameltiledb.emulator.common.Router;

/** What an org answers about principals: which API client a token belongs to, and permission checks. */
final class OrgEndpoints {

    private final ArraylakeState state;

    OrgEndpoints(ArraylakeState state) {
        this.state = state;
    }

    void register(Router<Endpoint> routes) {
        routes.add("GET", "/orgs/{org}/api-clients/authenticate", this::authenticate);
        routes.add("GET", "/orgs/{org}/permissions/check", this::check);
    }

    /** Only this org's API client tokens are known here; a user token or another org's token is a 422. */
    private Answer authenticate(Request request) {
        String orgName = request.pathName("org", NameRules::org);
        String token = request.requiredQuery("token");
        Org org = state.requireOrg(orgName);
        Access.member(org, request.principal());
        ServiceAccount account = org.serviceAccounts().stream()
                .filter(a -> a.token().equals(token))
                .findFirst()
                .orElseThrow(() -> ApiError.unprocessable("token is not an API client token of org " + orgName));
        return Answer.ok(new Wire.ApiClient(
                account.id(),
                account.email(),
                Timestamps.format(account.created()),
                Timestamps.format(account.expiration()),
                Timestamps.format(account.lastUsed())));
    }

    /**
     * Whether a principal (by id) may take an action on {@code org} (an OrgActions value) or {@code org/repo} (a
     * RepoActions value). An unknown principal has no permission; an unknown repo is a 404.
     */
    private Answer check(Request request) {
        String orgName = request.pathName("org", NameRules::org);
        String principalId = request.requiredQuery("principal_id");
        String resource = request.requiredQuery("resource");
        String action = request.requiredQuery("action");
        String[] parts = resource.split("/", -1);
        if (parts.length > 2
                || !parts[0].equals(orgName)
                || (parts.length == 2 && NameRules.repo(parts[1]).isPresent())) {
            throw ApiError.invalid(Problem.query(
                    "resource",
                    "Value error, resource must be " + orgName + " or " + orgName + "/<repo>",
                    "value_error"));
        }
        boolean onRepo = parts.length == 2;
        List<String> actions = onRepo ? names(RepoAction.values()) : names(OrgAction.values());
        if (!actions.contains(action)) {
            throw ApiError.invalid(Problem.query(
                    "action",
                    "Value error, action on " + (onRepo ? "a repo" : "an org") + " must be one of " + actions,
                    "value_error"));
        }
        Org org = state.requireOrg(orgName);
        Access.member(org, request.principal());
        if (onRepo) {
            state.requireRepo(org, parts[1]);
        }
        Optional<Role> role = org.roleOfPrincipalId(principalId, state.users());
        boolean allowed = role.map(
                        r -> onRepo ? r.allows(RepoAction.valueOf(action)) : r.allows(OrgAction.valueOf(action)))
                .orElse(false);
        return Answer.ok(new Wire.PermissionCheck(allowed));
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
