package dev.cameltiledb.arraylake.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This client's version for the {@code client-version} header, from the properties Maven puts in the jar. */
final class ClientVersion {

    static final String VALUE = read();

    private ClientVersion() {}

    private static String read() {
        try (InputStream in = ClientVersion.class.getResourceAsStream(
                "/META-INF/maven/dev.cameltiledb/arraylake-client/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "dev");
            }
        } catch (IOException ignored) {
            // running from classes (tests, IDE): no jar metadata
        }
        return "dev";
    }
}
