package dev.cameltiledb.bench;

/** A background CPU load for the loaded benchmark runs: N threads that spin until the process is killed. */
public final class BusyLoad {

    private static volatile long sink;

    public static void main(String[] args) {
        int threads = Integer.parseInt(args[0]);
        for (int t = 0; t < threads; t++) {
            Thread spinner = new Thread(() -> {
                long x = 0;
                while (true) {
                    x = x * 6364136223846793005L + 1442695040888963407L;
                    if (x == 42) {
                        sink = x; // never true in practice; keeps the loop from being optimised away
                    }
                }
            });
            spinner.start();
        }
    }
}
