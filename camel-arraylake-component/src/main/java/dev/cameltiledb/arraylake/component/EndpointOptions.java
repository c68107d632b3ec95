package dev.cameltiledb.arraylake.component;

import org.apache.camel.RuntimeCamelException;

/**
 * A group of options read once, when an endpoint starts. Each endpoint gets its own copy of the component's; the
 * copy is shallow because a value is only ever replaced, never changed in place.
 */
abstract class EndpointOptions<S extends EndpointOptions<S>> implements Cloneable {

    @SuppressWarnings("unchecked")
    S copy() {
        try {
            return (S) super.clone();
        } catch (CloneNotSupportedException impossible) {
            throw new RuntimeCamelException(impossible);
        }
    }
}
