package dev.cameltiledb.component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.cameltiledb.emulator.TileDBEmulator;

/**
 * One workspace-platform emulator for the whole test run, recording every exchange, so {@link WorkspaceContractTest}
 * can check the suite's workspace traffic against the workspace v1 spec and our own {@code /v4} description. Workspace
 * {@code acme} (wanda owns it, victor is a member) has teamspaces {@code research} (victor views) and {@code open}
 * (public), and one AWS credential.
 */
final class SuiteWorkspaceEmulator {

    static final String WANDA_TOKEN = "wanda-key-7a1b2c3d4e";
    static final String VICTOR_TOKEN = "victor-key-9f8e7d6c5b";
    static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY";

    private static final String SEED = """
            {"users": [
               {"username": "wanda", "email": "wanda@example.com", "password": "wanda-password",
                "apiKeys": ["%s"], "role": "owner"},
               {"username": "victor", "email": "victor@example.com", "password": "victor-password",
                "apiKeys": ["%s"]}],
             "workspaces": [
               {"name": "acme", "description": "ACME's data", "members": {"wanda": "owner", "victor": "member"},
                "teamspaces": [
                  {"name": "research", "description": "R&D", "visibility": "private",
                   "members": {"wanda": "owner", "victor": "viewer"}},
                  {"name": "open", "description": "for everyone", "visibility": "public",
                   "members": {"wanda": "owner"}}],
                "credentials": [
                  {"name": "aws-main", "provider": "AWS", "accessKeyId": "AKIAEXAMPLE",
                   "secretAccessKey": "%s"}]}],
             "arrays": [
               {"namespace": "acme/research", "name": "sales", "uri": "s3://acme/sales", "description": "sales",
                "tags": ["finance"]}]}
            """.formatted(WANDA_TOKEN, VICTOR_TOKEN, SECRET_ACCESS_KEY);

    private static TileDBEmulator emulator;

    private SuiteWorkspaceEmulator() {}

    static synchronized TileDBEmulator get() {
        SuiteUsers.WORKSPACE.note();
        if (emulator == null) {
            try {
                Path seed = Files.createTempFile("workspace-seed-", ".json");
                Files.writeString(seed, SEED);
                emulator = TileDBEmulator.builder()
                        .workspaceServer()
                        .recordExchanges()
                        .seedFile(seed)
                        .build()
                        .start();
                Files.delete(seed);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(emulator::stop));
        }
        return emulator;
    }

    /** An endpoint URI of any resource for wanda, whose session workspace is acme. */
    static String uri(String resource, String options) {
        return "tiledb:" + resource + "?host=" + get().url() + "&apiKey=" + WANDA_TOKEN
                + (options.isEmpty() ? "" : "&" + options);
    }
}
