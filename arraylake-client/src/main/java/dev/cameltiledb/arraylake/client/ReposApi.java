package dev.cameltiledb.arraylake.client;

import java.util.Iterator;
import java.util.List;

import dev.cameltiledb.arraylake.client.model.DeleteRepo;
import dev.cameltiledb.arraylake.client.model.Page;
import dev.cameltiledb.arraylake.client.model.Repo;
import dev.cameltiledb.arraylake.client.model.RepoCreate;
import dev.cameltiledb.arraylake.client.model.RepoMode;
import dev.cameltiledb.arraylake.client.model.RepoModify;
import dev.cameltiledb.arraylake.client.model.RepoName;
import dev.cameltiledb.arraylake.client.model.RepoQuery;
import dev.cameltiledb.arraylake.client.model.RepoStatus;
import dev.cameltiledb.arraylake.client.model.TemporaryCredentials;

/** Repositories of an org. */
public final class ReposApi {

    ReposApi() {}

    public Page<Repo> page(String org, RepoQuery q) {
        throw new UnsupportedOperationException("not yet");
    }

    public Iterator<Repo> stream(String org, RepoQuery q) {
        throw new UnsupportedOperationException("not yet");
    }

    public List<Repo> list(String org, RepoQuery q) {
        throw new UnsupportedOperationException("not yet");
    }

    public Repo get(RepoName name) {
        throw new UnsupportedOperationException("not yet");
    }

    public Repo create(RepoName name, RepoCreate spec) {
        throw new UnsupportedOperationException("not yet");
    }

    public Repo getOrCreate(RepoName name, RepoCreate spec) {
        throw new UnsupportedOperationException("not yet");
    }

    public Repo modify(RepoName name, RepoModify change) {
        throw new UnsupportedOperationException("not yet");
    }

    public RepoStatus setStatus(RepoName name, RepoMode mode, String message) {
        throw new UnsupportedOperationException("not yet");
    }

    public void delete(RepoName name, DeleteRepo options) {
        throw new UnsupportedOperationException("not yet");
    }

    public TemporaryCredentials bucketCredentials(RepoName name) {
        throw new UnsupportedOperationException("not yet");
    }
}
