package dev.cameltiledb.client.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The body of register and update: only the fields that are set are sent, so an update changes just those.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ArrayInfoUpdate(
        String description,
        String name,
        String uri,
        String fileType,
        Map<String, String> fileProperties,
        String accessCredentialsName,
        String logo,
        List<String> tags,
        String licenseId,
        String licenseText,
        Boolean readOnly) {

    /** An update that changes nothing; a base for {@link #withRegistration}. */
    public static final ArrayInfoUpdate EMPTY =
            new ArrayInfoUpdate(null, null, null, null, null, null, null, null, null, null, null);

    /** A copy that registers {@code uri} under {@code name}, keeping the other fields. */
    public ArrayInfoUpdate withRegistration(String name, String uri, String accessCredentialsName) {
        return new ArrayInfoUpdate(
                description,
                name,
                uri,
                fileType,
                fileProperties,
                accessCredentialsName,
                logo,
                tags,
                licenseId,
                licenseText,
                readOnly);
    }
}
