package dev.cameltiledb.component;

import dev.cameltiledb.camel.OptionGroup;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** Parameters of the notebook operations. Each can be overridden per message by its header. */
@UriParams
public class NotebookOptions extends OptionGroup<NotebookOptions> {

    @UriParam(
            label = "producer",
            description =
                    "For notebook upload: the storage folder the new notebook array goes in, such as s3://bucket/notebooks. Default: the user's notebook location, else its default storage path (GET /v1/user).")
    private String storagePath;

    @UriParam(
            label = "producer",
            defaultValue = "fail",
            description =
                    "For notebook upload: fail refuses to replace an existing notebook before any byte is sent; overwrite writes a new version. The service has no create-if-absent upload, so fail checks, then uploads: uploads of one name from this JVM take turns (one wins, the others fail), but an upload from another process between the check and the upload can still win, and then this one writes a new version.")
    private OnExists onExists = OnExists.fail;

    @UriParam(
            label = "producer",
            defaultValue = "true",
            description =
                    "For notebook upload: check that the body is well-formed notebook JSON (a JSON object) before sending it; streamed, so large files are fine.")
    private boolean validateJson = true;

    @UriParam(
            label = "producer",
            defaultValue = "string",
            description =
                    "For notebook and file download: the body type, string, bytes or stream (a live InputStream to close after use).")
    private DownloadAs downloadAs = DownloadAs.string;

    @UriParam(
            label = "producer",
            description =
                    "For notebook and file download: write the contents to this file (streamed) and reply with the File. Its folder must exist and be writable (checked before any request); the file appears only when complete, renamed over any file of that name in one step (a reader finds the old file or the new one, never none), and a failed download leaves the old one as it was.")
    private String outputFile;

    @UriParam(label = "producer", description = "For notebook rename and copy and udfs copy: the new name.")
    private String newName;

    @UriParam(label = "producer", description = "For notebook prune: how many of the most recent versions to keep.")
    private Integer keepVersions;

    public String getStoragePath() {
        return storagePath;
    }

    public void setStoragePath(String storagePath) {
        this.storagePath = storagePath;
    }

    public OnExists getOnExists() {
        return onExists;
    }

    public void setOnExists(OnExists onExists) {
        this.onExists = onExists;
    }

    public boolean isValidateJson() {
        return validateJson;
    }

    public void setValidateJson(boolean validateJson) {
        this.validateJson = validateJson;
    }

    public DownloadAs getDownloadAs() {
        return downloadAs;
    }

    public void setDownloadAs(DownloadAs downloadAs) {
        this.downloadAs = downloadAs;
    }

    public String getOutputFile() {
        return outputFile;
    }

    public void setOutputFile(String outputFile) {
        this.outputFile = outputFile;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public Integer getKeepVersions() {
        return keepVersions;
    }

    public void setKeepVersions(Integer keepVersions) {
        this.keepVersions = keepVersions;
    }
}
