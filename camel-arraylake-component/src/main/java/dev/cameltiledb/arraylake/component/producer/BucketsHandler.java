package dev.cameltiledb.arraylake.component.producer;

import java.util.Map;

import dev.cameltiledb.arraylake.client.ArraylakeClient;
import dev.cameltiledb.arraylake.client.BucketsApi;
import dev.cameltiledb.arraylake.client.model.BucketConfigChange;
import dev.cameltiledb.arraylake.client.model.NewBucketConfig;
import dev.cameltiledb.arraylake.component.ArraylakeOperation;
import dev.cameltiledb.arraylake.component.ArraylakeOptionException;
import dev.cameltiledb.arraylake.component.ArraylakeResource;
import dev.cameltiledb.arraylake.component.BucketAccess;
import dev.cameltiledb.arraylake.component.BucketOptions;
import org.apache.camel.Message;

/**
 * {@code arraylake:buckets}: the bucket configs of an org, addressed by nickname (the client finds the config's id):
 * list, get, create, modify, setDefault, listRepos, delete.
 */
final class BucketsHandler implements ResourceHandler {

    @Override
    public void handle(ArraylakeOperation operation, MessageOptions options, Message message, ArraylakeClient client) {
        BucketsApi buckets = client.buckets();
        String org = options.org();
        switch (operation) {
            case list -> message.setBody(options.unpaged(buckets.list(org)));
            case get -> {
                String nickname = nickname(options);
                BucketAccess access = options.buckets().getAccess();
                options.replyWithCredentials(
                        buckets.get(org, nickname),
                        () -> buckets.credentials(org, nickname, access == null ? null : access.name()));
            }
            case create -> message.setBody(buckets.create(org, newConfig(options, message)));
            case modify -> message.setBody(buckets.modify(org, nickname(options), change(message)));
            case setDefault -> {
                buckets.setDefault(org, nickname(options));
                message.setBody(null);
            }
            case listRepos -> message.setBody(options.unpaged(buckets.reposUsing(org, nickname(options))));
            case delete -> {
                String nickname = nickname(options);
                options.deleteConfirmed(confirmed -> buckets.delete(org, nickname, confirmed));
            }
            default -> throw ResourceHandler.notHandled(ArraylakeResource.buckets, operation);
        }
    }

    private static String nickname(MessageOptions options) {
        return options.required(options.buckets().getNickname(), "nickname");
    }

    /** A NewBucketConfig body as it is, else nickname, bucketUri, extraConfig and authConfig. */
    private static NewBucketConfig newConfig(MessageOptions options, Message message) {
        if (message.getBody() instanceof NewBucketConfig given) {
            return given;
        }
        BucketOptions b = options.buckets();
        return NewBucketConfig.fromUri(
                nickname(options),
                options.required(b.getBucketUri(), "bucketUri"),
                options.jsonObject(b.getExtraConfig(), "extraConfig"),
                options.jsonObject(b.getAuthConfig(), "authConfig"));
    }

    /** The body: a BucketConfigChange, or a Map of the fields to change (nickname, prefix, extra_config...). */
    @SuppressWarnings("unchecked")
    private static BucketConfigChange change(Message message) {
        Object body = message.getBody();
        if (body instanceof BucketConfigChange given) {
            return given;
        }
        if (!(body instanceof Map<?, ?> fields)) {
            throw new ArraylakeOptionException("arraylake:buckets operation modify takes the changes as the body: a"
                    + " Map of the fields to change (nickname, platform, name, prefix, extra_config, auth_config) or a"
                    + " BucketConfigChange");
        }
        try {
            return BucketConfigChange.fromMap((Map<String, Object>) fields);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new ArraylakeOptionException("arraylake:buckets operation modify: " + e.getMessage(), e);
        }
    }
}
