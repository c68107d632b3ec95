package dev.cameltiledb.client;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code tiledb.client.configure}: stores credentials in a profile of {@code profiles.json} (the file libtiledb and the
 * Python client read, and {@link CredentialsResolver} too) for later logins.
 *
 * <ul>
 *   <li>the file is replaced whole, never half-written: the new content goes to a temporary file in the same folder,
 *       which is then moved over the old one;
 *   <li>owner-only permissions: the folder is created {@code rwx------}, the file written {@code rw-------};
 *   <li>an existing profile is replaced only with {@code overwrite}; the other profiles stay as they were;
 *   <li>with both a token and a user name and password, only the token is stored, as the seed says.
 * </ul>
 *
 * Bad input fails with a {@link TileDBConfigurationException} (the seed's {@code ConfigurationError}) naming what to
 * fix, before anything is written. It refuses what {@code tiledb.client.configure} refuses: no host, no credentials
 * (a token, or a user name and a password), and no workspace unless the token names one ({@code <key>-ws_<id>-<secret>},
 * then that id is stored). Like it, it stores {@code rest.verify_ssl} only when verification is turned off, and
 * {@code ssl.ca_file} when given.
 */
public final class ProfileWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String token;
    private String username;
    private String password;
    private String workspace;
    private String host;
    private Boolean verifySsl;
    private String caFile;
    private String profileName = "default";
    private Path profileDir;
    private boolean overwrite;

    private ProfileWriter() {}

    /** A profile to write; set what it holds, then {@link #save()}. */
    public static ProfileWriter configure() {
        return new ProfileWriter();
    }

    public ProfileWriter token(String token) {
        this.token = token;
        return this;
    }

    public ProfileWriter username(String username) {
        this.username = username;
        return this;
    }

    public ProfileWriter password(String password) {
        this.password = password;
        return this;
    }

    public ProfileWriter workspace(String workspace) {
        this.workspace = workspace;
        return this;
    }

    public ProfileWriter host(String host) {
        this.host = host;
        return this;
    }

    public ProfileWriter verifySsl(Boolean verifySsl) {
        this.verifySsl = verifySsl;
        return this;
    }

    public ProfileWriter caFile(String caFile) {
        this.caFile = caFile;
        return this;
    }

    /** The profile's name; {@code default} when not given. */
    public ProfileWriter profileName(String profileName) {
        this.profileName = profileName;
        return this;
    }

    /** The folder of {@code profiles.json}; the {@code .tiledb} folder of the home directory when not given. */
    public ProfileWriter profileDir(Path profileDir) {
        this.profileDir = profileDir;
        return this;
    }

    /** Replace a profile of the same name instead of refusing. */
    public ProfileWriter overwrite(boolean overwrite) {
        this.overwrite = overwrite;
        return this;
    }

    /** The keyword arguments of {@code tiledb.client.configure}, the keys {@link #fromArguments} reads. */
    public static final java.util.List<String> ARGUMENTS = java.util.List.of(
            "token",
            "username",
            "password",
            "workspace",
            "host",
            "verify_ssl",
            "ca_file",
            "profile_name",
            "profile_dir",
            "overwrite");

    /**
     * A profile from {@code tiledb.client.configure}'s keyword arguments by name ({@link #ARGUMENTS}), such as a JSON
     * object a route was given; {@code verify_ssl} and {@code overwrite} are booleans (or "true"/"false"), the others
     * text. An unknown name is refused rather than ignored, so a misspelt one cannot leave a profile without it.
     */
    public static ProfileWriter fromArguments(java.util.Map<String, ?> arguments) {
        ProfileWriter writer = configure();
        arguments.forEach((name, value) -> {
            switch (name) {
                case "token" -> writer.token(text(name, value));
                case "username" -> writer.username(text(name, value));
                case "password" -> writer.password(text(name, value));
                case "workspace" -> writer.workspace(text(name, value));
                case "host" -> writer.host(text(name, value));
                case "verify_ssl" -> writer.verifySsl(bool(name, value));
                case "ca_file" -> writer.caFile(text(name, value));
                case "profile_name" -> {
                    if (value != null) {
                        writer.profileName(text(name, value));
                    }
                }
                case "profile_dir" -> writer.profileDir(value == null ? null : Path.of(text(name, value)));
                case "overwrite" -> writer.overwrite(Boolean.TRUE.equals(bool(name, value)));
                default ->
                    throw new TileDBConfigurationException(
                            "configure has no argument '" + name + "'; the arguments are " + ARGUMENTS);
            }
        });
        return writer;
    }

    private static String text(String name, Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        // never the value: it may be a secret given under the wrong name
        throw new TileDBConfigurationException("configure's " + name + " must be text, was a "
                + value.getClass().getSimpleName());
    }

    private static Boolean bool(String name, Object value) {
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            return Boolean.valueOf(text);
        }
        // never the value: it may be a secret given under the wrong name
        throw new TileDBConfigurationException("configure's " + name + " must be true or false");
    }

    /** Writes the profile; returns the file written. */
    public Path save() {
        ObjectNode profile = profile();
        Path dir = profileDir != null ? profileDir : Path.of(System.getProperty("user.home"), ".tiledb");
        Path file = dir.resolve("profiles.json");
        ObjectNode all = existing(file);
        if (all.has(profileName) && !overwrite) {
            throw new TileDBConfigurationException(
                    "The profile '" + profileName + "' already exists in " + file + "; give overwrite to replace it");
        }
        all.set(profileName, profile);
        write(dir, file, all);
        return file;
    }

    private ObjectNode profile() {
        if (profileName == null || profileName.isBlank() || profileName.equals("version")) {
            throw new TileDBConfigurationException(
                    "The profile name must not be empty or 'version', was '" + profileName + "'");
        }
        if (host == null || host.isBlank()) {
            throw new TileDBConfigurationException(
                    "A profile needs a host: the TileDB server's address, such as api.tiledb.com");
        }
        boolean hasToken = token != null && !token.isBlank();
        boolean hasUser = username != null && !username.isBlank();
        boolean hasPassword = password != null && !password.isEmpty();
        if (!hasToken && !(hasUser && hasPassword)) {
            throw new TileDBConfigurationException("A profile needs credentials: a token, or a username and a password"
                    + (hasUser ? " (the password is missing)" : hasPassword ? " (the username is missing)" : ""));
        }
        String profileWorkspace = workspace != null && !workspace.isBlank()
                ? workspace
                : hasToken ? CredentialsResolver.workspaceOfToken(token) : null;
        if (profileWorkspace == null) {
            throw new TileDBConfigurationException("A profile needs a workspace (name or id): give workspace, or a"
                    + " token that names one (<key>-ws_<id>-<secret>)");
        }
        ObjectNode profile = JSON.createObjectNode();
        profile.put("rest.server_address", TileDBHosts.normalize(host));
        if (hasToken) {
            profile.put("rest.token", token); // with a token, a username and password given too are not stored
        } else {
            profile.put("rest.username", username);
            profile.put("rest.password", password);
        }
        profile.put("rest.workspace", profileWorkspace);
        if (Boolean.FALSE.equals(verifySsl)) {
            profile.put("rest.verify_ssl", "false"); // verification is the default: only turning it off is stored
        }
        if (caFile != null && !caFile.isBlank()) {
            profile.put("ssl.ca_file", caFile);
        }
        return profile;
    }

    /** The profiles already stored; a file that is not a JSON object is refused rather than replaced. */
    private static ObjectNode existing(Path file) {
        if (!Files.exists(file)) {
            ObjectNode fresh = JSON.createObjectNode();
            fresh.put("version", 1);
            return fresh;
        }
        try {
            JsonNode json = JSON.readTree(file.toFile());
            if (json instanceof ObjectNode object) {
                return object;
            }
            throw new TileDBConfigurationException(file + " is not a JSON object; fix or remove it first");
        } catch (JacksonException e) {
            throw new TileDBConfigurationException(file + " is not valid JSON (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + "); fix or remove it first");
        } catch (IOException e) {
            throw new TileDBConfigurationException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path dir, Path file, ObjectNode all) {
        Path tmp = null;
        try {
            if (!Files.isDirectory(dir)) {
                createOwnerOnlyDirectory(dir);
            }
            tmp = Files.createTempFile(
                    dir,
                    ".profiles-",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), all);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new TileDBConfigurationException("Cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file holds secrets only its owner can read; nothing else to do
                }
            }
        }
    }

    private static void createOwnerOnlyDirectory(Path dir) throws IOException {
        try {
            Files.createDirectories(
                    dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException raced) {
            // created meanwhile by someone else: use it
        }
    }
}
