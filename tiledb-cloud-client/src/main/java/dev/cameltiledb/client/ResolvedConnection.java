package dev.cameltiledb.client;

/** Where to connect and as whom, after every credential source was consulted. */
public record ResolvedConnection(String host, Credentials credentials, boolean verifySsl, String caFile) {}
