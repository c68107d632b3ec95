package dev.cameltiledb.client;

/**
 * Where to connect and as whom, after every credential source was consulted; {@code workspace} is null when no
 * source names one (a classic session).
 */
public record ResolvedConnection(
        String host, Credentials credentials, boolean verifySsl, String caFile, String workspace) {}
