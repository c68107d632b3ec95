package dev.cameltiledb.component;

import java.util.HashMap;
import java.util.Map;

import dev.cameltiledb.client.ClientSettings;
import dev.cameltiledb.client.TileDBClient;

/**
 * One {@link TileDBClient} (one connection pool) per distinct {@link ClientSettings}, shared by every endpoint
 * that uses those settings and closed when the last of them stops.
 */
final class TileDBClientRegistry {

    private record Shared(TileDBClient client, int users) {}

    private final Map<ClientSettings, Shared> clients = new HashMap<>();

    synchronized TileDBClient acquire(ClientSettings settings) {
        Shared shared = clients.get(settings);
        if (shared == null) {
            shared = new Shared(new TileDBClient(settings), 0);
        }
        clients.put(settings, new Shared(shared.client(), shared.users() + 1));
        return shared.client();
    }

    synchronized void release(ClientSettings settings) {
        Shared shared = clients.get(settings);
        if (shared == null) {
            return;
        }
        if (shared.users() <= 1) {
            clients.remove(settings);
            shared.client().close();
        } else {
            clients.put(settings, new Shared(shared.client(), shared.users() - 1));
        }
    }

    synchronized int openClients() {
        return clients.size();
    }

    synchronized void closeAll() {
        clients.values().forEach(shared -> shared.client().close());
        clients.clear();
    }
}
