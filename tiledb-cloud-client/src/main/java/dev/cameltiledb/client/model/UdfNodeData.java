package dev.cameltiledb.client.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The UDF of a task graph node ({@code TGUDFNodeData}): a registered one by name, or code of its own
 * ({@code executableCode}, base64 serialised as the language does it; {@code sourceText} for reference only).
 *
 * @param registeredUdfName the registered UDF, {@code namespace/name}
 * @param executableCode    the serialised function (base64)
 * @param sourceText        its source
 * @param environment       where and how it runs
 * @param arguments         its arguments, positional then named
 * @param resultFormat      the result's format ({@code json}, {@code native}...)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UdfNodeData(
        String registeredUdfName,
        String executableCode,
        String sourceText,
        UdfEnvironment environment,
        List<UdfArgument> arguments,
        String resultFormat) {

    /** The registered UDF {@code namespace/name} with {@code arguments}, its result as JSON. */
    public static UdfNodeData registered(String name, List<UdfArgument> arguments) {
        return new UdfNodeData(
                name,
                null,
                null,
                null,
                arguments == null ? null : List.copyOf(arguments),
                ResultFormat.JSON.wireName());
    }

    /** A copy that runs in {@code environment}. */
    public UdfNodeData withEnvironment(UdfEnvironment environment) {
        return new UdfNodeData(registeredUdfName, executableCode, sourceText, environment, arguments, resultFormat);
    }
}
