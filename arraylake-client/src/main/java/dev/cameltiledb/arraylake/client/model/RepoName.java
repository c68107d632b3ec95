package dev.cameltiledb.arraylake.client.model;

import dev.cameltiledb.arraylake.client.ArraylakeNameException;

/**
 * A repository's address, {@code org/repo}. Both parts are checked on construction, so an API method taking a
 * RepoName never sends a request for a name the service would refuse.
 */
public record RepoName(String org, String repo) {

    public RepoName {
        Names.org(org);
        Names.repo(repo);
    }

    /** Reads {@code "org/repo"}; exactly one slash. */
    public static RepoName parse(String orgAndRepo) {
        if (orgAndRepo == null) {
            throw new ArraylakeNameException("repo", null, "must have the form org/repo");
        }
        int slash = orgAndRepo.indexOf('/');
        if (slash < 0 || slash != orgAndRepo.lastIndexOf('/')) {
            throw new ArraylakeNameException("repo", orgAndRepo, "must have the form org/repo");
        }
        return new RepoName(orgAndRepo.substring(0, slash), orgAndRepo.substring(slash + 1));
    }

    public static RepoName of(String org, String repo) {
        return new RepoName(org, repo);
    }

    @Override
    public String toString() {
        return org + "/" + repo;
    }
}
