package dev.cameltiledb.arraylake.component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The component descriptor that camel-package-maven-plugin generated from the annotations. */
final class Descriptor {

    private static JsonNode json;

    private Descriptor() {}

    static synchronized JsonNode json() {
        if (json == null) {
            try (InputStream in = Descriptor.class.getResourceAsStream(
                    "/META-INF/dev/cameltiledb/arraylake/component/arraylake.json")) {
                json = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return json;
    }
}
