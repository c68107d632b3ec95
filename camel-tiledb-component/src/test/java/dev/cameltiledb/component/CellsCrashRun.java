package dev.cameltiledb.component;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.state.FileStateRepository;

/**
 * The route of {@link CellsCrashTest}: {@code tiledb:cells} into a sink behind an idempotent consumer keyed on
 * {@code CamelTileDBEventId}, every delivery also noted before that step. Run as a main (args: the emulator's URL, the
 * token, the namespace, the array, the folder) it dies as {@code kill -9} would at the worst moment: when the cursor is
 * saved after a window's exchanges all completed, before the save is written. {@link #start} runs the same route in
 * the test's JVM, with a store that does not die, for the restart.
 */
public final class CellsCrashRun {

    private CellsCrashRun() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[4]);
        try (CamelContext camel = start(args[0], args[1], args[2], args[3], dir, new HaltingState(dir))) {
            // the halt ends this JVM; should it never come, fail rather than hang the test
            Thread.sleep(120_000);
            System.out.println("the consumer never saved a closed window");
            System.exit(1);
        }
    }

    /** The route, started; {@code state} is the cursor's store. */
    static CamelContext start(
            String url, String token, String namespace, String array, Path dir, FileStateRepository state)
            throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("cursorState", state);
        camel.getRegistry()
                .bind(
                        "cellIds",
                        FileIdempotentRepository.fileIdempotentRepository(
                                dir.resolve("ids.dat").toFile()));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("tiledb:cells?host=" + url + "&apiKey=" + token + "&namespace=" + namespace + "&array=" + array
                                + "&startFrom=beginning&delay=20&stateRepository=#cursorState")
                        .process(e -> append(dir.resolve("received.txt"), e))
                        .idempotentConsumer(header(TileDBConstants.EVENT_ID))
                        .idempotentRepository("cellIds")
                        .process(e -> append(dir.resolve("sink.txt"), e));
            }
        });
        camel.start();
        return camel;
    }

    private static void append(Path file, Exchange e) throws IOException {
        Object id = e.getMessage().getBody(java.util.Map.class).get("id");
        Files.writeString(file, id + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * The cursor's store, killing its JVM on the first save of a closed window (a cursor without {@code until}) after
     * a window was opened: every exchange of the window completed, and the cursor does not yet say so.
     */
    static final class HaltingState extends FileStateRepository {

        private final Path dir;
        private boolean opened;

        HaltingState(Path dir) {
            this.dir = dir;
            setFileStore(new File(dir.toFile(), "cursor.dat"));
        }

        @Override
        public void setState(String key, String value) {
            if (value.contains("until")) {
                opened = true;
            } else if (opened) {
                try {
                    long lines = Files.readAllLines(dir.resolve("received.txt")).size();
                    Files.writeString(dir.resolve("halted.txt"), Long.toString(lines));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                Runtime.getRuntime().halt(137);
            }
            super.setState(key, value);
        }
    }
}
