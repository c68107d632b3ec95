package dev.cameltiledb.client;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/** A hook to change anything of the HttpClient the client builds, after the client's own settings are applied. */
@FunctionalInterface
public interface HttpClientConfigurer {

    void configure(HttpClientBuilder builder);
}
