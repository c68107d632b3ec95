package dev.cameltiledb.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code configure}: a profile written whole, for its owner only, read back by the credential chain. */
class ProfileWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private Path dir() {
        return home.resolve(".tiledb");
    }

    @Test
    void aTokenProfileIsWrittenForItsOwnerOnlyAndReadBackByTheCredentialChain() throws Exception {
        Path file = ProfileWriter.configure()
                .token("profile-token-1")
                .workspace("genomics")
                .host("tiledb.example.com")
                .profileName("production")
                .profileDir(dir())
                .save();

        assertEquals(dir().resolve("profiles.json"), file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir())));
        JsonNode profile = JSON.readTree(file.toFile()).get("production");
        assertEquals("genomics", profile.get("rest.workspace").asText());
        assertEquals(
                "https://tiledb.example.com", profile.get("rest.server_address").asText());

        ResolvedConnection read = new CredentialsResolver(Map.of(), home)
                .resolve(new CredentialOptions(null, null, null, null, false, null, null, "production", null));
        assertEquals("https://tiledb.example.com", read.host());
        assertEquals("profile-token-1", ((Credentials.ApiKey) read.credentials()).token());
    }

    @Test
    void withATokenAUserNameAndPasswordAreNotStored() throws Exception {
        Path file = ProfileWriter.configure()
                .token("profile-token-2")
                .workspace("genomics")
                .host("tiledb.example.com")
                .username("ada")
                .password("profile-password-2")
                .profileDir(dir())
                .save();
        String text = Files.readString(file);
        assertTrue(text.contains("profile-token-2"));
        assertFalse(text.contains("profile-password-2"), text);
        assertFalse(text.contains("ada"), text);
    }

    @Test
    void anExistingProfileIsReplacedOnlyWithOverwriteAndTheOthersStay() throws Exception {
        profile("first").save();
        profile("other").profileName("other").save();
        Path file = dir().resolve("profiles.json");
        byte[] before = Files.readAllBytes(file);

        TileDBConfigurationException refused = assertThrows(
                TileDBConfigurationException.class, () -> profile("second").save());
        assertEquals(
                "The profile 'default' already exists in " + file + "; give overwrite to replace it",
                refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file), "nothing written");

        profile("second").overwrite(true).save();
        JsonNode all = JSON.readTree(file.toFile());
        assertEquals("second", all.get("default").get("rest.token").asText());
        assertEquals("other", all.get("other").get("rest.token").asText());
        assertEquals(1, all.get("version").asInt());
        try (var left = Files.list(dir())) {
            assertEquals(1, left.count(), "no temporary file left behind");
        }
    }

    @Test
    void aMalformedFileIsNeverReplaced() throws Exception {
        Files.createDirectories(dir());
        Path file = Files.writeString(dir().resolve("profiles.json"), "{\"default\": {");
        TileDBConfigurationException e = assertThrows(
                TileDBConfigurationException.class, () -> profile("t").save());
        assertTrue(e.getMessage().startsWith(file + " is not valid JSON"), e.getMessage());
        assertEquals("{\"default\": {", Files.readString(file));
    }

    /** A complete token profile for the default profile name in the test's folder. */
    private ProfileWriter profile(String token) {
        return ProfileWriter.configure()
                .token(token)
                .workspace("genomics")
                .host("tiledb.example.com")
                .profileDir(dir());
    }

    /** What {@code tiledb.client.configure} raises a ConfigurationError for is refused too, before anything is written. */
    @Test
    void aProfileWithoutHostOrWorkspaceIsRefusedAsPythonRefusesIt() {
        assertEquals(
                "A profile needs a host: the TileDB server's address, such as api.tiledb.com",
                assertThrows(
                                TileDBConfigurationException.class,
                                () -> ProfileWriter.configure()
                                        .token("t-1")
                                        .workspace("genomics")
                                        .profileDir(dir())
                                        .save())
                        .getMessage());
        assertEquals(
                "A profile needs a workspace (name or id): give workspace, or a token that names one"
                        + " (<key>-ws_<id>-<secret>)",
                assertThrows(
                                TileDBConfigurationException.class,
                                () -> ProfileWriter.configure()
                                        .username("ada")
                                        .password("profile-password-3")
                                        .host("tiledb.example.com")
                                        .profileDir(dir())
                                        .save())
                        .getMessage());
        assertThrows(
                TileDBConfigurationException.class,
                () -> ProfileWriter.configure()
                        .token("plain-token")
                        .host("tiledb.example.com")
                        .profileDir(dir())
                        .save());
        assertFalse(Files.exists(dir()), "nothing written, not even the folder");
    }

    /** As in Python, a workspace-scoped token stands for the workspace: its {@code ws_} id is stored. */
    @Test
    void aWorkspaceTokenNamesTheProfilesWorkspace() throws Exception {
        Path file = ProfileWriter.configure()
                .token("key7-ws_9m4e2mr0ui3e8a215n4g-secret7")
                .host("tiledb.example.com")
                .profileDir(dir())
                .save();
        JsonNode profile = JSON.readTree(file.toFile()).get("default");
        assertEquals("ws_9m4e2mr0ui3e8a215n4g", profile.get("rest.workspace").asText());
    }

    /** {@code rest.verify_ssl} is stored only to turn verification off, as Python does; the chain reads both. */
    @Test
    void verifySslIsStoredOnlyWhenOffAndCaFileAsGivenAndTheChainReadsThem() throws Exception {
        profile("v-on").profileName("on").verifySsl(true).save();
        Path file = profile("v-off")
                .profileName("off")
                .verifySsl(false)
                .caFile("/etc/ssl/corp-ca.pem")
                .save();
        JsonNode all = JSON.readTree(file.toFile());
        assertFalse(all.get("on").has("rest.verify_ssl"), all.toString());
        assertFalse(all.get("on").has("ssl.ca_file"), all.toString());
        assertEquals("false", all.get("off").get("rest.verify_ssl").asText());
        assertEquals("/etc/ssl/corp-ca.pem", all.get("off").get("ssl.ca_file").asText());

        CredentialsResolver chain = new CredentialsResolver(Map.of(), home);
        ResolvedConnection on =
                chain.resolve(new CredentialOptions(null, null, null, null, false, null, null, "on", null));
        ResolvedConnection off =
                chain.resolve(new CredentialOptions(null, null, null, null, false, null, null, "off", null));
        assertTrue(on.verifySsl());
        assertEquals(null, on.caFile());
        assertFalse(off.verifySsl());
        assertEquals("/etc/ssl/corp-ca.pem", off.caFile());
        assertEquals("genomics", off.workspace());
    }

    /** configure's keyword arguments by name (a route's JSON body): read as Python names them, a stray one refused. */
    @Test
    void theKeywordArgumentsByNameWriteTheSameProfile() throws Exception {
        Path file = ProfileWriter.fromArguments(Map.of(
                        "token", "kw-token-1",
                        "workspace", "genomics",
                        "host", "tiledb.example.com/",
                        "verify_ssl", "false",
                        "ca_file", "/ca.pem",
                        "profile_name", "kw",
                        "profile_dir", dir().toString(),
                        "overwrite", true))
                .save();
        JsonNode kw = JSON.readTree(file.toFile()).get("kw");
        assertEquals("kw-token-1", kw.get("rest.token").asText());
        assertEquals("https://tiledb.example.com", kw.get("rest.server_address").asText());
        assertEquals("false", kw.get("rest.verify_ssl").asText());

        TileDBConfigurationException stray = assertThrows(
                TileDBConfigurationException.class, () -> ProfileWriter.fromArguments(Map.of("worksapce", "genomics")));
        assertEquals(
                "configure has no argument 'worksapce'; the arguments are " + ProfileWriter.ARGUMENTS,
                stray.getMessage());
        TileDBConfigurationException notText = assertThrows(
                TileDBConfigurationException.class,
                () -> ProfileWriter.fromArguments(Map.of("password", java.util.List.of("kw-secret-9"))));
        assertFalse(notText.getMessage().contains("kw-secret-9"), notText.getMessage());
    }

    @Test
    void missingCredentialsAreNamedAndNothingIsWritten() {
        assertEquals(
                "A profile needs credentials: a token, or a username and a password (the password is missing)",
                assertThrows(
                                TileDBConfigurationException.class,
                                () -> ProfileWriter.configure()
                                        .username("ada")
                                        .workspace("w")
                                        .host("h.example.com")
                                        .profileDir(dir())
                                        .save())
                        .getMessage());
        assertEquals(
                "A profile needs credentials: a token, or a username and a password",
                assertThrows(
                                TileDBConfigurationException.class,
                                () -> ProfileWriter.configure()
                                        .workspace("w")
                                        .host("h.example.com")
                                        .profileDir(dir())
                                        .save())
                        .getMessage());
        assertFalse(Files.exists(dir()), "not even the folder");
    }
}
