package dev.cameltiledb.arraylake.emulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks {@code NewBucket} and {@code BucketModifyRequest} make in the Python client's models: names, platform,
 * auth method and the fields each method needs, which method goes with which platform, and the extra config an S3 or
 * S3-compatible bucket must carry.
 */
final class BucketRules {

    static final List<String> PLATFORMS = List.of("s3", "s3-compatible", "minio", "gs", "azure");

    /** Each auth method and the fields it must carry ({@code bucket_policy} is deprecated and refused). */
    private static final Map<String, List<String>> AUTH_METHODS = Map.of(
            "customer_managed_role", List.of("external_customer_id", "external_role_name", "shared_secret"),
            "aws_customer_managed_role", List.of("external_customer_id", "external_role_name", "shared_secret"),
            "gcp_customer_managed_role", List.of("target_service_account"),
            "r2_customer_managed_role", List.of("external_account_id", "account_api_token", "parent_access_key_id"),
            "azure_credential_delegation", List.of("tenant_id", "storage_account"),
            "hmac", List.of("access_key_id", "secret_access_key"),
            "anonymous", List.of());

    private BucketRules() {}

    /** A {@code NewBucket}: every field but {@code prefix} is required. */
    static BucketChange readNew(BodyReader body) {
        return read(body, true);
    }

    /** A {@code BucketModifyRequest}: every field optional. */
    static BucketChange readChange(BodyReader body) {
        return read(body, false);
    }

    private static BucketChange read(BodyReader body, boolean creating) {
        String nickname = body.string("nickname", creating);
        if (nickname != null) {
            body.rule("nickname", NameRules.nickname(nickname));
            nickname = nickname.strip();
        }
        String platform = body.literal("platform", PLATFORMS, null);
        if (creating && !body.has("platform")) {
            body.problem(Problem.missingBody("platform"));
        }
        String name = body.string("name", creating);
        if (name != null) {
            body.rule("name", NameRules.bucketName(name));
        }
        String prefix = body.string("prefix", false);
        if (prefix != null) {
            body.rule("prefix", NameRules.prefix(prefix));
            prefix = prefix.strip();
        }
        Map<String, Object> extra = body.object("extra_config", creating);
        if (creating && extra != null) {
            extra.forEach((key, value) -> {
                if (!(value instanceof String || value instanceof Boolean)) {
                    body.problem(new Problem(
                            List.of("body", "extra_config", key),
                            "Input should be a valid string or boolean",
                            "string_type"));
                }
            });
        }
        Map<String, Object> auth = body.object("auth_config", creating);
        if (auth != null) {
            authProblem(auth).ifPresent(body::problem);
        }
        body.check();
        return new BucketChange(nickname, platform, name, creating && prefix == null ? "" : prefix, extra, auth);
    }

    private static Optional<Problem> authProblem(Map<String, Object> auth) {
        Object method = auth.get("method");
        if (!(method instanceof String m) || !AUTH_METHODS.containsKey(m)) {
            return Optional.of(new Problem(
                    List.of("body", "auth_config"),
                    "Value error, Bucket auth config method must be one of "
                            + AUTH_METHODS.keySet().stream().sorted().toList(),
                    "value_error"));
        }
        for (String field : AUTH_METHODS.get(m)) {
            Object value = auth.get(field);
            if (!(value instanceof String text) || text.isEmpty()) {
                return Optional.of(new Problem(List.of("body", "auth_config", m, field), "Field required", "missing"));
            }
        }
        return Optional.empty();
    }

    /**
     * The checks across fields, made on the bucket as it would be (a change is merged into the stored config first):
     * a 422 on {@code ["body"]} when they fail.
     */
    static void checkCombination(String platform, Map<String, Object> extra, Map<String, Object> auth) {
        combinationProblem(platform, extra, auth).ifPresent(msg -> {
            throw ApiError.invalid(new Problem(List.of("body"), "Value error, " + msg, "value_error"));
        });
    }

    private static Optional<String> combinationProblem(
            String platform, Map<String, Object> extra, Map<String, Object> auth) {
        if (platform.equals("s3") && !extra.containsKey("region_name")) {
            return Optional.of("S3 buckets require a region_name.");
        }
        if (platform.equals("s3-compatible") && !extra.containsKey("endpoint_url")) {
            return Optional.of("S3-compatible buckets require an endpoint_url.");
        }
        String method = String.valueOf(auth.get("method"));
        if (platform.equals("azure") && method.equals("anonymous") && auth.get("storage_account") == null) {
            return Optional.of("Anonymous Azure buckets require a storage_account (the Azure storage account name).");
        }
        if ((method.equals("customer_managed_role") || method.equals("aws_customer_managed_role"))
                && !platform.equals("s3")) {
            return Optional.of("Customer managed role is only supported for s3 buckets.");
        }
        if (method.equals("gcp_customer_managed_role") && !platform.equals("gs")) {
            return Optional.of("GCP customer managed role is only supported for gs buckets.");
        }
        if (method.equals("r2_customer_managed_role")
                && !(platform.equals("s3-compatible")
                        && String.valueOf(extra.get("endpoint_url")).contains(".r2."))) {
            return Optional.of("R2 customer managed role is only supported for R2 buckets.");
        }
        if (method.equals("azure_credential_delegation") && !platform.equals("azure")) {
            return Optional.of("Azure credential delegation is only supported for azure buckets.");
        }
        return Optional.empty();
    }
}
