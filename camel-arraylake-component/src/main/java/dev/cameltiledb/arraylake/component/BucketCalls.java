package dev.cameltiledb.arraylake.component;

import java.util.Map;

import dev.cameltiledb.arraylake.client.ArraylakeClient;
import dev.cameltiledb.arraylake.client.BucketsApi;
import dev.cameltiledb.arraylake.client.model.BucketConfigChange;
import dev.cameltiledb.arraylake.client.model.NewBucketConfig;

/**
 * {@code arraylake:buckets}: the bucket configs of an org, addressed by nickname (the client finds the config's id):
 * list, get, create, modify, setDefault, listRepos, delete.
 */
final class BucketCalls implements ResourceCalls {

    @Override
    public void run(MessageCall call, ArraylakeClient client) {
        BucketsApi buckets = client.buckets();
        String org = call.org();
        switch (call.operation) {
            case list -> call.message.setBody(call.unpaged(buckets.list(org)));
            case get -> {
                String nickname = call.nickname();
                call.replyWithCredentials(
                        buckets.get(org, nickname), () -> buckets.credentials(org, nickname, call.options.getAccess()));
            }
            case create -> call.message.setBody(buckets.create(org, newConfig(call)));
            case modify -> call.message.setBody(buckets.modify(org, call.nickname(), change(call)));
            case setDefault -> {
                buckets.setDefault(org, call.nickname());
                call.message.setBody(null);
            }
            case listRepos -> call.message.setBody(call.unpaged(buckets.reposUsing(org, call.nickname())));
            case delete -> {
                String nickname = call.nickname();
                call.deleteConfirmed(confirmed -> buckets.delete(org, nickname, confirmed));
            }
            default -> throw ResourceCalls.unhandled(call);
        }
    }

    /** A NewBucketConfig body as it is, else nickname, bucketUri, extraConfig and authConfig. */
    private static NewBucketConfig newConfig(MessageCall call) {
        if (call.message.getBody() instanceof NewBucketConfig given) {
            return given;
        }
        ArraylakeConfiguration o = call.options;
        return NewBucketConfig.fromUri(
                call.nickname(),
                call.required(o.getBucketUri(), "bucketUri"),
                call.jsonObject(o.getExtraConfig(), "extraConfig"),
                call.jsonObject(o.getAuthConfig(), "authConfig"));
    }

    /** The body: a BucketConfigChange, or a Map of the fields to change (nickname, prefix, extra_config...). */
    private static BucketConfigChange change(MessageCall call) {
        Object body = call.message.getBody();
        if (body instanceof BucketConfigChange given) {
            return given;
        }
        Map<String, Object> fields = call.mapBody();
        if (fields == null) {
            throw new ArraylakeOptionException("arraylake:buckets operation modify takes the changes as the body: a"
                    + " Map of the fields to change (nickname, platform, name, prefix, extra_config, auth_config) or a"
                    + " BucketConfigChange");
        }
        try {
            return BucketConfigChange.fromMap(fields);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new ArraylakeOptionException("arraylake:buckets operation modify: " + e.getMessage(), e);
        }
    }
}
