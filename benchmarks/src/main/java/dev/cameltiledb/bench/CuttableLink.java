package dev.cameltiledb.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A node's own way to the ZooKeeper servers: one loopback port per server, each copying bytes both ways. {@link #cut}
 * drops every connection and refuses new ones, without a word to the servers: the node's session is not closed, it
 * expires on the ensemble after its session timeout, as the session of a process that died or lost the network does.
 * In one JVM this is the nearest thing to {@code kill -9} of one node.
 */
final class CuttableLink implements AutoCloseable {

    private final List<ServerSocket> listeners = new ArrayList<>();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    /** @param servers the servers' {@code host:port}s */
    CuttableLink(List<String> servers) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (String server : servers) {
            int colon = server.lastIndexOf(':');
            InetSocketAddress target =
                    new InetSocketAddress(server.substring(0, colon), Integer.parseInt(server.substring(colon + 1)));
            ServerSocket listener = new ServerSocket(0, 50, loopback);
            listeners.add(listener);
            Thread accept = new Thread(() -> accept(listener, target), "link-accept-" + listener.getLocalPort());
            accept.setDaemon(true);
            accept.start();
        }
    }

    /** The connect string a ZooKeeper client of this node uses. */
    String connectString() {
        return listeners.stream()
                .map(l -> l.getInetAddress().getHostAddress() + ":" + l.getLocalPort())
                .collect(Collectors.joining(","));
    }

    private void accept(ServerSocket listener, InetSocketAddress target) {
        while (!cut) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed by cut() or close()
            }
            try {
                Socket server = new Socket(target.getAddress(), target.getPort());
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(server);
                if (cut) {
                    closeQuietly(client);
                    closeQuietly(server);
                    return;
                }
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int n;
                        while ((n = in.read(buffer)) >= 0) {
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // one side went away: the other goes too
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                "link-pump");
        t.setDaemon(true);
        t.start();
    }

    /** Drops every connection at once and refuses new ones; nothing is sent to the servers. */
    void cut() {
        cut = true;
        listeners.forEach(CuttableLink::closeQuietly);
        sockets.forEach(CuttableLink::closeQuietly);
    }

    @Override
    public void close() {
        cut();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing anyway
        }
    }
}
