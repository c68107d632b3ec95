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
        ProfileWriter.configure().token("first").profileDir(dir()).save();
        ProfileWriter.configure()
                .token("other")
                .profileName("other")
                .profileDir(dir())
                .save();
        Path file = dir().resolve("profiles.json");
        byte[] before = Files.readAllBytes(file);

        TileDBConfigurationException refused = assertThrows(
                TileDBConfigurationException.class,
                () -> ProfileWriter.configure()
                        .token("second")
                        .profileDir(dir())
                        .save());
        assertEquals(
                "The profile 'default' already exists in " + file + "; give overwrite to replace it",
                refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file), "nothing written");

        ProfileWriter.configure()
                .token("second")
                .profileDir(dir())
                .overwrite(true)
                .save();
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
                TileDBConfigurationException.class,
                () -> ProfileWriter.configure().token("t").profileDir(dir()).save());
        assertTrue(e.getMessage().startsWith(file + " is not valid JSON"), e.getMessage());
        assertEquals("{\"default\": {", Files.readString(file));
    }

    @Test
    void missingCredentialsAreNamedAndNothingIsWritten() {
        assertEquals(
                "A profile needs credentials: a token, or a username and a password (the password is missing)",
                assertThrows(
                                TileDBConfigurationException.class,
                                () -> ProfileWriter.configure()
                                        .username("ada")
                                        .profileDir(dir())
                                        .save())
                        .getMessage());
        assertEquals(
                "A profile needs credentials: a token, or a username and a password",
                assertThrows(
                                TileDBConfigurationException.class,
                                () -> ProfileWriter.configure()
                                        .workspace("w")
                                        .profileDir(dir())
                                        .save())
                        .getMessage());
        assertFalse(Files.exists(dir()), "not even the folder");
    }
}
