package dev.cameltiledb.emulator.data.udf;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The spec's {@code UDFInfoUpdate}: what registering or updating a UDF gives (all optional on update). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UdfInfoUpdate(
        String name,
        String language,
        String version,
        String imageName,
        String type,
        @JsonProperty("exec") String exec,
        String execRaw,
        String readme,
        String licenseId,
        String licenseText,
        List<String> tags) {

    /** A generic Python UDF of that source. */
    public static UdfInfoUpdate python(String source) {
        return new UdfInfoUpdate(null, "python", null, null, "generic", null, source, null, null, null, null);
    }
}
