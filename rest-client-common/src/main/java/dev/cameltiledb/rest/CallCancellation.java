package dev.cameltiledb.rest;

import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * Lets the future of an asynchronous call ({@link AsyncCalls}) stop the call, on whichever thread runs it: the
 * request in flight is aborted (its connection closed, as the call deadline does), a request about to be sent is
 * aborted before it leaves, and the thread is interrupted out of a retry wait. The thread's interrupt is cleared when
 * the call ends, so an executor's thread goes on to its next task unharmed.
 */
final class CallCancellation {

    private static final ThreadLocal<CallCancellation> CURRENT = new ThreadLocal<>();

    /**
     * Installed first in every client's HttpClient by {@link HttpPools#client} (it runs on the calling thread): tells
     * the asynchronous call running there, if any, which request it is sending now.
     */
    static final ExecChainHandler TRACKER = (request, scope, chain) -> {
        CallCancellation call = CURRENT.get();
        if (call != null && scope.originalRequest instanceof Cancellable cancellable) {
            call.sending(cancellable);
        }
        return chain.proceed(request, scope);
    };

    private Thread worker;
    private Cancellable request;
    private boolean ended;
    private boolean cancelled;

    /** Binds the call to the current thread; false when it was cancelled before it started (it must not run). */
    synchronized boolean start() {
        if (ended) {
            return false;
        }
        worker = Thread.currentThread();
        CURRENT.set(this);
        return true;
    }

    /** Unbinds the call from its thread, clearing an interrupt the cancellation left there; on the call's thread. */
    synchronized void end() {
        ended = true;
        worker = null;
        request = null;
        CURRENT.remove();
        if (cancelled) {
            Thread.interrupted();
        }
    }

    /** Stops the call: a no-op once it has ended. */
    synchronized void cancel() {
        if (ended) {
            return;
        }
        ended = true;
        cancelled = true;
        if (request != null) {
            request.cancel();
        }
        if (worker != null) {
            worker.interrupt();
        }
    }

    private synchronized void sending(Cancellable next) {
        if (cancelled) {
            next.cancel();
        } else {
            request = next;
        }
    }
}
