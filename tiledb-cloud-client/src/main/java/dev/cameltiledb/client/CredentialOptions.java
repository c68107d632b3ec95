package dev.cameltiledb.client;

/**
 * What the user configured explicitly; null means "not set" so that the environment and the files can supply it.
 *
 * @param host        the REST host
 * @param apiKey    an API key
 * @param username    a user name (with password)
 * @param password    the user's password
 * @param noSession   send basic auth on every request instead of exchanging it for a session token
 * @param verifySsl   verify TLS certificates
 * @param caFile      a PEM file of CA certificates to trust
 * @param profileName a profile of {@code profiles.json}; when set, it must exist
 * @param profileDir  the folder of {@code profiles.json} (default {@code ~/.tiledb}, or {@code TILEDB_PROFILE_DIR})
 * @param workspace   the workspace (name or id) of a workspace-platform session, as {@code rest.workspace}
 * @param accessToken an OAuth2 access token, sent as {@code Authorization: Bearer}; only ever an explicit option
 */
public record CredentialOptions(
        String host,
        String apiKey,
        String username,
        String password,
        boolean noSession,
        Boolean verifySsl,
        String caFile,
        String profileName,
        String profileDir,
        String workspace,
        String accessToken) {

    /** Without a workspace: a classic session, or one whose workspace comes from the environment or a profile. */
    public CredentialOptions(
            String host,
            String apiKey,
            String username,
            String password,
            boolean noSession,
            Boolean verifySsl,
            String caFile,
            String profileName,
            String profileDir) {
        this(host, apiKey, username, password, noSession, verifySsl, caFile, profileName, profileDir, null, null);
    }

    @Override
    public String toString() {
        return "CredentialOptions[host=" + host + ", apiKey=" + (apiKey == null ? "unset" : "xxxxxx")
                + ", accessToken=" + (accessToken == null ? "unset" : "xxxxxx")
                + ", username=" + username + ", password=" + (password == null ? "unset" : "xxxxxx")
                + ", profileName=" + profileName + ", profileDir=" + profileDir + ", workspace=" + workspace + "]";
    }
}
