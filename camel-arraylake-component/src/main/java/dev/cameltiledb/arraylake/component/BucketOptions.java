package dev.cameltiledb.arraylake.component;

import dev.cameltiledb.camel.OptionGroup;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The bucket config of the buckets operations, and the bucket credentials of repos get and buckets get. Each can be
 * overridden per message by its header; {@code authConfig} is masked like a token.
 */
@UriParams
public class BucketOptions extends OptionGroup<BucketOptions> {

    @UriParam(
            label = "producer",
            defaultValue = "false",
            description =
                    "For repos get and buckets get: also fetch temporary credentials for the bucket into the CamelArraylakeTemporaryCredentials header (never into the body, never logged).")
    private boolean bucketCredentials = false;

    @UriParam(
            label = "producer",
            defaultValue = "read",
            enums = "read,write",
            description = "For buckets get with bucketCredentials: read or write credentials.")
    private BucketAccess access = BucketAccess.read;

    @UriParam(label = "producer", description = "The bucket config's nickname, for every buckets operation but list.")
    private String nickname;

    @UriParam(
            label = "producer",
            description =
                    "For buckets create: where the bucket is, as platform://bucket-name[/prefix] (platform s3, s3-compatible, minio, gs or azure).")
    private String bucketUri;

    @UriParam(
            label = "producer",
            description =
                    "For buckets create: the bucket's extra configuration as a JSON object (s3 needs region_name, s3-compatible endpoint_url).")
    private String extraConfig;

    @UriParam(
            label = "producer,security",
            secret = true,
            description =
                    "For buckets create: how the service reaches the bucket, a JSON object with a method key; default {\"method\": \"anonymous\"}. It may hold keys: masked like a token, never shown in an error.")
    private String authConfig;

    public boolean isBucketCredentials() {
        return bucketCredentials;
    }

    public void setBucketCredentials(boolean bucketCredentials) {
        this.bucketCredentials = bucketCredentials;
    }

    public BucketAccess getAccess() {
        return access;
    }

    public void setAccess(BucketAccess access) {
        this.access = access;
    }

    public String getNickname() {
        return nickname;
    }

    public void setNickname(String nickname) {
        this.nickname = nickname;
    }

    public String getBucketUri() {
        return bucketUri;
    }

    public void setBucketUri(String bucketUri) {
        this.bucketUri = bucketUri;
    }

    public String getExtraConfig() {
        return extraConfig;
    }

    public void setExtraConfig(String extraConfig) {
        this.extraConfig = extraConfig;
    }

    public String getAuthConfig() {
        return authConfig;
    }

    public void setAuthConfig(String authConfig) {
        this.authConfig = authConfig;
    }
}
