package dev.cameltiledb.emulator.data.udf;

import java.nio.file.Path;

/**
 * How a UDF process ended: its result file (the encoded return value, the traceback, or why the request cannot run),
 * its output (the task's logs), and the exit code.
 */
record UdfOutcome(End end, Path result, String logs, int exitCode) {

    enum End {
        /** Returned; the result file holds the value. */
        COMPLETED,
        /** Raised; the result file holds the traceback. */
        RAISED,
        /** Could not run (no function, bad pickle, an argument it cannot decode); the result file says why. */
        INVALID,
        /** Ended without saying how (killed, {@code os._exit}). */
        CRASHED,
        /** Ran past its timeout and was killed. */
        TIMED_OUT,
        /** Stopped from outside (a task graph execution stopped). */
        CANCELLED
    }
}
