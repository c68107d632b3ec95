package dev.cameltiledb.camel;

/**
 * How a component reports an option it cannot take: its own exception type (the one its users catch), with the
 * message the shared checks write. The cause may be null.
 */
@FunctionalInterface
public interface OptionErrors {

    RuntimeException error(String message, Throwable cause);
}
