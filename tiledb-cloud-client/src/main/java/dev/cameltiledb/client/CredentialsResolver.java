package dev.cameltiledb.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Finds credentials the way the TileDB Python clients do, first found wins: explicit options (and an explicitly
 * named profile) → environment ({@code TILEDB_REST_TOKEN}, {@code TILEDB_REST_HOST}, {@code TILEDB_REST_USERNAME},
 * {@code TILEDB_REST_PASSWORD}, {@code TILEDB_REST_IGNORE_SSL_VALIDATION}, {@code TILEDB_SSL_CA_FILE}) →
 * {@code ~/.tiledb/cloud.json} → the {@code default} profile of {@code ~/.tiledb/profiles.json}. A profile named by
 * {@code TILEDB_PROFILE_NAME} (what {@code tiledb.client.login(profile_name=...)} sets, and libtiledb reads) takes the
 * default profile's place, ahead of {@code cloud.json}, and must exist. An OAuth2 access token is an option only, after
 * the API key and before a user name and password: TileDB's clients read one from no variable or file. Credentials come
 * whole from one source (a token, else user name and password); host, TLS verification, CA file and the workspace
 * ({@code rest.workspace}, {@code TILEDB_REST_WORKSPACE}) each come from the first source that sets them. Without
 * one, a token of the form {@code <key>-ws_<id>-<secret>} names its workspace, as {@code tiledb.client} reads it. Files are only read, never written; errors name the file and the profile, never a
 * secret.
 */
public final class CredentialsResolver {

    private static final String DEFAULT_PROFILE = "default";

    private final Map<String, String> environment;
    private final Path home;
    private final ObjectMapper mapper = new ObjectMapper();

    public CredentialsResolver(Map<String, String> environment, Path home) {
        this.environment = environment;
        this.home = home;
    }

    /** Reads the process environment and {@code user.home}. */
    public static CredentialsResolver system() {
        return new CredentialsResolver(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** One place credentials can come from. Fields are null where the source says nothing. */
    private record Source(
            String name,
            String host,
            String token,
            String username,
            String password,
            Boolean verifySsl,
            String caFile,
            String workspace,
            /* only the options give one: TileDB's clients read an access token from no variable or file */
            String accessToken) {}

    public ResolvedConnection resolve(CredentialOptions options) {
        List<Source> sources = new ArrayList<>();
        sources.add(new Source(
                "options",
                options.host(),
                options.apiKey(),
                options.username(),
                options.password(),
                options.verifySsl(),
                options.caFile(),
                options.workspace(),
                options.accessToken()));
        Path profiles = profileDirectory(options).resolve("profiles.json");
        if (options.profileName() != null && !options.profileName().isBlank()) {
            sources.add(profile(profiles, options.profileName(), true, ""));
        }
        sources.add(environment());
        String profileOfEnvironment = environment.get("TILEDB_PROFILE_NAME");
        if (hasText(profileOfEnvironment) && !hasText(options.profileName())) {
            // the profile tiledb.client.login(profile_name) selects, as libtiledb reads it: in place of the default
            sources.add(profile(profiles, profileOfEnvironment, true, " (named by TILEDB_PROFILE_NAME)"));
            sources.add(cloudJson(home.resolve(".tiledb").resolve("cloud.json")));
        } else {
            sources.add(cloudJson(home.resolve(".tiledb").resolve("cloud.json")));
            sources.add(profile(profiles, DEFAULT_PROFILE, false, ""));
        }

        Credentials credentials = null;
        for (Source s : sources) {
            credentials = credentials(s, !options.noSession());
            if (credentials != null) {
                break;
            }
        }
        if (credentials == null) {
            throw new TileDBConfigurationException(
                    "No TileDB Cloud credentials found: set the apiKey option (or accessToken, or username"
                            + " and password), TILEDB_REST_TOKEN, ~/.tiledb/cloud.json or a profile in "
                            + profiles);
        }
        String host = sources.stream()
                .map(Source::host)
                .filter(CredentialsResolver::hasText)
                .findFirst()
                .orElse(null);
        boolean verifySsl = sources.stream()
                .map(Source::verifySsl)
                .filter(v -> v != null)
                .findFirst()
                .orElse(true);
        String caFile = sources.stream()
                .map(Source::caFile)
                .filter(CredentialsResolver::hasText)
                .findFirst()
                .orElse(null);
        String workspace = sources.stream()
                .map(Source::workspace)
                .filter(CredentialsResolver::hasText)
                .findFirst()
                .orElse(null);
        if (workspace == null) {
            workspace = workspaceOfToken(credentials);
        }
        return new ResolvedConnection(TileDBHosts.normalize(host), credentials, verifySsl, caFile, workspace);
    }

    /** A workspace-scoped token reads {@code <key>-ws_<id>-<secret>}: its workspace is {@code ws_<id>}. */
    private static final java.util.regex.Pattern WORKSPACE_IN_TOKEN =
            java.util.regex.Pattern.compile("-(ws_[A-Za-z0-9]+)-");

    private static String workspaceOfToken(Credentials credentials) {
        return credentials instanceof Credentials.ApiKey key ? workspaceOfToken(key.token()) : null;
    }

    /** The {@code ws_<id>} a workspace-scoped token names, or null. */
    static String workspaceOfToken(String token) {
        java.util.regex.Matcher m = WORKSPACE_IN_TOKEN.matcher(token);
        return m.find() ? m.group(1) : null;
    }

    private static Credentials credentials(Source s, boolean useSession) {
        if (hasText(s.token())) {
            return new Credentials.ApiKey(s.token(), s.name());
        }
        if (hasText(s.accessToken())) {
            return new Credentials.AccessToken(s.accessToken(), s.name());
        }
        if (hasText(s.username()) || hasText(s.password())) {
            if (!hasText(s.username()) || s.password() == null || s.password().isEmpty()) {
                throw new TileDBConfigurationException("The " + s.name() + " give"
                        + (s.name().endsWith("s") ? "" : "s") + " a user name or a password but not both");
            }
            return new Credentials.UsernamePassword(s.username(), s.password(), useSession, s.name());
        }
        return null;
    }

    private Path profileDirectory(CredentialOptions options) {
        if (hasText(options.profileDir())) {
            return Path.of(options.profileDir());
        }
        String fromEnv = environment.get("TILEDB_PROFILE_DIR");
        return hasText(fromEnv) ? Path.of(fromEnv) : home.resolve(".tiledb");
    }

    private Source environment() {
        String ignoreSsl = environment.get("TILEDB_REST_IGNORE_SSL_VALIDATION");
        return new Source(
                "environment variables",
                environment.get("TILEDB_REST_HOST"),
                environment.get("TILEDB_REST_TOKEN"),
                environment.get("TILEDB_REST_USERNAME"),
                environment.get("TILEDB_REST_PASSWORD"),
                ignoreSsl == null ? null : !isTrue(ignoreSsl),
                environment.get("TILEDB_SSL_CA_FILE"),
                environment.get("TILEDB_REST_WORKSPACE"),
                null);
    }

    /** The Python client's file: {@code {"api_key": {"X-TILEDB-REST-API-KEY": ...}, "host", "username", ...}}. */
    private Source cloudJson(Path file) {
        String name = "file " + file;
        JsonNode json = readJson(file, name);
        if (json == null) {
            return new Source(name, null, null, null, null, null, null, null, null);
        }
        return new Source(
                name,
                text(json, "host"),
                text(json.path("api_key"), RestTransport.API_KEY_HEADER),
                text(json, "username"),
                text(json, "password"),
                bool(json.get("verify_ssl")),
                text(json, "ca_file"),
                null,
                null);
    }

    /**
     * A profile of libtiledb's {@code profiles.json}: {@code {"version": 1, "<name>": {"rest.token": ...}}}; a
     * {@code required} one must exist ({@code namedBy} says who named it).
     */
    private Source profile(Path file, String profileName, boolean required, String namedBy) {
        String name = "profile '" + profileName + "' of " + file;
        JsonNode json = readJson(file, "file " + file);
        JsonNode profile = json == null ? null : json.get(profileName);
        if (profile == null || !profile.isObject()) {
            if (required) {
                throw new TileDBConfigurationException("The profile '" + profileName + "'" + namedBy
                        + " does not exist in " + file + (json == null ? " (no such file)" : ""));
            }
            return new Source(name, null, null, null, null, null, null, null, null);
        }
        return new Source(
                name,
                text(profile, "rest.server_address"),
                text(profile, "rest.token"),
                text(profile, "rest.username"),
                text(profile, "rest.password"),
                bool(profile.get("rest.verify_ssl")),
                text(profile, "ssl.ca_file"),
                text(profile, "rest.workspace"),
                null);
    }

    /** The file's JSON object, or null when there is no file; a malformed one is an error showing only where. */
    private JsonNode readJson(Path file, String name) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode json = mapper.readTree(Files.readString(file));
            if (json == null || !json.isObject()) {
                throw new TileDBConfigurationException("The " + name + " does not hold a JSON object");
            }
            return json;
        } catch (JacksonException e) {
            // the parser's own message quotes the offending text, which may be a secret: give only the position
            JsonLocation at = e.getLocation();
            throw new TileDBConfigurationException("The " + name + " is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new TileDBConfigurationException(
                    "Cannot read the " + name + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Boolean bool(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isBoolean() ? value.asBoolean() : isTrue(value.asText());
    }

    private static boolean isTrue(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            default -> false;
        };
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
