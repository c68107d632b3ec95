package dev.cameltiledb.emulator.common;

import io.undertow.server.HttpServerExchange;

/**
 * What an emulator adds to the shared request path ({@link Dispatcher}): its call type, what happens as a request
 * arrives (the request log, a test's hook, a redirect), how it authenticates, how a handler runs (in the transaction
 * its route declares), and its {@link Dialect}.
 *
 * @param <C> the service's call type
 * @param <H> the service's handler type
 */
public interface Service<C extends Call, H> {

    /** A new call for the exchange; {@code recording} when exchanges are recorded. */
    C call(HttpServerExchange exchange, boolean recording);

    /** The request as it arrives, before anything else: an answer ends it there (a redirect); null goes on. */
    Answer arrive(C call);

    /** Before the body is read: the caller, kept on the call, or an {@link HttpFailure} (401). */
    void authenticate(C call);

    /** Runs the route's handler in the transaction its {@link Route#access()} asks for; its answer. */
    Answer handle(Route<H> route, C call);

    Dialect dialect();
}
