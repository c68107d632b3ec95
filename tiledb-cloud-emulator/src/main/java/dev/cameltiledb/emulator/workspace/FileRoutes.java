package dev.cameltiledb.emulator.workspace;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cameltiledb.emulator.common.Router;
import dev.cameltiledb.emulator.http.ApiFailure;
import dev.cameltiledb.emulator.http.AssetNames;
import dev.cameltiledb.emulator.http.Handler;
import dev.cameltiledb.emulator.http.HttpCall;
import dev.cameltiledb.emulator.http.Upload;
import dev.cameltiledb.emulator.state.EmulatorState;
import dev.cameltiledb.emulator.state.StoredAsset;
import dev.cameltiledb.emulator.state.StoredFile;

/**
 * The S3-like file API of a teamspace: {@code PUT}, {@code GET} (with a single {@code Range}) and {@code HEAD} of
 * {@code /v4/files/{workspace}/{teamspace}/{path}}, and a ListObjectsV2-style listing of
 * {@code /v4/files/{workspace}/{teamspace}}. A stored file is also an asset of type {@code file} at its path, and the
 * folders on its path are made when missing. Bytes are streamed both ways.
 */
final class FileRoutes {

    private static final String OCTET_STREAM = "application/octet-stream";
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final int DEFAULT_MAX_KEYS = 1000;

    /** A file opened under the lock, and the part of it to send. */
    private record Opened(StoredFile file, long from, long length, int status, InputStream bytes) {}

    private final EmulatorState state;
    private final PlatformAccess access;
    private final FileStore store;

    FileRoutes(EmulatorState state, PlatformAccess access, FileStore store) {
        this.state = state;
        this.access = access;
        this.store = store;
    }

    void register(Router<Handler> router) {
        router.add("GET", "/v4/files/{workspace}/{teamspace}", this::list)
                .add("GET", "/v4/files/{workspace}/{teamspace}/{path}", this::get)
                .add("HEAD", "/v4/files/{workspace}/{teamspace}/{path}", this::get)
                .addStreamed(
                        "PUT",
                        "/v4/files/{workspace}/{teamspace}/{path}",
                        Upload.of(
                                state.transactions(),
                                this::checkPut,
                                call -> store.receive(call.bodyStream()),
                                this::put));
    }

    /** Before anything of the body is received: the path is a file path, and the caller may change the teamspace. */
    private void checkPut(HttpCall call) {
        filePath(call);
        access.editableSpace(call);
    }

    /**
     * Stores the body, received whole first with no transaction held (a slow upload holds no one up): a new file
     * asset, or new bytes for the file at that path. Answers 200 with the ETag.
     */
    private void put(HttpCall call, FileStore.Received received) {
        String path = filePath(call);
        PlatformAccess.Space space = access.editableSpace(call);
        StoredAsset existing = state.catalog().assetAt(space.namespace(), path);
        if (existing != null && !(existing instanceof StoredFile)) {
            throw ApiFailure.conflict(space.namespace() + "/" + path + " is a " + existing.kind());
        }
        StoredFile file = (StoredFile) existing;
        if (file == null) {
            file = new StoredFile();
            file.namespace = space.namespace();
            file.name = path;
            file.createdBy = call.user().username();
            state.catalog().addItem(file);
        }
        file.size = received.size();
        file.etag = received.etag();
        store.install(received, file);
        state.catalog().changed(file);
        call.empty(200, Map.of("ETag", received.etag()));
    }

    /** GET and HEAD: the bytes (or a range of them) with Content-Length, ETag and Last-Modified. */
    private void get(HttpCall call) {
        String path = filePath(call);
        String range = call.method().equals("GET") ? call.header("Range") : null;
        PlatformAccess.Space space = access.space(call);
        if (!(state.catalog().assetAt(space.namespace(), path) instanceof StoredFile file)) {
            throw ApiFailure.notFound("file " + path + " does not exist in " + space.namespace());
        }
        long[] span = span(range, file.size);
        long from = span == null ? 0 : span[0];
        long length = span == null ? file.size : span[1];
        InputStream bytes = call.method().equals("HEAD") ? InputStream.nullInputStream() : store.open(file, from);
        // a satisfiable range is answered 206 with its Content-Range, even one that covers the whole file (S3 does)
        Opened opened = new Opened(file, from, length, span == null ? 200 : 206, bytes);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", opened.file().etag);
        headers.put("Accept-Ranges", "bytes");
        headers.put(
                "Last-Modified",
                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        opened.file().changedAt().atZone(java.time.ZoneOffset.UTC)));
        if (opened.status() == 206) {
            headers.put(
                    "Content-Range",
                    "bytes " + opened.from() + "-" + (opened.from() + opened.length() - 1) + "/" + opened.file().size);
        }
        // the answer closes the file once it is sent
        call.stream(opened.status(), OCTET_STREAM, opened.length(), headers, opened.bytes());
    }

    /**
     * {@code [from, length]} of a single {@code bytes=a-b}, {@code bytes=a-} or {@code bytes=-n} range, or null
     * without a range or with one of another form (which HTTP says to ignore); a 416 when none of it is there. As RFC
     * 9110 (14.1.2) says, a last position past the end (however many digits it has) means the end, and a suffix longer
     * than the file means all of it.
     */
    private static long[] span(String range, long size) {
        Matcher m = range == null ? null : RANGE.matcher(range.strip());
        if (m == null || !m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return null;
        }
        if (m.group(1).isEmpty()) {
            long suffix = position(m.group(2));
            if (suffix == 0) {
                throw unsatisfiable(range, size);
            }
            long from = Math.max(0, size - suffix);
            return new long[] {from, size - from};
        }
        long from = position(m.group(1));
        long last = m.group(2).isEmpty() ? Long.MAX_VALUE : position(m.group(2));
        if (last < from) {
            return null; // not a valid range: ignored
        }
        if (from >= size) {
            throw unsatisfiable(range, size);
        }
        return new long[] {from, Math.min(last, size - 1) - from + 1};
    }

    /** A byte position of a range; one past what a long holds is past any file's end. */
    private static long position(String digits) {
        return new java.math.BigInteger(digits)
                .min(java.math.BigInteger.valueOf(Long.MAX_VALUE))
                .longValue();
    }

    private static ApiFailure unsatisfiable(String range, long size) {
        return new ApiFailure(416, "range " + range + " is outside the file's " + size + " bytes");
    }

    /**
     * ListObjectsV2 over the teamspace's files: keys are file paths; with a delimiter, what lies deeper is rolled up
     * into common prefixes, and every folder of the teamspace counts as one (so empty folders show). Keys and
     * prefixes together are paged by {@code max-keys} (default 1000); the continuation token is the last one sent.
     */
    private void list(HttpCall call) {
        Integer listType = call.queryInt("list-type");
        if (listType != null && listType != 2) {
            throw ApiFailure.badRequest("list-type must be 2, was " + listType);
        }
        String prefix = call.query("prefix") == null ? "" : call.query("prefix");
        String delimiter =
                call.query("delimiter") == null || call.query("delimiter").isEmpty() ? null : call.query("delimiter");
        Integer maxKeysParam = call.queryInt("max-keys");
        int maxKeys = maxKeysParam == null ? DEFAULT_MAX_KEYS : maxKeysParam;
        if (maxKeys < 0) {
            throw ApiFailure.badRequest("max-keys must be at least 0, was " + maxKeys);
        }
        String token = call.query("continuation-token");
        String after = token == null || token.isEmpty() ? null : decodeToken(token);
        PlatformAccess.Space space = access.space(call);
        // entry → the file it lists, or null for a common prefix
        TreeMap<String, StoredFile> entries = new TreeMap<>();
        for (StoredAsset asset : state.catalog().items()) {
            if (!asset.namespace.equals(space.namespace())) {
                continue;
            }
            String key = asset instanceof StoredFile ? asset.name : asset.name + "/";
            if (!key.startsWith(prefix)) {
                continue;
            }
            int cut = delimiter == null ? -1 : key.indexOf(delimiter, prefix.length());
            if (cut >= 0) {
                entries.putIfAbsent(key.substring(0, cut + delimiter.length()), null);
            } else if (asset instanceof StoredFile file) {
                entries.put(key, file);
            }
        }
        var remaining = after == null ? entries : entries.tailMap(after, false);
        List<PlatformAnswers.CommonPrefix> prefixes = new ArrayList<>();
        List<PlatformAnswers.StoredObject> objects = new ArrayList<>();
        String last = null;
        for (var e : remaining.entrySet()) {
            if (prefixes.size() + objects.size() == maxKeys) {
                break;
            }
            last = e.getKey();
            if (e.getValue() == null) {
                prefixes.add(new PlatformAnswers.CommonPrefix(e.getKey()));
            } else {
                StoredFile f = e.getValue();
                objects.add(
                        new PlatformAnswers.StoredObject(f.name, f.changedAt().toString(), f.etag, f.size));
            }
        }
        boolean truncated = prefixes.size() + objects.size() < remaining.size();
        call.json(
                200,
                new PlatformAnswers.FileList(
                        space.teamspace().name,
                        prefix,
                        delimiter,
                        maxKeys,
                        token,
                        truncated ? encodeToken(last) : null,
                        truncated,
                        prefixes,
                        objects));
    }

    private static String encodeToken(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiFailure.badRequest("continuation-token is not one this listing gave");
        }
    }

    /** The path as given: a file path follows the name rules ({@link AssetNames#path}), nothing is made of it. */
    private static String filePath(HttpCall call) {
        return AssetNames.path(call.path("path"), "the file path");
    }
}
