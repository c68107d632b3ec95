package dev.cameltiledb.client;

import java.util.List;

/** Clients for the data-plane tests: an API key, a classic server (no generation question), waits recorded. */
final class DataPlaneClients {

    static final String KEY = "dataplane-key";
    static final String TASK_ID = "9a3c1f52-7d2e-4b8a-a1f0-3c5e8d7b6a41";

    private DataPlaneClients() {}

    static ClientSettings.Builder settings(String url) {
        return ClientSettings.builder()
                .host(url)
                .credentials(new Credentials.ApiKey(KEY, "test"))
                .serverGeneration(ServerGeneration.CLASSIC)
                .timeouts(2000, 5000, 500);
    }

    static TileDBClient client(String url, List<Long> waits) {
        return new TileDBClient(settings(url).build(), waits::add);
    }
}
