package dev.cameltiledb.emulator.http;

import dev.cameltiledb.emulator.common.Transactions;

/**
 * A route whose request body streams to disk before the state is touched (an upload), in three steps: checked in a
 * read transaction before a byte of the body is read, so one who may not write there is refused at once; received with
 * no transaction held, so a slow upload holds nobody up; stored in a write transaction, which saves what it touched
 * before the answer goes out. What the store did not keep of the received body is discarded after.
 *
 * @param <T> what was received: a part file, a form
 */
public final class Upload<T extends Upload.Received> implements Handler {

    /** A received body waiting on disk; closing it discards what was not moved into place. */
    public interface Received extends AutoCloseable {
        @Override
        void close();
    }

    @FunctionalInterface
    public interface Receive<T> {
        T receive(HttpCall call);
    }

    @FunctionalInterface
    public interface Store<T> {
        void store(HttpCall call, T received);
    }

    private final Transactions transactions;
    private final Handler check;
    private final Receive<T> receive;
    private final Store<T> store;

    private Upload(Transactions transactions, Handler check, Receive<T> receive, Store<T> store) {
        this.transactions = transactions;
        this.check = check;
        this.receive = receive;
        this.store = store;
    }

    public static <T extends Received> Upload<T> of(
            Transactions transactions, Handler check, Receive<T> receive, Store<T> store) {
        return new Upload<>(transactions, check, receive, store);
    }

    @Override
    public void handle(HttpCall call) {
        transactions.read(() -> check.handle(call));
        try (T received = receive.receive(call)) {
            transactions.write(() -> store.store(call, received));
        }
    }
}
