package dev.cameltiledb.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.cameltiledb.camel.OptionTable;

/**
 * The option-header constants of a component's constants class ({@code TileDBConstants}, {@code ArraylakeConstants}):
 * one {@code @Metadata} constant per message option of its {@link OptionTable}, between the lines
 * {@code // option headers: START} and {@code // option headers: END}. camel-package-maven-plugin reads these
 * constants into the descriptor's header list.
 *
 * <p>The section is written as palantir-java-format lays it out, and rewritten only when its content differs from the
 * options: it is compared without whitespace, so where the formatter's layout differs from the generator's (a case the
 * generator does not know), {@code mvn spotless:apply} settles it once and the generator leaves it so.
 */
final class HeaderConstants {

    static final String START = "    // option headers: START";
    static final String END = "    // option headers: END";

    /** The formatter's line length. */
    private static final int LINE = 120;

    private HeaderConstants() {}

    /** The source with its option-header section made of {@code options}; the rest of the file as it was. */
    static String regenerated(String source, List<OptionTable.Option> options) {
        int startLine = source.indexOf(START);
        int end = source.indexOf(END);
        if (startLine < 0 || end < startLine) {
            throw new IllegalArgumentException("the constants class lacks the lines '" + START.strip() + "' and '"
                    + END.strip() + "' around its option headers");
        }
        int start = source.indexOf('\n', startLine) + 1;
        String section = source.substring(start, end);
        // the blank lines at both ends of the section stay as the file has them
        int firstCode = section.length() - section.stripLeading().length();
        String leading = section.substring(0, section.lastIndexOf('\n', firstCode) + 1);
        String trailing = section.substring(section.stripTrailing().length());
        List<String> constants = new ArrayList<>();
        for (OptionTable.Option option : options) {
            constants.add(constant(option));
        }
        String generated = String.join("\n\n", constants);
        if (normalized(generated).equals(normalized(section))) {
            return source;
        }
        return source.substring(0, start) + leading + generated + trailing + source.substring(end);
    }

    static void regenerate(Path source, OptionTable<?> table, GeneratedFiles files) throws IOException {
        files.write(source, regenerated(Files.readString(source), table.messageOptions()));
    }

    private static String constant(OptionTable.Option option) {
        List<String> arguments = new ArrayList<>();
        arguments.add("label = \"producer\"");
        arguments.add("description = \"" + escape("Overrides the " + option.name() + " option. " + option.description())
                + "\"");
        arguments.add("javaType = \"" + option.headerJavaType() + "\"");
        // the values as the option lists them (an enum in upper case lists its constants otherwise)
        if (!option.param().enums().isEmpty()) {
            arguments.add("enums = \"" + option.param().enums() + "\"");
        }
        return annotation(arguments) + "\n    public static final String " + constantName(option.name()) + " = \""
                + option.header() + "\";";
    }

    /**
     * {@code @Metadata(...)} as the formatter lays it out: on one line when it fits, else one argument a line, and a
     * value that does not fit beside its name on a line of its own.
     */
    private static String annotation(List<String> arguments) {
        String oneLine = "    @Metadata(" + String.join(", ", arguments) + ")";
        if (oneLine.length() <= LINE) {
            return oneLine;
        }
        StringBuilder out = new StringBuilder("    @Metadata(");
        for (int i = 0; i < arguments.size(); i++) {
            String line = "            " + arguments.get(i) + (i + 1 < arguments.size() ? "," : ")");
            if (line.length() > LINE) {
                int eq = line.indexOf(" = ");
                line = line.substring(0, eq) + " =\n                    " + line.substring(eq + 3);
            }
            out.append('\n').append(line);
        }
        return out.toString();
    }

    /** {@code tiledbUri} → {@code TILEDB_URI}. */
    static String constantName(String option) {
        return option.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** The content without its layout: no whitespace, a string literal split by the formatter joined again. */
    static String normalized(String source) {
        return source.replaceAll("\"\\s*\\+\\s*\"", "").replaceAll("\\s+", "");
    }
}
