package dev.cameltiledb.emulator.state;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What files and folders share: they exist only on the workspace platform, where rights come from the teamspace's
 * roles alone (editors change, viewers read) and nothing is shared one asset at a time.
 */
public abstract class TeamspaceEntry extends StoredAsset {

    @Override
    public List<String> ownerActions() {
        return List.of("read", "write", "edit");
    }

    @Override
    public List<String> memberActions() {
        return List.of("read");
    }

    @Override
    public Map<String, List<String>> grants() {
        return Map.of();
    }

    @Override
    public Set<String> sharedWith() {
        return Set.of();
    }
}
