package dev.cameltiledb.emulator.classic;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The notebook and file upload and copy answers of the spec as the emulator sends them, one record each. */
final class NotebookAnswers {

    private NotebookAnswers() {}

    /** A file uploaded, or a notebook by the v1 form upload: the spec's {@code FileUploaded}. */
    record FileUploaded(
            @JsonProperty("output_uri") String outputUri,
            @JsonProperty("file_name") String fileName,
            String id) {}

    /** A notebook uploaded by the v2 raw upload: the spec's {@code NotebookUploaded}. */
    record NotebookUploaded(@JsonProperty("output_uri") String outputUri, String name, String id) {}

    /** A notebook copied: the spec's {@code NotebookCopied}. */
    record NotebookCopied(@JsonProperty("output_uri") String outputUri, String name, String namespace, String id) {}
}
