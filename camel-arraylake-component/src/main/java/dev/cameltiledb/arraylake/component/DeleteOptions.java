package dev.cameltiledb.arraylake.component;

import dev.cameltiledb.camel.OptionGroup;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * How the delete operations delete: nothing is sent without {@code confirmDelete=true}. Each can be overridden per
 * message by its header.
 */
@UriParams
public class DeleteOptions extends OptionGroup<DeleteOptions> {

    @UriParam(
            label = "producer",
            defaultValue = "false",
            description =
                    "For delete: must be true, else the delete operation fails without sending anything (the Python client's imsure and imreallysure).")
    private boolean confirmDelete = false;

    @UriParam(
            label = "producer",
            defaultValue = "false",
            description =
                    "For repos delete: remove the repo at once instead of the service's soft delete (which keeps a ghost).")
    private boolean immediate = false;

    @UriParam(
            label = "producer",
            defaultValue = "false",
            description = "For repos delete: keep the repo's data in its bucket.")
    private boolean retainData = false;

    public boolean isConfirmDelete() {
        return confirmDelete;
    }

    public void setConfirmDelete(boolean confirmDelete) {
        this.confirmDelete = confirmDelete;
    }

    public boolean isImmediate() {
        return immediate;
    }

    public void setImmediate(boolean immediate) {
        this.immediate = immediate;
    }

    public boolean isRetainData() {
        return retainData;
    }

    public void setRetainData(boolean retainData) {
        this.retainData = retainData;
    }
}
