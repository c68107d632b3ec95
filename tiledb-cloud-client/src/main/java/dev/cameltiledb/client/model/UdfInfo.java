package dev.cameltiledb.client.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A registered UDF as the service describes it ({@code UDFInfo}). Its code is not read back.
 *
 * @param type {@code generic}, {@code single_array} or {@code multi_array}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UdfInfo(
        String id,
        String name,
        String language,
        String type,
        String readme,
        String licenseId,
        String licenseText,
        List<String> tags) {}
