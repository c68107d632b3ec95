package dev.cameltiledb.arraylake.client.model;

import java.time.OffsetDateTime;

/**
 * Short-lived storage credentials for a bucket, one shape per platform. They are secrets: every toString hides the
 * key material and shows only what identifies the credentials (key id prefix is not shown either).
 */
public sealed interface TemporaryCredentials
        permits TemporaryCredentials.S3, TemporaryCredentials.Gcs, TemporaryCredentials.Azure {

    /** When they stop working; null if the service did not say. */
    OffsetDateTime expiration();

    /** AWS STS-style credentials for s3, s3-compatible and minio buckets. */
    record S3(String accessKeyId, String secretAccessKey, String sessionToken, OffsetDateTime expiration)
            implements TemporaryCredentials {
        @Override
        public String toString() {
            return "S3Credentials[accessKeyId=" + Redaction.secret(accessKeyId) + ", secretAccessKey="
                    + Redaction.secret(secretAccessKey) + ", sessionToken=" + Redaction.secret(sessionToken)
                    + ", expiration=" + expiration + "]";
        }
    }

    /** A Google OAuth access token for gs buckets; the principal (a service account e-mail) is not secret. */
    record Gcs(String accessToken, String principal, OffsetDateTime expiration) implements TemporaryCredentials {
        @Override
        public String toString() {
            return "GcsCredentials[accessToken=" + Redaction.secret(accessToken) + ", principal=" + principal
                    + ", expiration=" + expiration + "]";
        }
    }

    /** A user-delegation SAS token for azure containers. */
    record Azure(String sasToken, String storageAccount, OffsetDateTime expiration) implements TemporaryCredentials {
        @Override
        public String toString() {
            return "AzureCredentials[sasToken=" + Redaction.secret(sasToken) + ", storageAccount=" + storageAccount
                    + ", expiration=" + expiration + "]";
        }
    }
}
