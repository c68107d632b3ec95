package dev.cameltiledb.emulator.classic;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dev.cameltiledb.emulator.User;
import dev.cameltiledb.emulator.common.StreamedBody;
import dev.cameltiledb.emulator.data.ArrayEntry;
import dev.cameltiledb.emulator.data.Caller;
import dev.cameltiledb.emulator.data.DataEngine;
import dev.cameltiledb.emulator.data.EngineException;
import dev.cameltiledb.emulator.data.StreamedAnswer;
import dev.cameltiledb.emulator.http.ApiFailure;
import dev.cameltiledb.emulator.http.Handler;
import dev.cameltiledb.emulator.http.HttpCall;
import dev.cameltiledb.emulator.state.EmulatorState;
import dev.cameltiledb.emulator.state.StoredArray;

/**
 * What the data plane's routes share: the engine of the running emulator, the caller as the engine sees them, the
 * engine's failures as the service's error answers (with the task they left in {@code X-TILEDB-CLOUD-TASK-ID}), and
 * its streamed answers sent as they are produced.
 */
final class EngineCalls {

    static final String TASK_ID_HEADER = "X-TILEDB-CLOUD-TASK-ID";

    private final EmulatorState state;
    private final Supplier<DataEngine> engine;

    EngineCalls(EmulatorState state, Supplier<DataEngine> engine) {
        this.state = state;
        this.engine = engine;
    }

    DataEngine engine() {
        return engine.get();
    }

    /** The engine's failures answered as the spec's {@code Error}, naming the task they left when there is one. */
    static Handler guarded(Handler handler) {
        return call -> {
            try {
                handler.handle(call);
            } catch (EngineException e) {
                throw e.taskId() == null
                        ? new ApiFailure(e.status(), e.getMessage())
                        : new ApiFailure(e.status(), e.getMessage(), Map.of(TASK_ID_HEADER, e.taskId()));
            }
        };
    }

    /**
     * The authenticated user as the engine asks about them: their namespaces as they are now, and read access to an
     * array by the catalog's sharing rules, asked when the engine needs it (in a transaction of its own).
     */
    Caller caller(HttpCall call) {
        User user = call.user();
        Set<String> namespaces =
                state.transactions().read(() -> Set.copyOf(state.accounts().namespacesOf(user)));
        return new Caller() {
            @Override
            public String username() {
                return user.username();
            }

            @Override
            public Set<String> namespaces() {
                return namespaces;
            }

            @Override
            public boolean mayRead(ArrayEntry array) {
                return state.transactions().read(() -> {
                    StoredArray stored = state.catalog().array(array.id());
                    return stored != null
                            && state.access().actionsOf(user, stored).contains("read");
                });
            }
        };
    }

    /** Sends the engine's answer: its status and task id now, its body as the engine produces it. */
    static void send(HttpCall call, StreamedAnswer answer) {
        call.stream(answer.status(), Map.of(TASK_ID_HEADER, answer.taskId()), new Body(answer));
    }

    /** An engine answer as the dispatcher writes streamed bodies: length unknown (chunked), recorded as written. */
    private record Body(StreamedAnswer answer) implements StreamedBody {
        @Override
        public String contentType() {
            return answer.contentType();
        }

        @Override
        public long length() {
            return answer.status() == 204 ? 0 : -1;
        }

        @Override
        public byte[] head() {
            return null;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            answer.writeTo(out);
        }

        @Override
        public void close() {
            answer.close();
        }
    }
}
