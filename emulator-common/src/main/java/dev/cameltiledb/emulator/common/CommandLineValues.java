package dev.cameltiledb.emulator.common;

/** What both emulators' command lines read from an option's value, with an error that names the option. */
public final class CommandLineValues {

    private CommandLineValues() {}

    /** The value as a whole number; an IllegalArgumentException naming {@code option} when it is not one. */
    public static int number(String value, String option) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, was " + value);
        }
    }
}
