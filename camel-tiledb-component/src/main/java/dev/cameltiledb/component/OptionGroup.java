package dev.cameltiledb.component;

import org.apache.camel.RuntimeCamelException;

/**
 * What every option group shares: a copy for each endpoint, and for each message that overrides one of its options.
 * A shallow copy is enough: an option's value is replaced, never changed in place.
 */
abstract class OptionGroup<T extends OptionGroup<T>> implements Cloneable {

    @SuppressWarnings("unchecked")
    T copy() {
        try {
            return (T) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
