package dev.cameltiledb.camel;

import org.apache.camel.RuntimeCamelException;

/**
 * What every {@code @UriParams} option group shares: a copy for each endpoint, and for each message whose headers
 * override one of its options. A shallow copy is enough: an option's value is replaced, never changed in place.
 */
public abstract class OptionGroup<T extends OptionGroup<T>> implements Cloneable {

    @SuppressWarnings("unchecked")
    public T copy() {
        try {
            return (T) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
