package dev.cameltiledb.emulator.data.udf;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The spec's {@code UDFInfo}: a registered UDF as {@code GET /v1/udf/{ns}/{name}} answers it (its code is not read back). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UdfInfo(
        String id,
        String name,
        String language,
        String type,
        String readme,
        String licenseId,
        String licenseText,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<String> tags) {}
