package dev.cameltiledb.arraylake.client;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cameltiledb.arraylake.client.model.BucketConfig;
import dev.cameltiledb.arraylake.client.model.BucketConfigChange;
import dev.cameltiledb.arraylake.client.model.Names;
import dev.cameltiledb.arraylake.client.model.NewBucketConfig;
import dev.cameltiledb.arraylake.client.model.Repo;
import dev.cameltiledb.arraylake.client.model.TemporaryCredentials;

/**
 * Bucket configurations of an org, addressed by nickname as people and the Python client name them. The service
 * addresses them by id, so each call by nickname first lists the org's configs (a handful per org) to find the id:
 * one extra request, but never a stale id from a cache after someone renamed or recreated a config.
 */
public final class BucketsApi {

    private static final TypeReference<List<BucketConfig>> CONFIGS = new TypeReference<>() {};
    private static final TypeReference<List<Repo>> REPOS = new TypeReference<>() {};

    private final Transport transport;

    BucketsApi(Transport transport) {
        this.transport = transport;
    }

    public BucketConfig create(String org, NewBucketConfig spec) {
        Names.org(org);
        return transport.read(Call.of("POST", "orgs", org, "buckets").body(spec), BucketConfig.class);
    }

    public List<BucketConfig> list(String org) {
        Names.org(org);
        return transport.read(Call.get("orgs", org, "buckets"), CONFIGS);
    }

    public BucketConfig get(String org, String nickname) {
        return transport.read(Call.get("orgs", org, "buckets", idOf(org, nickname)), BucketConfig.class);
    }

    public BucketConfig modify(String org, String nickname, BucketConfigChange change) {
        String id = idOf(org, nickname);
        return transport.read(Call.of("PATCH", "orgs", org, "buckets", id).body(change), BucketConfig.class);
    }

    /** Makes this config the org's default, used by repos created without a bucket nickname. */
    public void setDefault(String org, String nickname) {
        transport.send(Call.of("POST", "orgs", org, "buckets", idOf(org, nickname), "default"));
    }

    /** The live repos stored in this bucket config. */
    public List<Repo> reposUsing(String org, String nickname) {
        return transport.read(Call.get("orgs", org, "buckets", idOf(org, nickname), "repos"), REPOS);
    }

    /** Deletes the config (the service refuses with 409 while live repos use it); without {@code confirmed} nothing is sent. */
    public void delete(String org, String nickname, boolean confirmed) {
        if (!confirmed) {
            throw new ArraylakeConfirmationException("Deleting bucket config " + nickname + " of org " + org
                    + " needs confirmation (confirmed=true); nothing was sent");
        }
        transport.send(Call.of("DELETE", "orgs", org, "buckets", idOf(org, nickname)));
    }

    /** Short-lived credentials for the bucket; {@code access} is {@code read} (null too) or {@code write}. */
    public TemporaryCredentials credentials(String org, String nickname, String access) {
        String mode = access == null ? "read" : access.toLowerCase(Locale.ROOT);
        if (!mode.equals("read") && !mode.equals("write")) {
            throw new ArraylakeNameException("bucket access", access, "read or write");
        }
        Call call = Call.get("orgs", org, "buckets", idOf(org, nickname), "credentials")
                .query("access", mode);
        return CredentialsShape.read(transport.tree(call));
    }

    private String idOf(String org, String nickname) {
        Names.org(org);
        Names.nickname(nickname);
        for (BucketConfig config : list(org)) {
            if (nickname.equals(config.nickname())) {
                return config.id();
            }
        }
        throw new ArraylakeNotFoundException(
                404,
                "No bucket config with nickname '" + nickname + "' in org " + org,
                null,
                "GET",
                "/orgs/" + org + "/buckets");
    }
}
