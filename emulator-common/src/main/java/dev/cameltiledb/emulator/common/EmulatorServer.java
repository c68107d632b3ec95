package dev.cameltiledb.emulator.common;

import java.net.InetSocketAddress;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.BlockingHandler;
import org.xnio.Options;

/**
 * The HTTP server under an emulator: Undertow on one address, handlers run on blocking worker threads, encoded
 * slashes kept encoded (a storage URI is one path segment), and a client that stops sending (headers or body) dropped
 * after the read timeout instead of holding a connection forever; idle kept-alive connections are closed after it too.
 */
public final class EmulatorServer {

    /** A minute of silence from a client mid-request. */
    public static final long DEFAULT_REQUEST_READ_TIMEOUT_MILLIS = 60_000;

    private final Undertow server;
    private final int port;

    private EmulatorServer(Undertow server) {
        this.server = server;
        this.port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    /**
     * Starts serving {@code handler} on {@code bindAddress:port} (0: a free port) with {@code workers} worker threads.
     */
    public static EmulatorServer start(
            String bindAddress, int port, int workers, long requestReadTimeoutMillis, HttpHandler handler) {
        Undertow server = Undertow.builder()
                .addHttpListener(port, bindAddress)
                .setIoThreads(2)
                .setWorkerThreads(workers)
                .setServerOption(UndertowOptions.ALLOW_ENCODED_SLASH, false)
                .setServerOption(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, true)
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, (int) requestReadTimeoutMillis)
                .setSocketOption(Options.READ_TIMEOUT, (int) requestReadTimeoutMillis)
                .setHandler(new BlockingHandler(handler))
                .build();
        server.start();
        return new EmulatorServer(server);
    }

    /** Checks a read timeout a builder is given: milliseconds that fit the server's option. */
    public static long checkedReadTimeout(long millis) {
        if (millis < 1 || millis > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "requestReadTimeout must be between 1 and " + Integer.MAX_VALUE + " ms, was " + millis);
        }
        return millis;
    }

    public int port() {
        return port;
    }

    public void stop() {
        server.stop();
    }
}
