package dev.cameltiledb.component;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a producer does. Names are the same on every resource where an operation makes sense; each constant lists
 * the resources that offer it. Comments name the REST call and the Python client function.
 */
public enum TileDBOperation {
    /**
     * Arrays owned by the caller or its organizations ({@code GET /v1/arrays/browser/owned}, {@code list_arrays}); the
     * assets of a classic namespace ({@code GET /v1/assets/{namespace}}, {@code asset.list}); the array tasks
     * ({@code GET /v1/tasks}, {@code fetch_tasks}); the registered UDFs and task graphs the caller owns (the array
     * browser of their file type); on the workspace platform: a workspace's teamspaces, a folder's assets, a
     * teamspace's files or a workspace's credentials.
     */
    list(
            TileDBResource.arrays,
            TileDBResource.groups,
            TileDBResource.notebooks,
            TileDBResource.teamspaces,
            TileDBResource.assets,
            TileDBResource.files,
            TileDBResource.credentials,
            TileDBResource.tasks,
            TileDBResource.udfs,
            TileDBResource.taskgraphs),
    /** Arrays (UDFs, task graphs...) shared with the caller ({@code /browser/shared}, {@code list_shared_arrays}). */
    listShared(
            TileDBResource.arrays,
            TileDBResource.groups,
            TileDBResource.notebooks,
            TileDBResource.udfs,
            TileDBResource.taskgraphs),
    /**
     * Public arrays ({@code /browser/public}, {@code list_public_arrays}), UDFs and task graphs; public assets of every
     * kind ({@code GET /v1/public_assets}, {@code asset.list_public}).
     */
    listPublic(
            TileDBResource.arrays,
            TileDBResource.groups,
            TileDBResource.notebooks,
            TileDBResource.assets,
            TileDBResource.udfs,
            TileDBResource.taskgraphs),
    /**
     * How many arrays the owned listing holds per namespace ({@code /browser/owned/sidebar}); the array tasks of a time
     * window per namespace ({@code GET /v1/tasks/sidebar}).
     */
    sidebar(TileDBResource.arrays, TileDBResource.tasks),
    /** How many arrays the shared listing holds per namespace ({@code /browser/shared/sidebar}). */
    sharedSidebar(TileDBResource.arrays),
    /** How many arrays the public listing holds per namespace ({@code /browser/public/sidebar}). */
    publicSidebar(TileDBResource.arrays),
    /** All arrays of one namespace, unpaged ({@code GET /v1/arrays/{namespace}}, {@code get_arrays_in_namespace}). */
    listInNamespace(TileDBResource.arrays),
    /** Every array the caller can see ({@code GET /v1/arrays}, {@code get_all_array_metadata}). */
    listAll(TileDBResource.arrays),
    /** Arrays the caller used recently ({@code get_last_accessed_arrays}). */
    lastAccessed(TileDBResource.arrays),
    /**
     * An asset's description: {@code ArrayInfo} ({@code get_array_metadata}, Python {@code info}); a registered UDF's
     * {@code UDFInfo} ({@code udf.info}); a registered task graph.
     */
    info(
            TileDBResource.arrays,
            TileDBResource.groups,
            TileDBResource.notebooks,
            TileDBResource.udfs,
            TileDBResource.taskgraphs),
    /** An array's schema ({@code get_array}). */
    schema(TileDBResource.arrays),
    /**
     * Create an array from an {@code ArraySchema} body ({@code create_array}); a group, teamspace or folder; a classic
     * file array from a file in storage ({@code create_file}).
     */
    create(
            TileDBResource.arrays,
            TileDBResource.groups,
            TileDBResource.teamspaces,
            TileDBResource.folders,
            TileDBResource.files),
    /**
     * Register an existing array by storage URI ({@code register_array}); store a UDF ({@code register_udf}) or a task
     * graph under a name.
     */
    register(
            TileDBResource.arrays,
            TileDBResource.groups,
            TileDBResource.assets,
            TileDBResource.udfs,
            TileDBResource.taskgraphs),
    /** Forget an asset, keeping its data ({@code deregister_array}). */
    deregister(TileDBResource.arrays, TileDBResource.groups),
    /**
     * Deregister an asset and delete its data ({@code delete_array}); remove a registered UDF ({@code udf.delete}) or
     * task graph and all its sharing.
     */
    delete(
            TileDBResource.arrays,
            TileDBResource.groups,
            TileDBResource.notebooks,
            TileDBResource.teamspaces,
            TileDBResource.folders,
            TileDBResource.udfs,
            TileDBResource.taskgraphs),
    /**
     * Change an asset's description, tags, name... ({@code update_array_metadata}); a registered UDF's code or
     * description ({@code update_udf}); a registered task graph.
     */
    update(
            TileDBResource.arrays,
            TileDBResource.groups,
            TileDBResource.workspaces,
            TileDBResource.teamspaces,
            TileDBResource.assets,
            TileDBResource.folders,
            TileDBResource.udfs,
            TileDBResource.taskgraphs),
    /** Grant a namespace actions on an asset ({@code share_array}); namespace {@code public} makes it public. */
    share(
            TileDBResource.arrays,
            TileDBResource.groups,
            TileDBResource.notebooks,
            TileDBResource.udfs,
            TileDBResource.taskgraphs),
    /** Remove a namespace's access ({@code share_array} with no actions). */
    unshare(
            TileDBResource.arrays,
            TileDBResource.groups,
            TileDBResource.notebooks,
            TileDBResource.udfs,
            TileDBResource.taskgraphs),
    /** Who may do what with an asset ({@code get_array_sharing_policies}, Python {@code list_shared_with}). */
    sharingPolicies(
            TileDBResource.arrays,
            TileDBResource.groups,
            TileDBResource.notebooks,
            TileDBResource.udfs,
            TileDBResource.taskgraphs),
    /**
     * An array's activity log for a time window ({@code array_activity_log}); a group's, with everything it holds,
     * paged ({@code GET /v2/groups/.../activity}).
     */
    activity(TileDBResource.arrays, TileDBResource.notebooks, TileDBResource.groups),
    /** One event of an array's activity log by its id, such as a consumer's CamelTileDBEventId ({@code getActivityLogById}). */
    activityEvent(TileDBResource.arrays, TileDBResource.notebooks),
    /** An array's key-value metadata as JSON ({@code get_array_meta_data_json}). */
    metadataJson(TileDBResource.arrays),
    /** The array's non-empty domain ({@code get_array_non_empty_domain}). */
    nonEmptyDomain(TileDBResource.arrays),
    /** The array's non-empty domain keyed by dimension name ({@code get_array_non_empty_domain_json}). */
    nonEmptyDomainJson(TileDBResource.arrays),
    /**
     * The end timestamp of the fragment a read at endTimestamp opens, or of the newest ({@code
     * get_fragment_end_timestamp}).
     */
    fragmentEndTimestamp(TileDBResource.arrays),
    /** A few cells of the array ({@code get_array_sample_data}). */
    sample(TileDBResource.arrays),
    /** Buffer sizes needed to read a subarray ({@code get_array_max_buffer_sizes}). */
    maxBufferSizes(TileDBResource.arrays),
    /**
     * A group's metadata entries ({@code POST /v2/groups/.../metadata}); workspace platform: an asset's, paged like
     * lists.
     */
    metadata(TileDBResource.assets, TileDBResource.groups),
    /** Set metadata entries of a group or (workspace platform) an asset from the body (a list of key, value, type). */
    updateMetadata(TileDBResource.assets, TileDBResource.groups),
    /** Remove metadata entries of a group or (workspace platform) an asset by key (metadataKeys option). */
    deleteMetadata(TileDBResource.assets, TileDBResource.groups),
    /** A group's members or a folder's assets, paged like lists ({@code groups.contents}). */
    contents(TileDBResource.groups, TileDBResource.folders),
    /**
     * Add arrays or sub-groups to a group, users to a workspace, teamspace or organization (tiledb:user with the
     * organization option), assets to a folder.
     */
    addMembers(
            TileDBResource.groups,
            TileDBResource.workspaces,
            TileDBResource.teamspaces,
            TileDBResource.folders,
            TileDBResource.user),
    /**
     * Remove members from a group, users from a workspace, teamspace or organization, assets from a folder (to the
     * root).
     */
    removeMembers(
            TileDBResource.groups,
            TileDBResource.workspaces,
            TileDBResource.teamspaces,
            TileDBResource.folders,
            TileDBResource.user),
    /**
     * Upload notebook bytes (File, Path, byte[], String, InputStream) as a notebook array ({@code upload_notebook_*});
     * a file as a classic file array ({@code upload_file}), or into a teamspace's file store.
     */
    upload(TileDBResource.notebooks, TileDBResource.files),
    /**
     * A notebook's or file's contents as String, byte[], InputStream or a file ({@code download_notebook_*}; any
     * classic file array, or a file of a teamspace).
     */
    download(TileDBResource.notebooks, TileDBResource.files),
    /** Classic platform: write a file array back to storage as a plain file ({@code export_file}). */
    export(TileDBResource.files),
    /** Give a notebook a new name ({@code rename_notebook}). */
    rename(TileDBResource.notebooks),
    /** Copy a notebook or a registered UDF, optionally as it was at endTimestamp. */
    copy(TileDBResource.notebooks, TileDBResource.udfs),
    /**
     * An array's, notebook's or registered UDF's versions, as the end timestamps (epoch milliseconds) of its fragments,
     * paged like lists ({@code GET .../end_timestamps}).
     */
    versions(TileDBResource.arrays, TileDBResource.notebooks, TileDBResource.udfs),
    /** Delete all but the keepVersions most recent versions of a notebook. */
    prune(TileDBResource.notebooks),
    /** The namespace's notebook server, or null when none runs ({@code GET /v1/notebooks/server/{ns}/status}). */
    serverStatus(TileDBResource.notebooks),
    /** Stop the namespace's notebook server ({@code DELETE /v1/notebooks/server/{ns}}). */
    shutdownServer(TileDBResource.notebooks),
    /**
     * The calling user's profile ({@code GET /v1/user}, {@code user_profile}), or with the user option another user's
     * ({@code GET /v1/users/{user}}).
     */
    profile(TileDBResource.user),
    /** The organizations the user belongs to ({@code organizations}). */
    organizations(TileDBResource.user),
    /** One organization by name or id, from the organization option ({@code organization}). */
    organization(TileDBResource.user),
    /** The namespace charged by default, optionally for requiredAction ({@code default_charged_namespace}). */
    defaultChargedNamespace(TileDBResource.user),
    /** The caller's API tokens, without their values ({@code GET /v1/tokens}). */
    tokens(TileDBResource.user),
    /** The caller's session tokens ({@code GET /v1/tokens/session}). */
    sessionTokens(TileDBResource.user),
    /** The scopes an API token can be given ({@code GET /v1/tokens/scopes}). */
    tokenScopes(TileDBResource.user),
    /** Issue an API token (tokenName, tokenExpires, tokenScopes); the body is the Token, a secret ({@code POST /v1/token}). */
    createToken(TileDBResource.user),
    /** Revoke an API token by its name, the tokenName option ({@code DELETE /v1/tokens/{name}}). */
    revokeToken(TileDBResource.user),
    /** Workspace platform: the session user and its workspaces ({@code GET /v4/users/self}, {@code get_self_user}). */
    selfUser(TileDBResource.user),
    /** Workspace platform: the session's deployment user ({@code get_user}, {@code default_user}). */
    currentUser(TileDBResource.user),
    /** Workspace platform: a user of the deployment by id or name, from the user option ({@code GET /v4/users/{user}}). */
    deploymentUser(TileDBResource.user),
    /** Workspace platform: the session user's workspace relationships ({@code get_user_workspaces}). */
    userWorkspaces(TileDBResource.user),
    /** Workspace platform: the session's workspace, or the workspace option's ({@code get_workspace}). */
    workspace(TileDBResource.user),
    /** Workspace platform: the id of the session's workspace, or of the workspace option's ({@code get_workspace_id}). */
    workspaceId(TileDBResource.user),
    /**
     * Write a profile of profiles.json for later logins from the body, tiledb.client.configure's arguments by name
     * ({@code token}, {@code username}, {@code password}, {@code workspace}, {@code host}, {@code verify_ssl},
     * {@code ca_file}, {@code profile_name}, {@code profile_dir}, {@code overwrite}); calls no service.
     */
    configure(TileDBResource.user),
    /** One array task by its id ({@code task}); workspace platform: one workspace, teamspace, asset, folder or credential. */
    get(
            TileDBResource.workspaces,
            TileDBResource.teamspaces,
            TileDBResource.assets,
            TileDBResource.folders,
            TileDBResource.credentials,
            TileDBResource.tasks),
    /** The members of a workspace or teamspace (paged like lists), or of an organization (tiledb:user). */
    listMembers(TileDBResource.workspaces, TileDBResource.teamspaces, TileDBResource.user),
    /** One member of a workspace, teamspace or organization, from the user option. */
    getMember(TileDBResource.workspaces, TileDBResource.teamspaces, TileDBResource.user),
    /** Give a member (user option) of a workspace, teamspace or organization another role (role option). */
    updateMember(TileDBResource.workspaces, TileDBResource.teamspaces, TileDBResource.user),
    /** Workspace platform: the assets along an asset's path (for a/b/c: a, a/b and a/b/c). */
    ancestors(TileDBResource.assets),
    /** Workspace platform: move assets (members option) into a folder (targetFolder option). */
    move(TileDBResource.assets),
    /** Workspace platform: a file's size, ETag and last change, from a HEAD request. */
    stat(TileDBResource.files),
    /**
     * Run SQL ({@code POST /v1/sql/{namespace}}, {@code sql.exec}): the default operation of {@code tiledb:sql}; run a
     * registered UDF or Python source ({@code POST /v1/udfs/generic/{namespace}}, {@code udf.exec}): the default of
     * {@code tiledb:udfs}. The task id comes back in CamelTileDBTaskId.
     */
    exec(TileDBResource.sql, TileDBResource.udfs),
    /** Run a UDF over one slice of an array ({@code POST /v1/arrays/{namespace}/{array}/udf/submit}, {@code array.apply}). */
    apply(TileDBResource.udfs),
    /**
     * Run a UDF over slices of several arrays ({@code POST /v1/udfs/arrays/{namespace}},
     * {@code exec_multi_array_udf}).
     */
    execMultiArray(TileDBResource.udfs),
    /** The caller's favourite UDFs, paged like lists ({@code GET /v1/udfs/favorites}). */
    favorites(TileDBResource.udfs),
    /**
     * Read cells as rows: the JSON query of a slice ({@code POST .../query/submit_query_json}), its columns turned into
     * one Map per row.
     */
    query(TileDBResource.arrays),
    /**
     * Read an array's cells over TileDB's REST query protocol ({@code POST /v2/arrays/{ns}/{array}/query/submit?type=READ},
     * TileDB-Py {@code array.query}), page by page within readBufferSize: rows, or typed columns for bulk use.
     */
    read(TileDBResource.arrays),
    /**
     * Write cells from the body into an array ({@code POST .../query/submit?type=WRITE}), fragmentSize cells a
     * fragment; the body is checked against the schema before anything is sent.
     */
    write(TileDBResource.arrays),
    /** A task's stored result ({@code GET /v1/task/{id}/result}, {@code fetch_results}). */
    result(TileDBResource.tasks),
    /**
     * Run a task graph, given in the body or registered (graphName): create it and start an execution
     * ({@code POST /v1/taskgraphs/{namespace}/graphs}, {@code .../submit}; a batch {@code DAG.compute()}).
     */
    submit(TileDBResource.taskgraphs),
    /** One execution of a task graph: its status and each node's tasks with their logs ({@code GET .../logs/{id}}). */
    log(TileDBResource.taskgraphs),
    /** The task graph executions, newest first, paged like lists ({@code GET /v1/taskgraphs/logs}). */
    logs(TileDBResource.taskgraphs),
    /** Run the failed nodes of an execution again ({@code POST .../executions/{id}/retry}). */
    retry(TileDBResource.taskgraphs),
    /** Run the whole graph of an execution again, as a new execution ({@code POST .../executions/{id}/resubmit}). */
    resubmit(TileDBResource.taskgraphs),
    /** Stop an execution ({@code POST .../executions/{id}/stop}). */
    stop(TileDBResource.taskgraphs);

    private final Set<TileDBResource> resources;

    TileDBOperation(TileDBResource first, TileDBResource... more) {
        this.resources = EnumSet.of(first, more);
    }

    public boolean isOfferedBy(TileDBResource resource) {
        return resources.contains(resource);
    }

    /**
     * The one check of which resource offers which operation: at route start for the URI's operation, and for each
     * message whose header names one.
     */
    public void requireOfferedBy(TileDBResource resource) {
        if (!isOfferedBy(resource)) {
            throw new dev.cameltiledb.client.TileDBConfigurationException("tiledb:" + resource + " does not offer the "
                    + this + " operation; " + this + " belongs to " + resources);
        }
    }

    public Set<TileDBResource> resources() {
        return resources;
    }
}
