package dev.cameltiledb.arraylake.client;

/** A name the service would refuse, caught before any request; the message names the rule it breaks. */
public class ArraylakeNameException extends ArraylakeException {

    private static final long serialVersionUID = 1L;

    private final String rule;

    public ArraylakeNameException(String what, String value, String rule) {
        super("Invalid " + what + " " + (value == null ? "(none)" : "'" + value + "'") + ": " + rule);
        this.rule = rule;
    }

    /** The rule the name breaks, in words. */
    public String rule() {
        return rule;
    }
}
