package dev.cameltiledb.generator;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.camel.OptionTable;

/**
 * The build's entry point (exec:java, see the component and starter poms). Each command writes what it generates into
 * the source tree, only when it changed, and records what the file held before; {@code check}, run last, fails the
 * build naming every file the build changed.
 *
 * <pre>
 * constants &lt;state-dir&gt; &lt;Constants.java&gt; &lt;class holding the OptionTable&gt; &lt;its static field&gt;
 * docs      &lt;state-dir&gt; &lt;page.adoc&gt; &lt;descriptor.json&gt; &lt;list enum values up to&gt;
 * starter   &lt;state-dir&gt; &lt;descriptor.json&gt; &lt;package&gt; &lt;class prefix&gt; &lt;java dir&gt; &lt;resources dir&gt;
 * check     &lt;state-dir&gt;
 * </pre>
 */
public final class Generator {

    private Generator() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: constants|docs|starter|check <state-dir> ...");
        }
        GeneratedFiles files = new GeneratedFiles(Path.of(args[1]));
        String[] rest = Arrays.copyOfRange(args, 2, args.length);
        switch (args[0]) {
            case "constants" -> HeaderConstants.regenerate(Path.of(rest[0]), table(rest[1], rest[2]), files);
            case "docs" ->
                new DocTables(Integer.parseInt(rest[2]))
                        .regenerate(Path.of(rest[0]), json(Files.newInputStream(Path.of(rest[1]))), files);
            case "starter" ->
                new StarterSources(json(Files.newInputStream(Path.of(rest[0]))), rest[1], rest[2])
                        .generate(Path.of(rest[3]), Path.of(rest[4]), files);
            case "check" -> files.check();
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    /** The option table of a compiled component, e.g. {@code OptionHeaders.TABLE}. */
    private static OptionTable<?> table(String className, String field) throws ReflectiveOperationException {
        Field f = Class.forName(className, true, Thread.currentThread().getContextClassLoader())
                .getDeclaredField(field);
        f.setAccessible(true);
        return (OptionTable<?>) f.get(null);
    }

    private static JsonNode json(InputStream in) throws IOException {
        try (in) {
            return new ObjectMapper().readTree(in);
        }
    }
}
