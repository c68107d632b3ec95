package dev.cameltiledb.emulator.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.User;
import dev.cameltiledb.emulator.common.Transactions;

/**
 * The data directory's state folder, and the journal of the state's write transactions. One file per array, group,
 * folder and teamspace file ({@code state/arrays/<id>.json}, {@code state/groups/<id>.json}, ...) and one for the
 * accounts ({@code state/accounts.json}: users, organizations, workspaces, the tokens issued through the API). A write
 * transaction writes what it touched, and only that, when it commits, before its answer goes out: a write costs the
 * same with 20,000 arrays as with 10. Each file is written whole (a temporary file, then a rename), so a crash never
 * leaves half of one. Without a data directory it keeps nothing.
 */
public final class StateFiles implements Transactions.Journal {

    /** Users, organizations, workspaces and issued tokens: the small part of the state written whole when it changes. */
    record AccountsFile(
            List<User> users,
            List<Organization> organizations,
            List<StoredWorkspace> workspaces,
            Map<String, Instant> userSince,
            List<IssuedTokens.Issued> issuedTokens) {}

    /** The single-file state of earlier versions, still read once to migrate a data directory. */
    record LegacySnapshot(
            List<User> users, List<Organization> organizations, List<StoredArray> arrays, List<StoredGroup> groups) {}

    private static final List<String> ASSET_FOLDERS = List.of("arrays", "groups", "folders", "files");

    /** Null when the state is kept in memory only. */
    private final Path stateDir;

    private final Path legacyStateFile;
    private final ObjectMapper mapper;
    /** What the write transaction under way touched: lookups and changes alike. */
    private final Set<StoredAsset> touched = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The files of the assets it removed. */
    private final Set<Path> removedFiles = new HashSet<>();

    private boolean accountsChanged;
    /** Bytes written so far, for tests of what one write costs. */
    private long bytesWritten;

    private Accounts accounts;
    private Catalog catalog;

    StateFiles(Path dataDirectory, ObjectMapper mapper) {
        this.stateDir = dataDirectory == null ? null : dataDirectory.resolve("state");
        this.legacyStateFile = dataDirectory == null ? null : dataDirectory.resolve("state.json");
        this.mapper = mapper;
    }

    /** What the accounts file and the asset files are written from. */
    void attach(Accounts accountsToSave, Catalog catalogToSave) {
        this.accounts = accountsToSave;
        this.catalog = catalogToSave;
    }

    boolean persistent() {
        return stateDir != null;
    }

    // ---- the journal of a write transaction

    @Override
    public void begin() {
        touched.clear();
        removedFiles.clear();
        accountsChanged = false;
    }

    /** Writes what the transaction touched: its assets, the files of those it removed, the accounts if they changed. */
    @Override
    public void commit() {
        if (stateDir == null) {
            return;
        }
        try {
            if (accountsChanged) {
                write(stateDir.resolve("accounts.json"), accounts.file());
            }
            for (StoredAsset asset : touched) {
                write(fileOf(asset), asset);
            }
            for (Path removed : removedFiles) {
                Files.deleteIfExists(removed);
            }
            begin();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write emulator state " + stateDir, e);
        }
    }

    void touched(StoredAsset asset) {
        if (stateDir != null) {
            touched.add(asset);
        }
    }

    void added(StoredAsset asset) {
        if (stateDir != null) {
            removedFiles.remove(fileOf(asset));
        }
    }

    void removed(StoredAsset asset) {
        touched.remove(asset);
        if (stateDir != null) {
            removedFiles.add(fileOf(asset));
        }
    }

    void accountsChanged() {
        accountsChanged = true;
    }

    /** Everything is written at the commit: a new data directory, or one migrated from the single state file. */
    void touchAll() {
        accountsChanged = true;
        if (stateDir != null) {
            touched.addAll(catalog.arrays());
            touched.addAll(catalog.groups());
            touched.addAll(catalog.items());
        }
    }

    long bytesWritten() {
        return bytesWritten;
    }

    // ---- loading

    /**
     * Reads the state folder into the accounts and the catalog; false when there is none yet. A single state file of
     * an earlier version is read instead and everything marked to be written at the commit, the old file then
     * deleted. Call in the write transaction that starts the emulator.
     */
    boolean load() {
        if (stateDir == null) {
            return false;
        }
        try {
            if (Files.isDirectory(stateDir)) {
                removeTemporaryFiles();
                AccountsFile file =
                        mapper.readValue(stateDir.resolve("accounts.json").toFile(), AccountsFile.class);
                accounts.load(file);
                for (Path path : files(stateDir.resolve("folders"))) {
                    catalog.put(mapper.readValue(path.toFile(), StoredFolder.class));
                }
                for (Path path : files(stateDir.resolve("files"))) {
                    catalog.put(mapper.readValue(path.toFile(), StoredFile.class));
                }
                for (Path path : files(stateDir.resolve("arrays"))) {
                    catalog.put(mapper.readValue(path.toFile(), StoredArray.class));
                }
                for (Path path : files(stateDir.resolve("groups"))) {
                    catalog.put(mapper.readValue(path.toFile(), StoredGroup.class));
                }
                begin();
                return true;
            }
            if (Files.exists(legacyStateFile)) {
                LegacySnapshot snapshot = mapper.readValue(legacyStateFile.toFile(), LegacySnapshot.class);
                accounts.load(new AccountsFile(snapshot.users(), snapshot.organizations(), null, null, null));
                snapshot.arrays().forEach(catalog::put);
                if (snapshot.groups() != null) {
                    snapshot.groups().forEach(catalog::put);
                }
                touchAll();
                commit();
                Files.delete(legacyStateFile);
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read emulator state " + stateDir, e);
        }
    }

    /** {@code state/arrays/<id>.json}, and likewise groups, folders and files. */
    private Path fileOf(StoredAsset asset) {
        return stateDir.resolve(asset.kind() + "s").resolve(fileName(asset.id));
    }

    /** An id as a file name: ids are UUIDs, but a seed may choose its own. */
    private static String fileName(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8) + ".json";
    }

    /** Writes one file whole (temporary file, then rename), so a crash never leaves half of it. */
    private void write(Path file, Object value) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        mapper.writeValue(tmp.toFile(), value);
        bytesWritten += Files.size(tmp);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A crash between writing a temporary file and its rename leaves the temporary file: it is not state. */
    private void removeTemporaryFiles() throws IOException {
        deleteTemporary(stateDir);
        for (String folder : ASSET_FOLDERS) {
            deleteTemporary(stateDir.resolve(folder));
        }
    }

    private static void deleteTemporary(Path dir) throws IOException {
        for (Path file : files(dir)) {
            if (file.getFileName().toString().endsWith(".tmp")) {
                Files.delete(file);
            }
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var stream = Files.list(dir)) {
            return stream.filter(Files::isRegularFile).toList();
        }
    }
}
