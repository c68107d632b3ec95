package dev.cameltiledb.emulator.data.udf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.data.ArrayEntry;
import dev.cameltiledb.emulator.data.ArrayUri;
import dev.cameltiledb.emulator.data.Caller;
import dev.cameltiledb.emulator.data.EngineException;
import dev.cameltiledb.emulator.data.ResultFormat;
import dev.cameltiledb.emulator.data.StreamedAnswer;
import dev.cameltiledb.emulator.data.cells.CellStore;
import dev.cameltiledb.emulator.data.query.QueryRanges;
import dev.cameltiledb.emulator.data.task.ArrayTask;
import dev.cameltiledb.emulator.data.task.ResultStore;
import dev.cameltiledb.emulator.data.task.TaskStart;
import dev.cameltiledb.emulator.data.task.TaskStatus;
import dev.cameltiledb.emulator.data.task.TaskStore;
import dev.cameltiledb.emulator.data.task.TaskType;

/**
 * Runs UDFs: {@code POST /v1/udfs/generic/{namespace}}, {@code /v1/udfs/arrays/{namespace}} and
 * {@code /v1/arrays/{namespace}/{array}/udf/submit}. The function (Python source, a pickle, or a registered UDF's)
 * runs in a local {@code python3} process with its arguments and array slices; its output becomes the task's logs.
 * The answer is the encoded return value; a raise, a run past the timeout or a crash is an {@link EngineException}
 * naming the task, whose logs and status message keep the traceback or the reason.
 */
public final class UdfService {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final CellStore cells;
    private final UdfRegistry registry;
    private final TaskStore tasks;
    private final PythonProcess python;
    private final Duration maxTimeout;

    public UdfService(
            CellStore cells,
            UdfRegistry registry,
            TaskStore tasks,
            String pythonExecutable,
            int maxLogBytes,
            Duration maxTimeout) {
        this.cells = cells;
        this.registry = registry;
        this.tasks = tasks;
        this.python = new PythonProcess(pythonExecutable, maxLogBytes);
        this.maxTimeout = maxTimeout;
    }

    /** {@code /v1/udfs/generic/{namespace}}: a UDF with arguments only (an argument may still be an array slice). */
    public StreamedAnswer generic(Caller caller, String namespace, UdfCall call) {
        return answer(run(caller, namespace, call, TaskType.GENERIC_UDF, NodeOutputs.NONE, Cancellation.none()));
    }

    /** {@code /v1/udfs/arrays/{namespace}}: a UDF over the slices of {@code arrays}. */
    public StreamedAnswer multiArray(Caller caller, String namespace, UdfCall call) {
        return answer(run(caller, namespace, call, TaskType.UDF, NodeOutputs.NONE, Cancellation.none()));
    }

    /**
     * {@code /v1/arrays/{namespace}/{array}/udf/submit}: a UDF over one slice of that array, given by the call's
     * {@code ranges} (or the deprecated {@code subarray}) and {@code buffers}, or by its {@code arrays}.
     */
    public StreamedAnswer singleArray(Caller caller, String namespace, String array, UdfCall call) {
        UdfCall withSlice = call;
        if (call.arrays() == null || call.arrays().isEmpty()) {
            QueryRanges ranges = call.ranges() != null
                    ? call.ranges()
                    : call.subarray() != null && !call.subarray().isNull()
                            ? UdfSlices.fromSubarray(call.subarray())
                            : null;
            withSlice = call.withArrays(
                    List.of(new UdfArrayDetails(null, ArrayUri.of(namespace, array), ranges, call.buffers())));
        }
        return answer(run(caller, namespace, withSlice, TaskType.UDF, NodeOutputs.NONE, Cancellation.none()));
    }

    /**
     * A UDF run to its end, its result kept with its task when the call asks ({@code store_results}; a task graph's
     * nodes always do): what a task graph runs for a UDF node. The run's folder is the caller's to remove
     * ({@link Ran#close()}).
     */
    public Ran run(
            Caller caller,
            String namespace,
            UdfCall call,
            TaskType type,
            NodeOutputs outputs,
            Cancellation cancellation) {
        if (call == null) {
            throw EngineException.badRequest("the UDF call has no body");
        }
        if (!caller.namespaces().contains(namespace)) {
            throw EngineException.forbidden(caller.username() + " may not run UDFs in the namespace " + namespace);
        }
        ResultFormat format = ResultFormat.parse(call.resultFormat(), ResultFormat.JSON, "result_format");
        if (format == ResultFormat.ARROW || format == ResultFormat.R_SERIALIZATION) {
            throw EngineException.badRequest("result_format " + format.wire()
                    + " is not produced by the emulator's UDFs; use json, tiledb_json, python_pickle, native or bytes");
        }
        Code code = code(caller, call);
        Arguments arguments = arguments(call);
        Map<String, ArrayEntry> arrays = new LinkedHashMap<>();
        for (String uri : UdfSlices.uris(arguments.all())) {
            arrays.put(uri, cells.readableUri(caller, uri, "the array slice's uri"));
        }
        Duration timeout = timeout(call.timeout());
        ArrayTask task = tasks.start(TaskStart.udf(
                        type,
                        call.taskName(),
                        caller.username(),
                        namespace,
                        new ArrayList<>(arrays.keySet()),
                        code.shown(),
                        "python",
                        format)
                .inGraph(call.taskGraphUuid(), call.clientNodeUuid()));
        Path folder;
        try {
            folder = Files.createTempDirectory("tiledb-udf-");
        } catch (IOException e) {
            tasks.fail(task.id(), TaskStatus.FAILED, "no folder to run the UDF in: " + e.getMessage(), "");
            throw new UncheckedIOException(e);
        }
        UdfOutcome outcome;
        try {
            UdfInput input = new UdfInput(
                    code.source(),
                    code.pickle(),
                    format,
                    arguments.positional(),
                    arguments.named(),
                    cells,
                    arrays,
                    outputs);
            outcome = python.run(folder, input, timeout, cancellation);
        } catch (EngineException e) {
            remove(folder);
            tasks.fail(task.id(), TaskStatus.FAILED, e.getMessage(), "");
            throw e.withTask(task.id());
        } catch (RuntimeException e) {
            remove(folder);
            tasks.fail(task.id(), TaskStatus.FAILED, String.valueOf(e.getMessage()), "");
            throw e;
        }
        EngineException failure = failure(outcome, timeout);
        if (failure != null) {
            TaskStatus status = outcome.end() == UdfOutcome.End.CANCELLED ? TaskStatus.CANCELLED : TaskStatus.FAILED;
            tasks.fail(task.id(), status, failure.getMessage(), outcome.logs());
            remove(folder);
            throw failure.withTask(task.id());
        }
        boolean store = Boolean.TRUE.equals(call.storeResults()) || call.taskGraphUuid() != null;
        if (store) {
            try (ResultStore.Writer kept = tasks.resultWriter(task.id());
                    InputStream in = Files.newInputStream(outcome.result())) {
                in.transferTo(kept);
                kept.commit();
            } catch (IOException e) {
                remove(folder);
                tasks.fail(
                        task.id(),
                        TaskStatus.FAILED,
                        "the result could not be kept: " + e.getMessage(),
                        outcome.logs());
                throw new UncheckedIOException(e);
            }
        }
        tasks.complete(task.id(), outcome.logs(), store);
        boolean download = !Boolean.TRUE.equals(call.dontDownloadResults());
        return new Ran(task.id(), format, outcome.result(), folder, download);
    }

    /** A UDF that returned: its task, the result's format and file (in the run's folder), whether to send it. */
    public record Ran(String taskId, ResultFormat format, Path result, Path folder, boolean download)
            implements AutoCloseable {

        /** The result, whole (a graph node's output for the nodes after it). */
        public byte[] bytes() {
            try {
                return Files.readAllBytes(result);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            remove(folder);
        }
    }

    private static StreamedAnswer answer(Ran ran) {
        return new StreamedAnswer() {
            private boolean written;

            @Override
            public int status() {
                return ran.download() ? 200 : 204;
            }

            @Override
            public String contentType() {
                return ran.format().mimeType();
            }

            @Override
            public String taskId() {
                return ran.taskId();
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                if (written) {
                    throw new IllegalStateException("the result of task " + ran.taskId() + " was written already");
                }
                written = true;
                if (ran.download()) {
                    try (InputStream in = Files.newInputStream(ran.result())) {
                        in.transferTo(out);
                    }
                }
            }

            @Override
            public void close() {
                ran.close();
            }
        };
    }

    /** The function to run and what its task shows as {@code udf_code}. */
    private record Code(String source, String pickle, String shown) {}

    private Code code(Caller caller, UdfCall call) {
        String language = call.language();
        String source = call.execRaw();
        String pickle = call.exec();
        String shown = source;
        if (call.udfInfoName() != null && !call.udfInfoName().isBlank()) {
            if (source != null || pickle != null) {
                throw EngineException.badRequest("give either udf_info_name or exec/exec_raw, not both");
            }
            UdfInfoUpdate registered = registry.executable(caller, call.udfInfoName());
            language = registered.language();
            source = registered.execRaw();
            pickle = registered.exec();
            shown = source != null ? source : call.udfInfoName();
        }
        if (language != null && !language.isBlank() && !language.equalsIgnoreCase("python")) {
            throw new EngineException(501, "the emulator runs Python UDFs only; language was '" + language + "'");
        }
        if ((source == null || source.isBlank()) && (pickle == null || pickle.isBlank())) {
            throw EngineException.badRequest(
                    "the UDF has no code: give udf_info_name (a registered UDF), exec_raw (Python source) or exec");
        }
        return new Code(source != null && !source.isBlank() ? source : null, pickle, shown);
    }

    /** Positional and named arguments, array slices among them. */
    private record Arguments(List<JsonNode> positional, Map<String, JsonNode> named) {
        List<JsonNode> all() {
            List<JsonNode> all = new ArrayList<>(positional);
            all.addAll(named.values());
            return all;
        }
    }

    private static Arguments arguments(UdfCall call) {
        List<JsonNode> positional = new ArrayList<>();
        Map<String, JsonNode> named = new LinkedHashMap<>();
        List<UdfArrayDetails> arrays = call.arrays() == null ? List.of() : call.arrays();
        if (call.argumentsJson() != null) {
            for (UdfArgument a : call.argumentsJson()) {
                JsonNode value = UdfSlices.complete(a.value() == null ? MAPPER.nullNode() : a.value(), arrays);
                if (a.name() == null || a.name().isEmpty()) {
                    positional.add(value);
                } else {
                    named.put(a.name(), value);
                }
            }
        } else if (call.argument() != null && !call.argument().isBlank()) {
            JsonNode given;
            try {
                given = MAPPER.readTree(call.argument());
            } catch (JsonProcessingException e) {
                throw EngineException.badRequest("argument must be JSON text (a list of positional arguments or an"
                        + " object of named ones), or give arguments_json: " + e.getOriginalMessage());
            }
            if (given.isArray()) {
                given.forEach(v -> positional.add(raw(v)));
            } else if (given.isObject()) {
                given.fields().forEachRemaining(e -> named.put(e.getKey(), raw(e.getValue())));
            } else {
                positional.add(raw(given));
            }
        }
        // the slices of arrays no argument refers to come first: one array, one argument; several, one list
        List<String> referred = UdfSlices.uris(new Arguments(positional, named).all());
        List<JsonNode> unreferred = arrays.stream()
                .filter(a -> a.uri() != null && !referred.contains(a.uri()))
                .map(UdfSlices::sentinel)
                .toList();
        for (UdfArrayDetails a : arrays) {
            if (a.uri() == null) {
                throw EngineException.badRequest("arrays lists an entry without a uri");
            }
        }
        if (unreferred.size() == 1) {
            positional.add(0, unreferred.get(0));
        } else if (unreferred.size() > 1) {
            positional.add(0, MAPPER.valueToTree(unreferred));
        }
        return new Arguments(positional, named);
    }

    /** Plain JSON given in {@code argument}: passed as it is, nothing in it read as a TileDB value. */
    private static JsonNode raw(JsonNode value) {
        if (!value.isContainerNode()) {
            return value;
        }
        return MAPPER.createObjectNode().put("__tdbudf__", "raw_json").set("raw_json", value);
    }

    private Duration timeout(Integer seconds) {
        if (seconds == null || seconds == 0) {
            return min(Duration.ofSeconds(900), maxTimeout);
        }
        if (seconds < 0) {
            throw EngineException.badRequest("timeout must be a positive number of seconds, was " + seconds);
        }
        return min(Duration.ofSeconds(seconds), maxTimeout);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Why a run that ended did not return, as the call's error; null when it returned. */
    private static EngineException failure(UdfOutcome outcome, Duration timeout) {
        switch (outcome.end()) {
            case COMPLETED:
                return null;
            case RAISED:
                return EngineException.badRequest("the UDF raised an exception:\n" + read(outcome.result()));
            case INVALID:
                return EngineException.badRequest("the UDF cannot run: " + read(outcome.result()));
            case TIMED_OUT:
                return new EngineException(
                        504, "the UDF ran past its timeout of " + describe(timeout) + " and was stopped");
            case CANCELLED:
                return EngineException.conflict("the UDF was stopped before it returned");
            default:
                return new EngineException(
                        500,
                        "the UDF process exited (exit code " + outcome.exitCode() + ") without returning or raising");
        }
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file)
                    ? Files.readString(file, StandardCharsets.UTF_8).strip()
                    : "";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    static void remove(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder: the system cleans it up eventually
        }
    }
}
