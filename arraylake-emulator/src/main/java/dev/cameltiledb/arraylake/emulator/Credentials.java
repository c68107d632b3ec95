package dev.cameltiledb.arraylake.emulator;

import java.time.Duration;
import java.time.Instant;

/**
 * Temporary credentials for a bucket, shaped by its platform: S3-style for s3, s3-compatible and minio, an OAuth
 * access token for gs, a SAS token for azure. The service vends them only through a delegated auth method (a
 * customer-managed role or Azure delegation); an anonymous or HMAC bucket gets a 422. The values are random: the
 * emulator stores no data, so nothing ever checks them.
 */
final class Credentials {

    static final Duration LIFETIME = Duration.ofHours(1);

    private Credentials() {}

    static Object issue(BucketConfig bucket, Instant now) {
        String method = bucket.authMethod();
        if (method.equals("anonymous") || method.equals("hmac")) {
            throw ApiError.unprocessable("Bucket config " + bucket.nickname() + " uses " + method
                    + " auth: the service issues no temporary credentials for it");
        }
        String expiration = Timestamps.format(now.plus(LIFETIME));
        return switch (bucket.platform()) {
            case "gs" -> new Wire.GsCredentials("ya29." + Ids.base64(96), gcsPrincipal(bucket), expiration);
            case "azure" -> new Wire.AzureCredentials(sasToken(now), azureAccount(bucket), expiration);
            default -> new Wire.S3Credentials("ASIA" + Ids.upperAlnum(16), Ids.base64(30), Ids.base64(180), expiration);
        };
    }

    private static String gcsPrincipal(BucketConfig bucket) {
        Object account = bucket.authConfig().get("target_service_account");
        return account != null ? account.toString() : "arraylake-emulator@emulator.iam.gserviceaccount.com";
    }

    private static String azureAccount(BucketConfig bucket) {
        Object account = bucket.authConfig().get("storage_account");
        return account != null ? account.toString() : bucket.name();
    }

    private static String sasToken(Instant now) {
        return "sv=2024-11-04&ss=b&srt=co&sp=rl&se="
                + Timestamps.format(now.plus(LIFETIME)).substring(0, 19) + "Z&sig=" + Ids.hex(32);
    }
}
