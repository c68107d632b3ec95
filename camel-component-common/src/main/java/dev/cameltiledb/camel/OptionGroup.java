package dev.cameltiledb.camel;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.RuntimeCamelException;

/**
 * What every {@code @UriParams} option group shares, and the configuration that holds the groups: a copy for each
 * endpoint, and for each message whose headers override one of its options. Option values are copied shallow (a value
 * is replaced, never changed in place); the option groups a configuration holds are copied with it, each one, so a
 * component's configuration declares its groups and nothing to copy them.
 */
public abstract class OptionGroup<T extends OptionGroup<T>> implements Cloneable {

    /** Per class: its fields (declared or inherited) that hold an option group. */
    private static final ClassValue<List<Field>> NESTED = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            List<Field> nested = new ArrayList<>();
            for (Class<?> c = type; c != OptionGroup.class && c != null; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers())
                            && OptionGroup.class.isAssignableFrom(field.getType())) {
                        field.setAccessible(true);
                        nested.add(field);
                    }
                }
            }
            return List.copyOf(nested);
        }
    };

    @SuppressWarnings("unchecked")
    public T copy() {
        try {
            T copy = (T) clone();
            for (Field field : NESTED.get(getClass())) {
                Object group = field.get(this);
                if (group != null) {
                    field.set(copy, ((OptionGroup<?>) group).copy());
                }
            }
            return copy;
        } catch (CloneNotSupportedException | IllegalAccessException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
