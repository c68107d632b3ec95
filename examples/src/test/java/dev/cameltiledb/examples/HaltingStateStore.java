package dev.cameltiledb.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The audit's cursor store, made to kill its JVM at the worst moment: on the n-th cursor save, after the exchange
 * completed (the line is in the file, the id in the idempotent repository) and before the cursor is written. It first
 * notes how many audit lines existed, then halts the JVM as {@code kill -9} would: no shutdown hook, no flush.
 */
public class HaltingStateStore extends FileStateStore {

    private int haltAt;
    private int cursorSaves;
    private String auditDir;

    public void setHaltAt(int haltAt) {
        this.haltAt = haltAt;
    }

    public void setAuditDir(String auditDir) {
        this.auditDir = auditDir;
    }

    @Override
    public void setState(String key, String value) {
        if (key.contains("|") && ++cursorSaves == haltAt) {
            try {
                long lines = 0;
                try (var files = Files.list(Path.of(auditDir))) {
                    for (Path f : files.toList()) {
                        lines += Files.readAllLines(f).size();
                    }
                }
                Files.writeString(Path.of(auditDir).resolveSibling("halted.txt"), Long.toString(lines));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().halt(137);
        }
        super.setState(key, value);
    }
}
