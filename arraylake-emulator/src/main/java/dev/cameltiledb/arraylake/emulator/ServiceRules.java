package dev.cameltiledb.arraylake.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Python client's {@code ServiceConfig} model (compute/types.py), as the service validates an enable request:
 * every field with its type and default, the protocols, the log levels and the deployment name's rule. Fields the
 * model does not have are dropped, as pydantic drops them.
 */
final class ServiceRules {

    /** The protocols of {@code ServiceType}. */
    static final List<String> SERVICE_TYPES = List.of("dap2", "edr", "wms", "tiles", "zarr", "openeo", "sql");

    /** Where the service stands, {@code ServiceStatus}. */
    static final List<String> STATUSES = List.of(
            "available",
            "progressing",
            "unknown",
            "error",
            "sleeping",
            "stopped",
            "suspended",
            "quota_exceeded",
            "org_suspended");

    static final List<String> LOG_LEVELS = List.of("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL");

    private static final Pattern DEPLOYMENT_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    private static final int MAX_DEPLOYMENT_NAME = 16;

    private enum Kind {
        TEXT,
        WHOLE,
        FLAG,
        LOG_LEVEL
    }

    /** A field of the model after the four every request names, with its default; only use_dask may not be null. */
    private record Field(String name, Kind kind, Object fallback, boolean nullable) {

        Field(String name, Kind kind, Object fallback) {
            this(name, kind, fallback, true);
        }
    }

    private static final List<Field> FIELDS = List.of(
            new Field("service_version", Kind.TEXT, null),
            new Field("min_replicas", Kind.WHOLE, 1L),
            new Field("max_replicas", Kind.WHOLE, 24L),
            new Field("store_cache_ttl", Kind.WHOLE, null),
            new Field("store_cache_size", Kind.WHOLE, null),
            new Field("cache_max_age", Kind.WHOLE, 0L),
            new Field("icechunk_cache_chunk_bytes", Kind.WHOLE, null),
            new Field("icechunk_cache_chunk_ref_count", Kind.WHOLE, null),
            new Field("zarr_concurrency", Kind.WHOLE, null),
            new Field("zarr_codec_pipeline_batch_size", Kind.WHOLE, null),
            new Field("zarr_max_workers", Kind.WHOLE, null),
            new Field("log_level", Kind.LOG_LEVEL, "INFO"),
            new Field("use_dask", Kind.FLAG, Boolean.FALSE, false),
            new Field("tiles_num_threads", Kind.WHOLE, null),
            new Field("tiles_num_concurrent_data_loads", Kind.WHOLE, null),
            new Field("tiles_max_renderable_size", Kind.WHOLE, null),
            new Field("sku_code", Kind.TEXT, null),
            new Field("spot", Kind.FLAG, null),
            new Field("cpu_request", Kind.TEXT, null),
            new Field("cpu_limit", Kind.TEXT, null),
            new Field("memory_request", Kind.TEXT, null),
            new Field("memory_limit", Kind.TEXT, null));

    private ServiceRules() {}

    /**
     * The enable request's {@code ServiceConfig} with every field, defaults filled in, in the model's order; a 422
     * listing every problem otherwise. The body's {@code org} must be the path's: the Python client sends the org it
     * was made for in both.
     */
    static Map<String, Object> config(BodyReader body, String pathOrg) {
        Map<String, Object> config = new LinkedHashMap<>();
        if (!body.has("service_type")) {
            body.problem(Problem.missingBody("service_type"));
        }
        config.put("service_type", body.literal("service_type", SERVICE_TYPES, null));
        String org = body.string("org", true);
        if (org != null && !org.equals(pathOrg)) {
            body.problem(Problem.bodyValue("org", "org must be the org of the path, " + pathOrg));
        }
        config.put("org", org);
        config.put("is_public", body.bool("is_public", true));
        String deploymentName = body.string("deployment_name", false);
        if (deploymentName != null) {
            body.rule("deployment_name", deploymentName(deploymentName));
        }
        config.put("deployment_name", deploymentName);
        for (Field field : FIELDS) {
            config.put(field.name(), read(body, field));
        }
        body.check();
        return config;
    }

    /** The deployment name's problem as the model's validator words it, or empty. */
    static Optional<String> deploymentName(String name) {
        if (name.length() > MAX_DEPLOYMENT_NAME) {
            return Optional.of("deployment_name must be at most " + MAX_DEPLOYMENT_NAME + " characters");
        }
        if (!DEPLOYMENT_NAME.matcher(name).matches()) {
            return Optional.of(
                    "deployment_name must be lowercase alphanumeric with dashes, cannot start or end with dash");
        }
        return Optional.empty();
    }

    private static Object read(BodyReader body, Field field) {
        if (!body.has(field.name())) {
            if (body.present(field.name()) && !field.nullable()) {
                body.problem(Problem.body(field.name(), "Input should be a valid boolean", "bool_type"));
            }
            return body.present(field.name()) ? null : field.fallback();
        }
        return switch (field.kind()) {
            case TEXT -> body.string(field.name(), false);
            case WHOLE -> body.integer(field.name());
            case FLAG -> body.bool(field.name(), false);
            case LOG_LEVEL -> body.literal(field.name(), LOG_LEVELS, null);
        };
    }
}
