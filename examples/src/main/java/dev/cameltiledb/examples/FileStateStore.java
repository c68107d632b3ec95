package dev.cameltiledb.examples;

import java.io.File;

import org.apache.camel.support.processor.state.FileStateRepository;

/**
 * A FileStateRepository configurable from properties by path ({@code camel.beans.x.path = ...}): Camel has no
 * String-to-File conversion when camel-main binds beans, so the plain repository cannot be set up that way.
 */
public class FileStateStore extends FileStateRepository {

    public void setPath(String path) {
        File file = new File(path);
        File parent = file.getAbsoluteFile().getParentFile();
        if (parent != null && !parent.isDirectory() && !parent.mkdirs()) {
            throw new IllegalStateException("cannot create the folder of the state file " + file);
        }
        setFileStore(file);
    }
}
