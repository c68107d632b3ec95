package dev.cameltiledb.camel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The values a numeric option takes, declared beside its {@code @UriParam}; a numeric option without it takes zero or
 * more. {@link OptionValues} holds URI values, configured values and header values to it, naming the option.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ValueRange {

    long min() default 0;

    long max() default Long.MAX_VALUE;
}
