package dev.cameltiledb.rest;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * What a model answer must not be: {@code null}, or a record whose every component is null (what {@code {}} becomes).
 * Neither is a real answer to a call that expects a model; each client reports it as an error naming the call.
 */
public final class StrictAnswers {

    /** The accessors of each model record, looked up once per class. */
    private static final ClassValue<Method[]> RECORD_ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            return type.isRecord()
                    ? Arrays.stream(type.getRecordComponents())
                            .map(RecordComponent::getAccessor)
                            .toArray(Method[]::new)
                    : new Method[0];
        }
    };

    private StrictAnswers() {}

    /** {@code "null"} or {@code "an empty object"} when {@code value} is no answer; null when it is one. */
    public static String missing(Object value) {
        if (value == null) {
            return "null";
        }
        return isEmptyModel(value) ? "an empty object" : null;
    }

    /** A record whose every component is null: what {@code {}} becomes, never a real answer. */
    private static boolean isEmptyModel(Object value) {
        Method[] accessors = RECORD_ACCESSORS.get(value.getClass());
        if (accessors.length == 0) {
            return false;
        }
        for (Method accessor : accessors) {
            try {
                if (accessor.invoke(value) != null) {
                    return false; // usually the first component: an id or a name
                }
            } catch (ReflectiveOperationException e) {
                return false;
            }
        }
        return true;
    }
}
