package dev.cameltiledb.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.cameltiledb.client.model.workspace.Asset;
import dev.cameltiledb.client.model.workspace.Folder;
import dev.cameltiledb.client.model.workspace.FolderContentsChange;
import dev.cameltiledb.client.model.workspace.FolderUpdate;

/** The folders of a teamspace ({@code /v4/folders}), each named {@code tiledb://workspace/teamspace/path}. */
public final class FoldersApi {

    private final WorkspaceCalls calls;

    FoldersApi(WorkspaceCalls calls) {
        this.calls = calls;
    }

    /** Creates the folder at its path; its parent folder must exist. */
    public Folder create(AssetRef folder, String description) {
        Map<String, String> details = new java.util.LinkedHashMap<>();
        if (description != null) {
            details.put("description", description);
        }
        return calls.one(WorkspaceCalls.post(segments(folder)).json(details), Folder.class);
    }

    public Folder get(AssetRef folder) {
        return calls.one(WorkspaceCalls.get(segments(folder)), Folder.class);
    }

    /** Renames the folder or changes its description. */
    public void update(AssetRef folder, FolderUpdate update) {
        calls.send(WorkspaceCalls.patch(segments(folder)).json(update));
    }

    /** Deletes the folder; with {@code deleteAssets} its assets' data too. */
    public void delete(AssetRef folder, Boolean deleteAssets) {
        calls.send(WorkspaceCalls.delete(segments(folder)).query("delete-assets", deleteAssets));
    }

    /** What the folder holds, in one answer: the service's folder contents call takes no paging parameters. */
    public List<Asset> contents(AssetRef folder) {
        return calls.list(WorkspaceCalls.get(segments(folder, "contents")), Asset.class);
    }

    /** Moves assets (paths or ids) into the folder, and others out of it to the teamspace's root. */
    public void changeContents(AssetRef folder, FolderContentsChange change) {
        calls.send(WorkspaceCalls.put(segments(folder, "contents")).json(change));
    }

    private static String[] segments(AssetRef folder, String... tail) {
        AssetsApi.requireWorkspaceForm(folder);
        List<String> all = new ArrayList<>(List.of("folders"));
        all.addAll(folder.segments());
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }
}
