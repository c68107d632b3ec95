package dev.cameltiledb.client.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The body of registering or updating a UDF ({@code UDFInfoUpdate}); an update changes only the fields that are set.
 * {@code exec} and {@code execRaw} are as in {@link GenericUdf}.
 *
 * @param type {@code generic}, {@code single_array} or {@code multi_array}
 * @param tags lower-case words and hyphens
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UdfInfoUpdate(
        String name,
        String language,
        String version,
        String imageName,
        String type,
        String exec,
        String execRaw,
        String readme,
        String licenseId,
        String licenseText,
        List<String> tags) {

    /** A Python UDF of {@code type} given as source text (see {@link GenericUdf} on where source runs). */
    public static UdfInfoUpdate python(String name, String type, String source) {
        return new UdfInfoUpdate(name, "python", null, null, type, null, source, null, null, null, null);
    }

    /** An update of what describes the UDF (each field when not null), its code left as it is. */
    public static UdfInfoUpdate description(String readme, String licenseId, String licenseText, List<String> tags) {
        return new UdfInfoUpdate(null, null, null, null, null, null, null, readme, licenseId, licenseText, tags);
    }
}
