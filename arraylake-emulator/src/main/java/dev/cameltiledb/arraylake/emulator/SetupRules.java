package dev.cameltiledb.arraylake.emulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builder and seed entries that need checking before they are stored: the same name and platform rules as the
 * endpoints, failing with an IllegalArgumentException that says which entry is wrong.
 */
final class SetupRules {

    /** The principal id builder-made repos and out-of-band changes are attributed to: a UUID, as {@code created_by} is. */
    static final String SETUP_PRINCIPAL = "00000000-0000-4000-8000-000000000000";

    /** Who builder-made bucket configs say created them (an email, as {@code BucketResponse.created_by} is). */
    static final String SETUP_EMAIL = "setup@emulator.example.com";

    private SetupRules() {}

    static void addBucket(
            ArraylakeState state,
            String orgName,
            String nickname,
            String platform,
            String name,
            String prefix,
            Map<String, ?> extraConfig,
            Map<String, ?> authConfig) {
        Org org = state.org(orgName)
                .orElseThrow(() -> new IllegalArgumentException("org " + orgName + " is not declared"));
        String what = "bucket config " + nickname + " of " + orgName + ": ";
        fail(what, NameRules.nickname(nickname));
        fail(what, NameRules.bucketName(name));
        fail(what, NameRules.prefix(prefix == null ? "" : prefix));
        if (!BucketRules.PLATFORMS.contains(platform)) {
            throw new IllegalArgumentException(what + "platform must be one of " + BucketRules.PLATFORMS);
        }
        Map<String, Object> extra = new LinkedHashMap<>(extraConfig == null ? Map.of() : extraConfig);
        Map<String, Object> auth = new LinkedHashMap<>(authConfig == null ? Map.of("method", "anonymous") : authConfig);
        if (!auth.containsKey("method")) {
            throw new IllegalArgumentException(what + "auth config needs a method");
        }
        BucketRules.checkCombination(platform, extra, auth);
        state.addBucket(
                org,
                new BucketChange(nickname.strip(), platform, name, prefix == null ? "" : prefix.strip(), extra, auth),
                SETUP_EMAIL,
                false);
    }

    static void addRepo(
            ArraylakeState state,
            String orgName,
            String name,
            String bucketNickname,
            String description,
            Map<String, ?> metadata) {
        Org org = state.requireOrg(orgName);
        fail("repo " + orgName + "/" + name + ": ", NameRules.repo(name));
        Map<String, Object> values = metadata == null ? null : new LinkedHashMap<>(metadata);
        if (values != null && !values.values().stream().allMatch(Metadata::isValue)) {
            throw new IllegalArgumentException("repo " + orgName + "/" + name
                    + ": metadata values are strings, numbers, booleans, null or lists of those");
        }
        state.createRepo(
                org, new RepoSpec(name, description, bucketNickname, "icechunk", values, null), SETUP_PRINCIPAL);
    }

    static void setStatus(ArraylakeState state, String orgName, String name, String mode, String message) {
        if (!RepoStatus.isMode(mode)) {
            throw new IllegalArgumentException(
                    "repo " + orgName + "/" + name + ": mode must be online, maintenance or" + " offline, was " + mode);
        }
        Org org = state.requireOrg(orgName);
        StoredRepo repo = state.requireRepo(org, name);
        org.repos()
                .replace(repo.withStatus(
                        new RepoStatus(mode, message, SETUP_PRINCIPAL),
                        state.time().after(repo.updated())));
    }

    /** An enabled compute service, its config checked as an enable request is (a 422 becomes the builder's error). */
    static void addService(
            ArraylakeState state, String orgName, String serviceType, String deploymentName, boolean isPublic) {
        Org org = state.org(orgName)
                .orElseThrow(() -> new IllegalArgumentException("org " + orgName + " is not declared"));
        ObjectMapper mapper = ArraylakeEmulator.mapper();
        ObjectNode body = mapper.createObjectNode()
                .put("service_type", serviceType)
                .put("org", orgName)
                .put("is_public", isPublic)
                .put("deployment_name", deploymentName);
        state.enableService(org, ServiceRules.config(new BodyReader(body, mapper), orgName));
    }

    private static void fail(String what, Optional<String> problem) {
        problem.ifPresent(msg -> {
            throw new IllegalArgumentException(what + msg);
        });
    }
}
