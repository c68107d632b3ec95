package dev.cameltiledb.emulator.classic;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The v1 user and organization answers of the spec as the emulator sends them, one record each, fields in the spec's
 * names and order. What the service leaves out when unset is left out ({@code NON_NULL}); everything else is always
 * sent.
 */
final class UserAnswers {

    private UserAnswers() {}

    /** What anyone may see of a user. */
    record PublicProfile(
            String id,
            String username,
            @JsonInclude(JsonInclude.Include.NON_NULL) String name) {}

    /** The spec's {@code User}, as its owner sees it. */
    record Profile(
            String id,
            String username,
            @JsonInclude(JsonInclude.Include.NON_NULL) String name,
            String email,
            @JsonProperty("is_valid_email") boolean validEmail,
            List<OrganizationUser> organizations,
            @JsonProperty("allowed_actions") List<String> allowedActions,
            @JsonProperty("unpaid_subscription") boolean unpaidSubscription,

            @JsonProperty("default_s3_path") @JsonInclude(JsonInclude.Include.NON_NULL)
            String defaultS3Path,

            @JsonProperty("default_s3_path_credentials_name") @JsonInclude(JsonInclude.Include.NON_NULL)
            String defaultS3PathCredentialsName,

            @JsonProperty("asset_locations") @JsonInclude(JsonInclude.Include.NON_NULL)
            Map<String, Object> assetLocations,

            @JsonProperty("default_namespace_charged") @JsonInclude(JsonInclude.Include.NON_NULL)
            String defaultNamespaceCharged) {}

    /** The spec's {@code Organization}, as one of its members sees it. */
    record OrganizationInfo(
            String id,
            String role,
            String name,
            List<OrganizationUser> users,
            @JsonProperty("allowed_actions") List<String> allowedActions,
            @JsonProperty("num_of_arrays") long numOfArrays,
            @JsonProperty("unpaid_subscription") boolean unpaidSubscription,

            @JsonProperty("default_s3_path") @JsonInclude(JsonInclude.Include.NON_NULL)
            String defaultS3Path,

            @JsonProperty("default_s3_path_credentials_name") @JsonInclude(JsonInclude.Include.NON_NULL)
            String defaultS3PathCredentialsName,

            @JsonProperty("asset_locations") @JsonInclude(JsonInclude.Include.NON_NULL)
            Map<String, Object> assetLocations) {}

    /** The spec's {@code OrganizationUser}; the name and email only where organization admins see them. */
    record OrganizationUser(
            @JsonProperty("user_id") String userId,
            @JsonProperty("organization_id") String organizationId,
            String username,
            @JsonProperty("organization_name") String organizationName,
            String role,
            @JsonProperty("allowed_actions") List<String> allowedActions,

            @JsonProperty("user_full_name") @JsonInclude(JsonInclude.Include.NON_NULL)
            String userFullName,

            @JsonProperty("user_email") @JsonInclude(JsonInclude.Include.NON_NULL)
            String userEmail) {}
}
