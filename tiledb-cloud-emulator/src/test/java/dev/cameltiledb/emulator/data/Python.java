package dev.cameltiledb.emulator.data;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Whether this machine has the {@code python3} the emulator runs UDFs with; tests that run UDFs assume it. */
public final class Python {

    private static final boolean PRESENT = probe();

    private Python() {}

    public static boolean present() {
        return PRESENT;
    }

    public static void assumePresent() {
        assumeTrue(PRESENT, "python3 is not on the PATH: the UDF runs are skipped (install Python 3 to run them)");
    }

    private static boolean probe() {
        try {
            Process p = new ProcessBuilder("python3", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
