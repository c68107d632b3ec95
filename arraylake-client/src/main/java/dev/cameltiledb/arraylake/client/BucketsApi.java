package dev.cameltiledb.arraylake.client;

import java.util.List;

import dev.cameltiledb.arraylake.client.model.BucketConfig;
import dev.cameltiledb.arraylake.client.model.BucketConfigChange;
import dev.cameltiledb.arraylake.client.model.NewBucketConfig;
import dev.cameltiledb.arraylake.client.model.Repo;
import dev.cameltiledb.arraylake.client.model.TemporaryCredentials;

/** Bucket configurations of an org, addressed by nickname. */
public final class BucketsApi {

    BucketsApi() {}

    public BucketConfig create(String org, NewBucketConfig spec) {
        throw new UnsupportedOperationException("not yet");
    }

    public List<BucketConfig> list(String org) {
        throw new UnsupportedOperationException("not yet");
    }

    public BucketConfig get(String org, String nickname) {
        throw new UnsupportedOperationException("not yet");
    }

    public BucketConfig modify(String org, String nickname, BucketConfigChange change) {
        throw new UnsupportedOperationException("not yet");
    }

    public void setDefault(String org, String nickname) {
        throw new UnsupportedOperationException("not yet");
    }

    public List<Repo> reposUsing(String org, String nickname) {
        throw new UnsupportedOperationException("not yet");
    }

    public void delete(String org, String nickname, boolean confirmed) {
        throw new UnsupportedOperationException("not yet");
    }

    public TemporaryCredentials credentials(String org, String nickname, String access) {
        throw new UnsupportedOperationException("not yet");
    }
}
