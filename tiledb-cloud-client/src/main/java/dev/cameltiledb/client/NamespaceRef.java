package dev.cameltiledb.client;

import java.util.List;

/**
 * A namespace in either form: a classic one ({@code acme}, a user or organization) or a teamspace of the workspace
 * platform, written {@code workspace/teamspace} ({@code acme/research}). Assets are created and listed in it; in REST
 * paths it is one segment or two.
 *
 * @param namespace the classic namespace, or the workspace
 * @param teamspace the teamspace; null for a classic namespace
 */
public record NamespaceRef(String namespace, String teamspace) implements Address {

    public NamespaceRef {
        AssetRef.requireText(namespace, teamspace == null ? "namespace" : "workspace");
        if (teamspace != null) {
            AssetRef.requireText(teamspace, "teamspace");
        }
    }

    /**
     * {@code acme} or {@code acme/research}; anything else (an empty part, a third part) is an error naming the
     * forms.
     */
    public static NamespaceRef parse(String text) {
        AssetRef.requireText(text, "namespace");
        int slash = text.indexOf('/');
        if (slash < 0) {
            return new NamespaceRef(text, null);
        }
        String workspace = text.substring(0, slash);
        String teamspace = text.substring(slash + 1);
        if (workspace.isBlank() || teamspace.isBlank() || teamspace.contains("/")) {
            throw new TileDBConfigurationException("Not a namespace: '" + text
                    + "'; expected <namespace> (classic) or <workspace>/<teamspace> (workspace platform)");
        }
        return new NamespaceRef(workspace, teamspace);
    }

    @Override
    public boolean isWorkspace() {
        return teamspace != null;
    }

    @Override
    public List<String> segments() {
        return isWorkspace() ? List.of(namespace, teamspace) : List.of(namespace);
    }

    @Override
    public String describe() {
        return (isWorkspace() ? "teamspace " : "namespace ") + this;
    }

    /** The asset {@code name} in this namespace (a path inside a teamspace). */
    public AssetRef asset(String name) {
        return new AssetRef(namespace, teamspace, name);
    }

    @Override
    public String toString() {
        return String.join("/", segments());
    }
}
