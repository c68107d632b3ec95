package dev.cameltiledb.emulator.data.udf;

/**
 * Stops a running UDF from outside (a task graph execution being stopped): {@link #stop()} kills its process, now or
 * as soon as it starts.
 */
public final class Cancellation {

    private volatile boolean stopped;
    private Process process;

    public synchronized void stop() {
        stopped = true;
        if (process != null) {
            PythonProcess.kill(process);
        }
    }

    public boolean stopped() {
        return stopped;
    }

    synchronized void attach(Process p) {
        this.process = p;
        if (stopped) {
            PythonProcess.kill(p);
        }
    }

    /** Nothing will stop the run. */
    public static Cancellation none() {
        return new Cancellation();
    }
}
