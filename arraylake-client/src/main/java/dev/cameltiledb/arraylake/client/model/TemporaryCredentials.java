package dev.cameltiledb.arraylake.client.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Short-lived storage credentials for a bucket, one shape per platform. They are secrets: every toString hides the
 * key material and shows only what identifies the credentials (key id prefix is not shown either).
 */
public sealed interface TemporaryCredentials
        permits TemporaryCredentials.S3, TemporaryCredentials.Gcs, TemporaryCredentials.Azure {

    /** When they stop working; null if the service did not say. */
    OffsetDateTime expiration();

    /** AWS STS-style credentials for s3, s3-compatible and minio buckets. */
    record S3(
            @JsonProperty("aws_access_key_id") String accessKeyId,
            @JsonProperty("aws_secret_access_key") String secretAccessKey,
            @JsonProperty("aws_session_token") String sessionToken,
            OffsetDateTime expiration)
            implements TemporaryCredentials {
        @Override
        public String toString() {
            return "S3Credentials[accessKeyId=" + Redaction.secret(accessKeyId) + ", secretAccessKey="
                    + Redaction.secret(secretAccessKey) + ", sessionToken=" + Redaction.secret(sessionToken)
                    + ", expiration=" + expiration + "]";
        }
    }

    /** A Google OAuth access token for gs buckets; the principal (a service account e-mail) is not secret. */
    record Gcs(@JsonProperty("access_token") String accessToken, String principal, OffsetDateTime expiration)
            implements TemporaryCredentials {
        @Override
        public String toString() {
            return "GcsCredentials[accessToken=" + Redaction.secret(accessToken) + ", principal=" + principal
                    + ", expiration=" + expiration + "]";
        }
    }

    /** A user-delegation SAS token for azure containers. */
    record Azure(
            @JsonProperty("sas_token") String sasToken,
            @JsonProperty("storage_account") String storageAccount,
            OffsetDateTime expiration)
            implements TemporaryCredentials {
        @Override
        public String toString() {
            return "AzureCredentials[sasToken=" + Redaction.secret(sasToken) + ", storageAccount=" + storageAccount
                    + ", expiration=" + expiration + "]";
        }
    }
}
