package dev.cameltiledb.client;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import dev.cameltiledb.client.model.workspace.FileListing;

/**
 * Every file under a prefix of a teamspace's file store, at any depth, a listing page at a time as the iterator
 * advances: the walk follows each page's continuation token and descends into its common prefixes, depth first (the
 * service lists one folder level per call). A walk follows only what leads somewhere new: a continuation token the
 * same folder already gave, a sub-folder that is not below its folder or was listed already (a folder listed as its
 * own sub-folder), and more than {@code maxPages} listings each end it with a {@link TileDBException} naming the
 * folder, never an endless walk.
 */
final class FileWalk implements Iterator<FileListing.StoredFile> {

    /** One listing still to read: a folder and the token to go on with (null for its first page). */
    private record Pending(String prefix, String token) {}

    private final FileLister list;
    private final String teamspace;
    private final long maxResults;
    private final long maxPages;
    private final Deque<Pending> pending = new ArrayDeque<>();
    /** Every folder queued so far: one listed again would make the walk go round. */
    private final Set<String> folders = new HashSet<>();
    /** The tokens each folder gave so far: one given twice would list the same page forever. */
    private final Map<String, Set<String>> tokens = new HashMap<>();

    private Iterator<FileListing.StoredFile> files = Collections.emptyIterator();
    private long delivered;
    private long pages;

    /**
     * {@code list} reads one page ({@code prefix}, {@code token}); {@code maxResults} 0 means every file; after
     * {@code maxPages} pages the walk fails rather than go on.
     */
    FileWalk(FileLister list, String teamspace, String prefix, long maxResults, long maxPages) {
        this.list = list;
        this.teamspace = teamspace;
        this.maxResults = maxResults;
        this.maxPages = maxPages;
        String root = prefix == null ? "" : prefix;
        folders.add(root);
        pending.push(new Pending(root, null));
    }

    /** Reads one listing page of a folder. */
    @FunctionalInterface
    interface FileLister {
        FileListing page(String prefix, String continuationToken);
    }

    @Override
    public boolean hasNext() {
        if (maxResults > 0 && delivered >= maxResults) {
            return false;
        }
        while (!files.hasNext() && !pending.isEmpty()) {
            Pending next = pending.pop();
            if (++pages > maxPages) {
                throw new TileDBException("The file listing of " + teamspace + " took more than " + maxPages
                        + " pages, the most a walk follows; list a narrower prefix, or page by page with the"
                        + " continuation token");
            }
            FileListing page = list.page(next.prefix(), next.token());
            if (Boolean.TRUE.equals(page.truncated())) {
                pending.push(new Pending(next.prefix(), newToken(next.prefix(), page.nextContinuationToken())));
            }
            List<FileListing.CommonPrefix> subFolders = page.commonPrefixes();
            if (subFolders != null) {
                // pushed after the continuation, so a folder is read before the rest of its parent
                for (int k = subFolders.size() - 1; k >= 0; k--) {
                    pending.push(new Pending(
                            newFolder(next.prefix(), subFolders.get(k).prefix()), null));
                }
            }
            files = page.objects() == null
                    ? Collections.emptyIterator()
                    : page.objects().iterator();
        }
        return files.hasNext();
    }

    @Override
    public FileListing.StoredFile next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more files in this listing");
        }
        delivered++;
        return files.next();
    }

    private String newToken(String prefix, String token) {
        if (token == null || token.isBlank()) {
            throw new TileDBException(
                    "A truncated file listing of " + where(prefix) + " gave no NextContinuationToken", null);
        }
        if (!tokens.computeIfAbsent(prefix, p -> new HashSet<>()).add(token)) {
            throw new TileDBException(
                    "The file listing of " + where(prefix) + " gave the continuation token '" + token
                            + "' a second time; following it would list the same page forever",
                    null);
        }
        return token;
    }

    private String newFolder(String parent, String folder) {
        if (folder == null || !folder.startsWith(parent) || folder.length() == parent.length()) {
            throw new TileDBException(
                    "The file listing of " + where(parent) + " named " + (folder == null ? "no" : "'" + folder + "'")
                            + " as one of its folders, which is not below it; the walk cannot go on",
                    null);
        }
        if (!folders.add(folder)) {
            throw new TileDBException(
                    "The file listing of " + where(parent) + " named the folder '" + folder
                            + "', which this walk listed already; following it would go round forever",
                    null);
        }
        return folder;
    }

    private String where(String prefix) {
        return teamspace + (prefix.isEmpty() ? "" : " under '" + prefix + "'");
    }
}
