package dev.cameltiledb.arraylake.client.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.cameltiledb.arraylake.client.ArraylakeNameException;

/**
 * A compute service to enable (the Python client's {@code enable(protocol, is_public, **kwargs)}, sent as its
 * {@code ServiceConfig}): the protocol ({@code service_type}: dap2, edr, wms, tiles, zarr, openeo, sql so far),
 * whether anyone may use it without authentication, its deployment name (the service's name and id; the service type
 * unless given), and any further {@code ServiceConfig} fields ({@code min_replicas}, {@code max_replicas},
 * {@code service_version}, {@code log_level}...) sent as they are; the service states what it refuses.
 */
public record NewService(String serviceType, boolean isPublic, String deploymentName, Map<String, Object> settings) {

    private static final Pattern SERVICE_TYPE = Pattern.compile("[a-z0-9]+");
    /** The fields this record sends itself, which {@code settings} cannot give a second time. */
    private static final Set<String> OWN_FIELDS = Set.of("service_type", "org", "is_public", "deployment_name");

    public NewService {
        if (serviceType == null || !SERVICE_TYPE.matcher(serviceType).matches()) {
            throw new ArraylakeNameException(
                    "service type", serviceType, "a protocol in lower case, such as dap2, edr, wms, tiles or zarr");
        }
        if (deploymentName != null) {
            Names.deploymentName(deploymentName);
        }
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        for (String field : settings.keySet()) {
            if (OWN_FIELDS.contains(field)) {
                throw new IllegalArgumentException(
                        field + " is given by the service type, isPublic and deploymentName, not as a setting");
            }
        }
    }

    public static NewService of(String serviceType, boolean isPublic) {
        return new NewService(serviceType, isPublic, null, Map.of());
    }

    /** The {@code ServiceConfig} JSON of this service in {@code org}. */
    public Map<String, Object> body(String org) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service_type", serviceType);
        body.put("org", org);
        body.put("is_public", isPublic);
        if (deploymentName != null) {
            body.put("deployment_name", deploymentName);
        }
        body.putAll(settings);
        return body;
    }
}
