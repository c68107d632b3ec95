package dev.cameltiledb.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each credential source and the order they are consulted in, with files in a temporary home folder. */
class CredentialsResolverTest {

    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();

    private static CredentialOptions none() {
        return new CredentialOptions(null, null, null, null, false, null, null, null, null);
    }

    private ResolvedConnection resolve(CredentialOptions options) {
        return new CredentialsResolver(env, home).resolve(options);
    }

    private void cloudJson(String json) throws Exception {
        Files.createDirectories(home.resolve(".tiledb"));
        Files.writeString(home.resolve(".tiledb/cloud.json"), json);
    }

    private void profiles(Path dir, String json) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("profiles.json"), json);
    }

    private static String token(ResolvedConnection c) {
        return assertInstanceOf(Credentials.ApiKey.class, c.credentials()).token();
    }

    @Test
    void optionsWinOverEverything() throws Exception {
        env.put("TILEDB_REST_TOKEN", "env-token");
        cloudJson("{\"api_key\": {\"X-TILEDB-REST-API-KEY\": \"file-token\"}, \"host\": \"file.example.com\"}");
        ResolvedConnection c = resolve(new CredentialOptions(
                "https://opt.example.com", "opt-token", null, null, false, null, null, null, null));
        assertEquals("opt-token", token(c));
        assertEquals("https://opt.example.com", c.host());
        assertEquals("the API token from options", c.credentials().describe());
    }

    /**
     * {@code TILEDB_PROFILE_NAME}, what {@code tiledb.client.login(profile_name=...)} sets and libtiledb reads, picks
     * the profile in place of the default one: ahead of cloud.json, behind the environment's own credentials and an
     * explicit profileName; a profile it names that does not exist is an error naming the variable.
     */
    @Test
    void theProfileNamedByTiledbProfileNameTakesTheDefaultsPlace() throws Exception {
        Path dir = home.resolve(".tiledb");
        profiles(
                dir,
                "{\"version\": 1, \"default\": {\"rest.token\": \"default-token\"},"
                        + " \"prod\": {\"rest.token\": \"prod-token\", \"rest.workspace\": \"genomics\"},"
                        + " \"other\": {\"rest.token\": \"other-token\"}}");
        cloudJson("{\"api_key\": {\"X-TILEDB-REST-API-KEY\": \"cloud-json-token\"}}");
        env.put("TILEDB_PROFILE_NAME", "prod");
        ResolvedConnection prod = resolve(none());
        assertEquals("prod-token", token(prod));
        assertEquals("genomics", prod.workspace());

        assertEquals(
                "other-token",
                token(resolve(new CredentialOptions(null, null, null, null, false, null, null, "other", null))));
        env.put("TILEDB_REST_TOKEN", "env-token");
        assertEquals("env-token", token(resolve(none())));
        env.remove("TILEDB_REST_TOKEN");

        env.put("TILEDB_PROFILE_NAME", "missing");
        TileDBConfigurationException e = assertThrows(TileDBConfigurationException.class, () -> resolve(none()));
        assertEquals(
                "The profile 'missing' (named by TILEDB_PROFILE_NAME) does not exist in "
                        + dir.resolve("profiles.json"),
                e.getMessage());
    }

    /** An OAuth2 access token is an option only: after the API key, before a user name and password. */
    @Test
    void anAccessTokenOptionIsTheBearerCredentialUnlessAnApiKeyIsGiven() {
        env.put("TILEDB_REST_TOKEN", "env-token");
        CredentialOptions oauth =
                new CredentialOptions(null, null, "ada", "pw-1", false, null, null, null, null, null, "oauth-token-1");
        Credentials.AccessToken bearer =
                assertInstanceOf(Credentials.AccessToken.class, resolve(oauth).credentials());
        assertEquals("oauth-token-1", bearer.token());
        assertEquals("the OAuth2 access token from options", bearer.describe());
        assertFalse(bearer.toString().contains("oauth-token-1"), bearer.toString());
        assertFalse(oauth.toString().contains("oauth-token-1"), oauth.toString());

        CredentialOptions both =
                new CredentialOptions(null, "key-1", null, null, false, null, null, null, null, null, "oauth-token-1");
        assertEquals("key-1", token(resolve(both)));
    }

    @Test
    void environmentComesBeforeTheFiles() throws Exception {
        env.put("TILEDB_REST_TOKEN", "env-token");
        env.put("TILEDB_REST_HOST", "eu-west-1.aws.api.tiledb.com");
        env.put("TILEDB_REST_IGNORE_SSL_VALIDATION", "True");
        env.put("TILEDB_SSL_CA_FILE", "/etc/ca.pem");
        cloudJson("{\"api_key\": {\"X-TILEDB-REST-API-KEY\": \"file-token\"}}");
        ResolvedConnection c = resolve(none());
        assertEquals("env-token", token(c));
        assertEquals("https://eu-west-1.aws.api.tiledb.com", c.host());
        assertFalse(c.verifySsl());
        assertEquals("/etc/ca.pem", c.caFile());
    }

    @Test
    void environmentUserAndPasswordMeanASession() {
        env.put("TILEDB_REST_USERNAME", "alice");
        env.put("TILEDB_REST_PASSWORD", "pw");
        Credentials.UsernamePassword user = assertInstanceOf(
                Credentials.UsernamePassword.class, resolve(none()).credentials());
        assertEquals("alice", user.username());
        assertTrue(user.useSession());
        assertFalse(resolveNoSession().useSession());
    }

    private Credentials.UsernamePassword resolveNoSession() {
        return (Credentials.UsernamePassword)
                resolve(new CredentialOptions(null, null, null, null, true, null, null, null, null))
                        .credentials();
    }

    @Test
    void cloudJsonOfThePythonClient() throws Exception {
        cloudJson(
                "{\"api_key\": {\"X-TILEDB-REST-API-KEY\": \"file-token\"}, \"host\": \"https://us-east-1.aws.api.tiledb.com\","
                        + " \"verify_ssl\": false, \"username\": \"u\"}");
        ResolvedConnection c = resolve(none());
        assertEquals("file-token", token(c));
        assertEquals("https://us-east-1.aws.api.tiledb.com", c.host());
        assertFalse(c.verifySsl());
        assertTrue(c.credentials().describe().contains("cloud.json"));
    }

    @Test
    void defaultProfileIsTheLastResort() throws Exception {
        profiles(
                home.resolve(".tiledb"),
                "{\"version\": 1, \"default\": {\"rest.token\": \"profile-token\","
                        + " \"rest.server_address\": \"https://profile.example.com\"}}");
        ResolvedConnection c = resolve(none());
        assertEquals("profile-token", token(c));
        assertEquals("https://profile.example.com", c.host());
        cloudJson("{\"api_key\": {\"X-TILEDB-REST-API-KEY\": \"file-token\"}}");
        assertEquals("file-token", token(resolve(none())), "cloud.json comes before the default profile");
        assertEquals(
                "https://profile.example.com",
                resolve(none()).host(),
                "the host still comes from the first source that has one");
    }

    @Test
    void namedProfileInProfileDirComesRightAfterOptions() throws Exception {
        Path dir = home.resolve("elsewhere");
        profiles(dir, "{\"version\": 1, \"work\": {\"rest.username\": \"bob\", \"rest.password\": \"pw\"}}");
        env.put("TILEDB_REST_TOKEN", "env-token");
        ResolvedConnection c =
                resolve(new CredentialOptions(null, null, null, null, false, null, null, "work", dir.toString()));
        assertEquals(
                "bob",
                assertInstanceOf(Credentials.UsernamePassword.class, c.credentials())
                        .username());
    }

    @Test
    void profileDirFromTheEnvironment() throws Exception {
        Path dir = home.resolve("from-env");
        profiles(dir, "{\"version\": 1, \"default\": {\"rest.token\": \"t\"}}");
        env.put("TILEDB_PROFILE_DIR", dir.toString());
        assertEquals("t", token(resolve(none())));
    }

    @Test
    void missingNamedProfileIsAnErrorNamingFileAndProfile() throws Exception {
        profiles(home.resolve(".tiledb"), "{\"version\": 1, \"default\": {\"rest.token\": \"secret-profile-token\"}}");
        TileDBConfigurationException e = assertThrows(
                TileDBConfigurationException.class,
                () -> resolve(new CredentialOptions(null, null, null, null, false, null, null, "prod", null)));
        assertEquals("The profile 'prod' does not exist in " + home.resolve(".tiledb/profiles.json"), e.getMessage());
    }

    @Test
    void malformedFileIsAnErrorNamingTheFileAndShowingNoSecret() throws Exception {
        cloudJson("{\"api_key\": {\"X-TILEDB-REST-API-KEY\": \"s3cr3t-token\" \"host\": 1}");
        TileDBConfigurationException e = assertThrows(TileDBConfigurationException.class, () -> resolve(none()));
        assertTrue(
                e.getMessage()
                        .startsWith("The file " + home.resolve(".tiledb/cloud.json") + " is not valid JSON (line 1"),
                e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t"));
        assertFalse(String.valueOf(e.getCause()).contains("s3cr3t"));
    }

    @Test
    void userWithoutPasswordIsAnError() {
        env.put("TILEDB_REST_USERNAME", "alice");
        assertEquals(
                "The environment variables give a user name or a password but not both",
                assertThrows(TileDBConfigurationException.class, () -> resolve(none()))
                        .getMessage());
    }

    @Test
    void nothingAnywhereSaysWhereToPutCredentials() {
        TileDBConfigurationException e = assertThrows(TileDBConfigurationException.class, () -> resolve(none()));
        assertTrue(
                e.getMessage().startsWith("No TileDB Cloud credentials found: set the apiKey option"), e.getMessage());
    }

    @Test
    void defaultsWhenOnlyATokenIsGiven() {
        ResolvedConnection c = resolve(new CredentialOptions(null, "t", null, null, false, null, null, null, null));
        assertEquals(TileDBHosts.DEFAULT, c.host());
        assertTrue(c.verifySsl());
    }

    @Test
    void noSecretInToString() {
        CredentialOptions options =
                new CredentialOptions(null, "tok-123", "u", "pw-456", false, null, null, null, null);
        assertFalse(options.toString().contains("tok-123") || options.toString().contains("pw-456"));
        assertFalse(new Credentials.UsernamePassword("u", "pw-456", true, "x")
                .toString()
                .contains("pw-456"));
        assertFalse(new Credentials.ApiKey("tok-123", "x").toString().contains("tok-123"));
        assertFalse(ClientSettings.of("h", "tok-123").toString().contains("tok-123"));
    }

    @Test
    void theWorkspaceComesFromTheFirstSourceThatNamesIt() throws Exception {
        profiles(
                home.resolve(".tiledb"),
                "{\"version\": 1, \"default\": {\"rest.token\": \"profile-token\","
                        + " \"rest.workspace\": \"acme\"}}");
        assertEquals("acme", resolve(none()).workspace());
        env.put("TILEDB_REST_WORKSPACE", "env-ws");
        assertEquals("env-ws", resolve(none()).workspace());
        ResolvedConnection c = resolve(
                new CredentialOptions(null, null, null, null, false, null, null, null, null, "option-ws", null));
        assertEquals("option-ws", c.workspace());
        assertEquals("profile-token", token(c), "the workspace and the credentials come from their own sources");
    }

    @Test
    void aWorkspaceTokenNamesItsWorkspaceWhenNoSourceDoes() {
        env.put("TILEDB_REST_TOKEN", "key1-ws_9m4e2mr0ui3e8a215n4g-secret");
        assertEquals("ws_9m4e2mr0ui3e8a215n4g", resolve(none()).workspace());
        env.put("TILEDB_REST_TOKEN", "plain-token");
        assertEquals(null, resolve(none()).workspace(), "a classic token names no workspace");
    }
}
