package dev.cameltiledb.client.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Where a task graph's UDF runs ({@code TGUDFEnvironment}).
 *
 * @param language              {@code python} or {@code r}; not needed for a registered UDF
 * @param languageVersion       the language's version
 * @param imageName             the image to run in
 * @param accessCredentialsName stored cloud credentials to put in its environment
 * @param namespace             the namespace to run under, when not the graph's
 * @param resourceClass         the resource class (CPU and memory limits)
 * @param resources             resources asked for this node, instead of a resource class
 * @param runClientSide         a hint to run it on the client
 * @param timeout               seconds it may run (a JSON number); null or 0 for the service's limit
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UdfEnvironment(
        String language,
        String languageVersion,
        String imageName,
        String accessCredentialsName,
        String namespace,
        String resourceClass,
        Resources resources,
        Boolean runClientSide,
        Double timeout) {

    /** What a node may use, the rest left to the graph and the service: a resource class or resources, and a time. */
    public static UdfEnvironment limits(String resourceClass, Resources resources, Double timeout) {
        return new UdfEnvironment(null, null, null, null, null, resourceClass, resources, null, timeout);
    }

    /**
     * Resources asked for one node.
     *
     * @param cpu    CPUs, Kubernetes style ({@code 500m})
     * @param memory memory, Kubernetes style ({@code 8Gi})
     * @param gpu    GPUs
     */
    public record Resources(String cpu, String memory, Integer gpu) {}
}
