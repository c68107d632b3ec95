package dev.cameltiledb.arraylake.component;

import dev.cameltiledb.arraylake.client.model.RepoMode;
import dev.cameltiledb.camel.OptionGroup;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * What repos create, getOrCreate, modify and setStatus send. Each can be overridden per message by its header.
 */
@UriParams
public class RepoOptions extends OptionGroup<RepoOptions> {

    @UriParam(
            label = "producer",
            description =
                    "For repos create and getOrCreate: the nickname of the bucket config the repo's data goes to; without it, the org's default bucket.")
    private String bucketNickname;

    @UriParam(
            label = "producer",
            enums = "icechunk,v1",
            description =
                    "For repos create and getOrCreate: the kind of repo; the service creates icechunk repos only.")
    private RepoKind kind;

    @UriParam(
            label = "producer",
            description =
                    "For repos create and getOrCreate: the repo's prefix inside its bucket (at most 256 characters); without it, the service uses the repo's id.")
    private String prefix;

    @UriParam(label = "producer", description = "For repos create and modify: the repo's description.")
    private String description;

    @UriParam(
            label = "producer",
            description =
                    "For repos create and getOrCreate: the repo's metadata as a JSON object of scalars or lists of scalars; a Map body does the same.")
    private String metadata;

    @UriParam(
            label = "producer",
            enums = "create,register,import",
            description =
                    "For repos create and getOrCreate: create a new repo (the service's default), register existing data, or import it.")
    private CreateMode createMode;

    @UriParam(
            label = "producer",
            description =
                    "For repos modify: metadata keys to add, as a JSON object (a key that exists already is refused by the service).")
    private String addMetadata;

    @UriParam(
            label = "producer",
            description =
                    "For repos modify: metadata keys to change, as a JSON object (a key that does not exist is refused by the service). A Map body does the same.")
    private String updateMetadata;

    @UriParam(label = "producer", description = "For repos modify: metadata keys to remove, comma separated.")
    private String removeMetadata;

    @UriParam(
            label = "producer",
            enums = "online,maintenance,offline",
            description = "For repos setStatus: the repo's new status.")
    private RepoMode mode;

    @UriParam(label = "producer", description = "For repos setStatus: the message shown with the status.")
    private String message;

    public String getBucketNickname() {
        return bucketNickname;
    }

    public void setBucketNickname(String bucketNickname) {
        this.bucketNickname = bucketNickname;
    }

    public RepoKind getKind() {
        return kind;
    }

    public void setKind(RepoKind kind) {
        this.kind = kind;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getMetadata() {
        return metadata;
    }

    public void setMetadata(String metadata) {
        this.metadata = metadata;
    }

    public CreateMode getCreateMode() {
        return createMode;
    }

    public void setCreateMode(CreateMode createMode) {
        this.createMode = createMode;
    }

    public String getAddMetadata() {
        return addMetadata;
    }

    public void setAddMetadata(String addMetadata) {
        this.addMetadata = addMetadata;
    }

    public String getUpdateMetadata() {
        return updateMetadata;
    }

    public void setUpdateMetadata(String updateMetadata) {
        this.updateMetadata = updateMetadata;
    }

    public String getRemoveMetadata() {
        return removeMetadata;
    }

    public void setRemoveMetadata(String removeMetadata) {
        this.removeMetadata = removeMetadata;
    }

    public RepoMode getMode() {
        return mode;
    }

    public void setMode(RepoMode mode) {
        this.mode = mode;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
