package dev.cameltiledb.client.model;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.cameltiledb.rest.JsonMappers;

/**
 * A UDF to run ({@code GenericUDF}, the body of {@code POST /v1/udfs/generic/{namespace}}), and the common part of
 * {@link MultiArrayUdf}: a registered UDF by name ({@code udfInfoName}, {@code namespace/name}) or code of its own.
 * <p>
 * Code: the service runs {@code exec}, the function serialised as the language does it (a base64 cloudpickle for
 * Python, which only Python can make); {@code execRaw} is its source, which the service keeps "for showing in UI". A
 * Java caller can give source only ({@link #python}): the emulator runs it; TileDB Cloud may not, so there register the
 * UDF from Python once and run it by name.
 *
 * @param udfInfoName           the registered UDF, {@code namespace/name}; not with {@code exec}
 * @param language              {@code python} or {@code r}
 * @param version               the language's version ({@code 3.9.15})
 * @param imageName             the image to run in
 * @param accessCredentialsName stored cloud credentials to put in the UDF's environment
 * @param resourceClass         the resource class (CPU and memory limits) to run in
 * @param exec                  the serialised function (base64)
 * @param execRaw               its source text
 * @param argument              the arguments as JSON text: an array is positional, an object named
 * @param storedParamUuids      stored results to pass as arguments
 * @param resultFormat          the result's format; the calls of this client send {@code json} when it is null
 * @param taskName              the task's name
 * @param storeResults          keep the result for {@code GET /v1/task/{id}/result}
 * @param timeout               seconds the UDF may run (the service's default is 900)
 * @param dontDownloadResults   answer without the result
 * @param taskGraphUuid         the task graph log the run belongs to
 * @param clientNodeUuid        the node of that graph it is
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GenericUdf(
        String udfInfoName,
        String language,
        String version,
        String imageName,
        String accessCredentialsName,
        String resourceClass,
        String exec,
        String execRaw,
        String argument,
        List<String> storedParamUuids,
        ResultFormat resultFormat,
        String taskName,
        Boolean storeResults,
        Integer timeout,
        Boolean dontDownloadResults,
        String taskGraphUuid,
        String clientNodeUuid) {

    private static final ObjectMapper JSON = JsonMappers.builder().build();

    /** The registered UDF {@code namespace/name} ({@code name@2024-01-01T10:00} picks a version by time). */
    public static Builder registered(String udfInfoName) {
        return new Builder().udfInfoName(udfInfoName);
    }

    /** A Python function given as source text ({@code execRaw}); see the class comment for where it runs. */
    public static Builder python(String source) {
        return new Builder().language("python").execRaw(source);
    }

    /** A copy with {@code format}. */
    public GenericUdf withResultFormat(ResultFormat format) {
        return toBuilder().resultFormat(format).build();
    }

    public Builder toBuilder() {
        return new Builder()
                .udfInfoName(udfInfoName)
                .language(language)
                .version(version)
                .imageName(imageName)
                .accessCredentialsName(accessCredentialsName)
                .resourceClass(resourceClass)
                .exec(exec)
                .execRaw(execRaw)
                .argument(argument)
                .storedParamUuids(storedParamUuids)
                .resultFormat(resultFormat)
                .taskName(taskName)
                .storeResults(storeResults)
                .timeout(timeout)
                .dontDownloadResults(dontDownloadResults)
                .taskGraph(taskGraphUuid, clientNodeUuid);
    }

    /** Builds a {@link GenericUdf}; unset fields are not sent. */
    public static final class Builder {
        private String udfInfoName;
        private String language;
        private String version;
        private String imageName;
        private String accessCredentialsName;
        private String resourceClass;
        private String exec;
        private String execRaw;
        private String argument;
        private List<String> storedParamUuids;
        private ResultFormat resultFormat;
        private String taskName;
        private Boolean storeResults;
        private Integer timeout;
        private Boolean dontDownloadResults;
        private String taskGraphUuid;
        private String clientNodeUuid;

        private Builder() {}

        public Builder udfInfoName(String udfInfoName) {
            this.udfInfoName = udfInfoName;
            return this;
        }

        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public Builder version(String version) {
            this.version = version;
            return this;
        }

        public Builder imageName(String imageName) {
            this.imageName = imageName;
            return this;
        }

        public Builder accessCredentialsName(String accessCredentialsName) {
            this.accessCredentialsName = accessCredentialsName;
            return this;
        }

        public Builder resourceClass(String resourceClass) {
            this.resourceClass = resourceClass;
            return this;
        }

        public Builder exec(String exec) {
            this.exec = exec;
            return this;
        }

        public Builder execRaw(String source) {
            this.execRaw = source;
            return this;
        }

        /** The arguments as JSON text, sent as they are. */
        public Builder argument(String json) {
            this.argument = json;
            return this;
        }

        /**
         * The arguments as values, sent as JSON text: a {@link List} for positional arguments, a {@link java.util.Map}
         * for named ones (what TileDB's JavaScript and Java clients send).
         */
        public Builder arguments(Object values) {
            try {
                this.argument = values == null ? null : JSON.writeValueAsString(values);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(
                        "The UDF's arguments cannot be written as JSON: " + e.getOriginalMessage(), e);
            }
            return this;
        }

        public Builder storedParamUuids(List<String> uuids) {
            this.storedParamUuids = uuids == null ? null : List.copyOf(uuids);
            return this;
        }

        public Builder resultFormat(ResultFormat format) {
            this.resultFormat = format;
            return this;
        }

        public Builder taskName(String taskName) {
            this.taskName = taskName;
            return this;
        }

        public Builder storeResults(Boolean store) {
            this.storeResults = store;
            return this;
        }

        /** Seconds the UDF may run before the service stops it. */
        public Builder timeout(Integer seconds) {
            this.timeout = seconds;
            return this;
        }

        public Builder dontDownloadResults(Boolean dontDownload) {
            this.dontDownloadResults = dontDownload;
            return this;
        }

        /** Marks the run as node {@code clientNodeUuid} of the task graph log {@code taskGraphUuid}. */
        public Builder taskGraph(String taskGraphUuid, String clientNodeUuid) {
            this.taskGraphUuid = taskGraphUuid;
            this.clientNodeUuid = clientNodeUuid;
            return this;
        }

        public GenericUdf build() {
            return new GenericUdf(
                    udfInfoName,
                    language,
                    version,
                    imageName,
                    accessCredentialsName,
                    resourceClass,
                    exec,
                    execRaw,
                    argument,
                    storedParamUuids,
                    resultFormat,
                    taskName,
                    storeResults,
                    timeout,
                    dontDownloadResults,
                    taskGraphUuid,
                    clientNodeUuid);
        }
    }
}
