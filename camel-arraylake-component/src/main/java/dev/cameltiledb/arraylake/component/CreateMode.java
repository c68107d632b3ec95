package dev.cameltiledb.arraylake.component;

import java.util.Locale;

/**
 * How repos create and getOrCreate make a repo. In upper case ({@code import} is a Java keyword); URIs and headers
 * write them as the service does, in lower case, and any case is taken.
 */
public enum CreateMode {
    /** A new repo with no data (the service's default). */
    CREATE,
    /** A repo over data that is in the bucket already. */
    REGISTER,
    /** A repo the data is imported into. */
    IMPORT;

    /** As the service spells it. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
