package dev.cameltiledb.emulator.data.task;

/** The spec's {@code ArrayTaskStatus}, as far as the engine's tasks reach. */
public enum TaskStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELLED;

    /** Done: the task will not change again. */
    public boolean terminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
