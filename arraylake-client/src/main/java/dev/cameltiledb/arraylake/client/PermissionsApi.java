package dev.cameltiledb.arraylake.client;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import dev.cameltiledb.arraylake.client.model.Names;
import dev.cameltiledb.arraylake.client.model.OrgAction;
import dev.cameltiledb.arraylake.client.model.RepoAction;
import dev.cameltiledb.arraylake.client.model.RepoName;

/** Whether a principal may do something on an org or a repo. */
public final class PermissionsApi {

    /** Every action name the service knows, org and repo actions together (the service takes either for either). */
    static final Set<String> ACTIONS = new TreeSet<>(Stream.concat(
                    Arrays.stream(OrgAction.values()).map(Enum::name),
                    Arrays.stream(RepoAction.values()).map(Enum::name))
            .toList());

    private final Transport transport;

    PermissionsApi(Transport transport) {
        this.transport = transport;
    }

    /**
     * @param principalId a user id or an API client id (see {@link ArraylakeClient#user()})
     * @param resource    an org name or {@code org/repo}
     * @param action      an {@link OrgAction} or {@link RepoAction} name, checked before sending
     */
    public boolean check(String org, String principalId, String resource, String action) {
        Names.org(org);
        if (action == null || !ACTIONS.contains(action)) {
            throw new ArraylakeNameException("permission action", action, "one of " + ACTIONS);
        }
        if (principalId == null || principalId.isBlank()) {
            throw new ArraylakeNameException("principal id", principalId, "must not be empty");
        }
        if (resource == null || resource.indexOf('/') < 0) {
            Names.org(resource);
        } else {
            RepoName.parse(resource);
        }
        Call call = Call.get("orgs", org, "permissions", "check")
                .query("principal_id", principalId)
                .query("resource", resource)
                .query("action", action);
        return transport.tree(call).path("has_permission").asBoolean(false);
    }
}
