package dev.cameltiledb.component;

import org.apache.camel.spi.Metadata;

/**
 * Message headers. Every option of the operation, the asset and the listing, array, notebook, group and user groups is
 * overridden for one message by the header {@code CamelTileDB<Option>} (the rule of {@link OptionHeaders}); the
 * constants of those headers are generated from the option declarations. A header with a Collection value is joined
 * into the option's list. Reply headers describe what the service answered.
 */
public final class TileDBConstants {

    // option headers: START (generated from the option declarations by the build, component-generator; do not edit)

    @Metadata(
            label = "producer",
            description =
                    "Overrides the operation option. The operation to perform. Each resource offers its own set; see the docs for which. tiledb:sql and tiledb:udfs run exec when none is given.",
            javaType = "dev.cameltiledb.component.TileDBOperation")
    public static final String OPERATION = "CamelTileDBOperation";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the namespace option. The namespace (user or organization) the asset lives in; for list operations, only assets of this namespace. On the workspace platform, the teamspace written workspace/teamspace (such as acme/research).",
            javaType = "String")
    public static final String NAMESPACE = "CamelTileDBNamespace";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the array option. The array's name, UUID or storage URI; a tiledb://namespace/name value sets the namespace too. For files on the classic platform, the file array's name; for tasks list and the tasks consumer, only tasks on this array; for arrays query, read and udfs apply, the array read; for arrays write, the array written.",
            javaType = "String")
    public static final String ARRAY = "CamelTileDBArray";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the tiledbUri option. The asset as one address, instead of namespace and array: tiledb://namespace/name, or the workspace form tiledb://workspace/teamspace/path (on a workspace server; see serverGeneration).",
            javaType = "String")
    public static final String TILEDB_URI = "CamelTileDBTiledbUri";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the group option. The group's name or id (with namespace), or a tiledb://namespace/name URI.",
            javaType = "String")
    public static final String GROUP = "CamelTileDBGroup";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the page option. For list operations: fetch only this page (1-based). Without it, all pages are fetched up to maxResults, or streamed with streamResults.",
            javaType = "Integer")
    public static final String PAGE = "CamelTileDBPage";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the perPage option. The page size asked of the service: for list operations, and for the consumers' listings and activity pages.",
            javaType = "Integer")
    public static final String PER_PAGE = "CamelTileDBPerPage";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the maxResults option. For list operations without page: stop after this many items (0 = no limit). For sql exec and arrays query and read without streamResults: keep this many rows (cells).",
            javaType = "Integer")
    public static final String MAX_RESULTS = "CamelTileDBMaxResults";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the streamResults option. For list operations without page: reply with a lazy Iterator that fetches the next page only when the previous one is used up, for .split(body()).streaming(). For sql exec, arrays query and the UDF runs with a json result: a lazy Iterator of Map rows read as they arrive (of Lists of up to batchSize rows with batchSize above 1; closed when read to its end or when the exchange completes). For arrays read: the cells page by page as they are read (rows, or one CellColumns per page with cellFormat=columns), closed the same way. For tasks result: the live answer as an InputStream.",
            javaType = "Boolean")
    public static final String STREAM_RESULTS = "CamelTileDBStreamResults";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the search option. For list operations: text matched against name, namespace and description; for taskgraphs logs, against the execution's name.",
            javaType = "String")
    public static final String SEARCH = "CamelTileDBSearch";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the orderBy option. For list operations: sort field, such as name or size; for classic assets list and listPublic created_at, name or asset_type, each optionally followed by asc or desc; for tasks list start_time or name.",
            javaType = "String")
    public static final String ORDER_BY = "CamelTileDBOrderBy";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the permissions option. For list operations: only assets the caller holds these permissions on: read, read_write, write or admin.",
            javaType = "String")
    public static final String PERMISSIONS = "CamelTileDBPermissions";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the tags option. For list operations: only assets with these tags (comma-separated).",
            javaType = "String")
    public static final String TAGS = "CamelTileDBTags";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the excludeTags option. For list operations: no assets with these tags (comma-separated).",
            javaType = "String")
    public static final String EXCLUDE_TAGS = "CamelTileDBExcludeTags";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the fileTypes option. For list operations: only these file types (comma-separated: notebook, user_defined_function, ml_model, file, registered_task_graph).",
            javaType = "String")
    public static final String FILE_TYPES = "CamelTileDBFileTypes";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the excludeFileTypes option. For list operations: no assets of these file types (comma-separated).",
            javaType = "String")
    public static final String EXCLUDE_FILE_TYPES = "CamelTileDBExcludeFileTypes";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the fileProperties option. For list operations: key=value pairs (separated by semicolons) the assets' file properties must have.",
            javaType = "String")
    public static final String FILE_PROPERTIES = "CamelTileDBFileProperties";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the sharedTo option. For listShared: only assets shared with these namespaces (comma-separated).",
            javaType = "String")
    public static final String SHARED_TO = "CamelTileDBSharedTo";

    @Metadata(
            label = "producer",
            description = "Overrides the withMetadata option. For list operations: include each asset's metadata.",
            javaType = "Boolean")
    public static final String WITH_METADATA = "CamelTileDBWithMetadata";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the publicShare option. For listAll: exclude leaves out public arrays, only keeps just them.",
            javaType = "dev.cameltiledb.component.PublicShare")
    public static final String PUBLIC_SHARE = "CamelTileDBPublicShare";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the ownershipLevel option. For assets list on the classic platform: only the assets the namespace owns (owned) or only those shared with it (shared); both by default.",
            javaType = "dev.cameltiledb.component.OwnershipLevel",
            enums = "owned,shared")
    public static final String OWNERSHIP_LEVEL = "CamelTileDBOwnershipLevel";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the depth option. For assets list and listPublic on the classic platform: root lists only the assets no group holds, all every asset.",
            javaType = "dev.cameltiledb.component.Depth",
            enums = "root,all")
    public static final String DEPTH = "CamelTileDBDepth";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the taskType option. For tasks list and the tasks consumer: only tasks of this type (QUERY, SQL, UDF, GENERIC_UDF, BATCH_UDF, CLIENT_COMPUTATION).",
            javaType = "String")
    public static final String TASK_TYPE = "CamelTileDBTaskType";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the excludeTaskTypes option. For tasks list: no tasks of these types (comma-separated).",
            javaType = "String")
    public static final String EXCLUDE_TASK_TYPES = "CamelTileDBExcludeTaskTypes";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the taskStatus option. For tasks list: only tasks in this status (QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED, DENIED, RESOURCES_UNAVAILABLE, UNKNOWN). For the tasks consumer: only tasks that finished in one of these (comma-separated, such as FAILED). For taskgraphs logs: only executions in this status (submitted, running, succeeded, failed, cancelled...).",
            javaType = "String")
    public static final String TASK_STATUS = "CamelTileDBTaskStatus";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the startTime option. For activity (of arrays, notebooks and groups), tasks list and sidebar and taskgraphs logs: window start, an ISO-8601 instant or epoch seconds (the service's default is seven days ago).",
            javaType = "String")
    public static final String START_TIME = "CamelTileDBStartTime";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the endTime option. For activity (of arrays, notebooks and groups), tasks list and sidebar and taskgraphs logs: window end, an ISO-8601 instant or epoch seconds (default now).",
            javaType = "String")
    public static final String END_TIME = "CamelTileDBEndTime";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the eventTypes option. For activity: only these event types (comma-separated ActivityEventType values such as create, query_read).",
            javaType = "String")
    public static final String EVENT_TYPES = "CamelTileDBEventTypes";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the taskId option. For activity: only events of this array task. For tasks get and result: the task to read. Set on the reply of sql exec, the UDF runs and arrays query (the task that ran), of taskgraphs submit, retry and resubmit when the graph has one final node (that node's latest task), and on each exchange of the tasks consumer.",
            javaType = "String")
    public static final String TASK_ID = "CamelTileDBTaskId";

    @Metadata(
            label = "producer",
            description = "Overrides the hasTaskId option. For activity: only events that carry an array task id.",
            javaType = "Boolean")
    public static final String HAS_TASK_ID = "CamelTileDBHasTaskId";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the activityId option. For activityEvent: the id of the event to read, as the activity log and the activity consumer give it.",
            javaType = "String")
    public static final String ACTIVITY_ID = "CamelTileDBActivityId";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the targetNamespace option. For share and unshare: the user or organization to grant or revoke, or public. For udfs copy: the namespace the copy goes to.",
            javaType = "String")
    public static final String TARGET_NAMESPACE = "CamelTileDBTargetNamespace";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the actions option. For share: the actions to grant (comma-separated: read, write, edit, read_array_logs, read_array_info, read_array_schema); on a registered UDF fetch_udf and share_udf, on a registered task graph fetch_task_graph and share_task_graph, where read grants fetch_udf or fetch_task_graph.",
            javaType = "String")
    public static final String ACTIONS = "CamelTileDBActions";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the storageUri option. For create and register: where the array's data lives, such as s3://bucket/sales. For files (classic file arrays): create and upload, where a new file array is stored (default: the namespace's location); export, where the plain file is written. For notebook and udfs copy: where the copy is stored.",
            javaType = "String")
    public static final String STORAGE_URI = "CamelTileDBStorageUri";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the credentialsName option. For create and register (and files create and upload, notebook and udfs copy): the name of the stored cloud credentials TileDB Cloud uses to reach the storage. For the UDF runs: the stored credentials put in the UDF's environment (access_credentials_name).",
            javaType = "String")
    public static final String CREDENTIALS_NAME = "CamelTileDBCredentialsName";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the subarray option. For maxBufferSizes: the subarray bounds as CSV, such as 1,100,1,10.",
            javaType = "String")
    public static final String SUBARRAY = "CamelTileDBSubarray";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the samples option. For sample: how many cells to return (the service's default is 5).",
            javaType = "Integer")
    public static final String SAMPLES = "CamelTileDBSamples";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the metadataLength option. For metadataJson: truncate values to this many characters.",
            javaType = "Integer")
    public static final String METADATA_LENGTH = "CamelTileDBMetadataLength";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the endTimestamp option. For metadataJson: read the metadata as of this time; for fragmentEndTimestamp: the time a read opens the array at; for notebook and udfs copy: copy the version of this time; for arrays read: the cells as they were at this time (time travel: only fragments written at or before it). Epoch milliseconds.",
            javaType = "Long")
    public static final String END_TIMESTAMP = "CamelTileDBEndTimestamp";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the startTimestamp option. For arrays read: only the cells of fragments written at or after this time (with endTimestamp, the cells a window of writes made). Epoch milliseconds; the beginning when unset.",
            javaType = "Long")
    public static final String START_TIMESTAMP = "CamelTileDBStartTimestamp";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the writeTimestamp option. For arrays write: the timestamp of the fragments the write makes (epoch milliseconds), which time-travel reads and the fragment list see; the service's clock when unset. Every fragment of one exchange gets it.",
            javaType = "Long")
    public static final String WRITE_TIMESTAMP = "CamelTileDBWriteTimestamp";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the payer option. For nonEmptyDomain, maxBufferSizes, query, udfs apply and the download of notebooks and file arrays: the namespace charged for the request (X-Payer).",
            javaType = "String")
    public static final String PAYER = "CamelTileDBPayer";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the inputUri option. For files create on the classic platform: the file in storage to make a file array of, such as s3://bucket/report.pdf.",
            javaType = "String")
    public static final String INPUT_URI = "CamelTileDBInputUri";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the storagePath option. For notebook upload: the storage folder the new notebook array goes in, such as s3://bucket/notebooks. Default: the user's notebook location, else its default storage path (GET /v1/user).",
            javaType = "String")
    public static final String STORAGE_PATH = "CamelTileDBStoragePath";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the onExists option. For notebook upload: fail refuses to replace an existing notebook before any byte is sent; overwrite writes a new version. The service has no create-if-absent upload, so fail checks, then uploads: uploads of one name from this JVM take turns (one wins, the others fail), but an upload from another process between the check and the upload can still win, and then this one writes a new version.",
            javaType = "dev.cameltiledb.component.OnExists")
    public static final String ON_EXISTS = "CamelTileDBOnExists";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the validateJson option. For notebook upload: check that the body is well-formed notebook JSON (a JSON object) before sending it; streamed, so large files are fine.",
            javaType = "Boolean")
    public static final String VALIDATE_JSON = "CamelTileDBValidateJson";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the downloadAs option. For notebook and file download: the body type, string, bytes or stream (a live InputStream to close after use).",
            javaType = "dev.cameltiledb.component.DownloadAs")
    public static final String DOWNLOAD_AS = "CamelTileDBDownloadAs";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the outputFile option. For notebook and file download: write the contents to this file (streamed) and reply with the File. Its folder must exist and be writable (checked before any request); the file appears only when complete, renamed over any file of that name in one step (a reader finds the old file or the new one, never none), and a failed download leaves the old one as it was.",
            javaType = "String")
    public static final String OUTPUT_FILE = "CamelTileDBOutputFile";

    @Metadata(
            label = "producer",
            description = "Overrides the newName option. For notebook rename and copy and udfs copy: the new name.",
            javaType = "String")
    public static final String NEW_NAME = "CamelTileDBNewName";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the keepVersions option. For notebook prune: how many of the most recent versions to keep.",
            javaType = "Integer")
    public static final String KEEP_VERSIONS = "CamelTileDBKeepVersions";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the groupType option. For group lists: only groups of this type (generic, vcf, soma, bioimg, pointcloud, raster, geometry, vector_search).",
            javaType = "String")
    public static final String GROUP_TYPE = "CamelTileDBGroupType";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the flat option. For group lists: true lists every group regardless of nesting, false only top-level groups. Sent with every list, true unless told, as the Python client does (the service lists only top-level groups when it gets none).",
            javaType = "Boolean")
    public static final String FLAT = "CamelTileDBFlat";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the parent option. For group lists: only the children of this group id; for group register: the parent group (name or id).",
            javaType = "String")
    public static final String PARENT = "CamelTileDBParent";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the memberTypes option. For group contents: only members of these asset types (comma-separated: array, group, notebook...).",
            javaType = "String")
    public static final String MEMBER_TYPES = "CamelTileDBMemberTypes";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the excludeMemberTypes option. For group contents: no members of these asset types (comma-separated).",
            javaType = "String")
    public static final String EXCLUDE_MEMBER_TYPES = "CamelTileDBExcludeMemberTypes";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the members option. For addMembers and removeMembers: the members, comma-separated: of a group, tiledb://namespace/name URIs or names in the group's namespace; of a workspace, teamspace or organization, users by id or name; of a folder, asset paths or ids. For assets move: the assets to move (paths or ids).",
            javaType = "String")
    public static final String MEMBERS = "CamelTileDBMembers";

    @Metadata(
            label = "producer",
            description = "Overrides the memberType option. For addMembers: whether the members are arrays or groups.",
            javaType = "dev.cameltiledb.component.MemberType")
    public static final String MEMBER_TYPE = "CamelTileDBMemberType";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the recursive option. For group delete and deregister: also delete or deregister every member, descending into sub-groups.",
            javaType = "Boolean")
    public static final String RECURSIVE = "CamelTileDBRecursive";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the organization option. For user operation organization, and the organization's member operations (listMembers, getMember, addMembers, updateMember, removeMembers): the organization's name or id.",
            javaType = "String")
    public static final String ORGANIZATION = "CamelTileDBOrganization";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the requiredAction option. For user operation defaultChargedNamespace: only namespaces that allow this action (such as run_job).",
            javaType = "String")
    public static final String REQUIRED_ACTION = "CamelTileDBRequiredAction";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the tokenName option. For user operations createToken (the new API token's name) and revokeToken (the token to revoke, by name: a token's value would travel in the URL).",
            javaType = "String")
    public static final String TOKEN_NAME = "CamelTileDBTokenName";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the tokenExpires option. For createToken: when the new token expires, an ISO-8601 instant such as 2026-12-31T00:00:00Z or epoch seconds (the service's default is 30 minutes).",
            javaType = "String")
    public static final String TOKEN_EXPIRES = "CamelTileDBTokenExpires";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the tokenScopes option. For createToken: what the new token may do, comma-separated token scopes such as array:read,group:read (default *: everything the user may do).",
            javaType = "String")
    public static final String TOKEN_SCOPES = "CamelTileDBTokenScopes";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the workspace option. The workspace (name or id) on the workspace platform: the one the workspaces, teamspaces and credentials operations work on. The endpoint's value is also the session's workspace; without it the session's comes from the credential chain (rest.workspace of the profile, TILEDB_REST_WORKSPACE, or the workspace a workspace token names).",
            javaType = "String")
    public static final String WORKSPACE = "CamelTileDBWorkspace";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the teamspace option. The teamspace (name or id) of the teamspaces operations; for credentials list, only the credentials of this teamspace (by id). Assets, folders and files name their teamspace in the namespace option (workspace/teamspace) or in tiledbUri.",
            javaType = "String")
    public static final String TEAMSPACE = "CamelTileDBTeamspace";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the path option. The path of an asset, folder or file inside the teamspace named by namespace (workspace/teamspace), such as reports/2026/q1; instead of namespace and path, tiledbUri may give tiledb://workspace/teamspace/path. For assets list, folders contents and the tiledb:assets consumer (a change feed): the folder to list or watch; . (the default of assets list and of the consumer) is the teamspace's root.",
            javaType = "String")
    public static final String PATH = "CamelTileDBPath";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the user option. A user, by id (usr_...) or user name: for user operation deploymentUser; for user operation profile, another user's profile (classic platform); for getMember, updateMember of workspaces, teamspaces and organizations (tiledb:user with the organization option).",
            javaType = "String")
    public static final String USER = "CamelTileDBUser";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the role option. For addMembers and updateMember of workspaces (owner, admin, member), teamspaces (owner, editor, viewer) and organizations (admin, read_write_delete, read_write, read_only): the role to give.",
            javaType = "String")
    public static final String ROLE = "CamelTileDBRole";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the memberships option. For teamspaces list: true (the service's default) lists the teamspaces the caller is a member of, false the public ones it is not a member of.",
            javaType = "Boolean")
    public static final String MEMBERSHIPS = "CamelTileDBMemberships";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the sortOrder option. For teamspaces list: the direction of orderBy (name, created_at, updated_at), asc or desc (the service's default).",
            javaType = "dev.cameltiledb.component.SortOrder",
            enums = "asc,desc")
    public static final String SORT_ORDER = "CamelTileDBSortOrder";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the assetType option. For assets list and (classic platform) listPublic: only assets of this type (array, group, notebook, file, folder and the other types of the service).",
            javaType = "String")
    public static final String ASSET_TYPE = "CamelTileDBAssetType";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the createdBy option. For assets list (workspace platform): only assets this user created. For tasks list and the tasks consumer: only tasks this user ran; for taskgraphs logs: only executions this user started.",
            javaType = "String")
    public static final String CREATED_BY = "CamelTileDBCreatedBy";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the expand option. For assets list: supplemental information to include with each asset, as the service names it (on the classic platform: metadata).",
            javaType = "String")
    public static final String EXPAND = "CamelTileDBExpand";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the includeSystemAssets option. For assets list: also the system assets (overlay arrays and groups) the service hides by default.",
            javaType = "Boolean")
    public static final String INCLUDE_SYSTEM_ASSETS = "CamelTileDBIncludeSystemAssets";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the prefix option. For files list: only files whose path starts with this prefix (such as reports/).",
            javaType = "String")
    public static final String PREFIX = "CamelTileDBPrefix";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the delimiter option. For files list with page or continuationToken: the delimiter of the folder level listed; / (the default) is the only one the service supports. Without page, the listing walks every level.",
            javaType = "String")
    public static final String DELIMITER = "CamelTileDBDelimiter";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the continuationToken option. For files list with page: the NextContinuationToken of the previous page (header CamelTileDBNextContinuationToken of its reply).",
            javaType = "String")
    public static final String CONTINUATION_TOKEN = "CamelTileDBContinuationToken";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the deleteAssets option. For teamspaces and folders delete: also delete the assets' data from storage; otherwise they are only deregistered.",
            javaType = "Boolean")
    public static final String DELETE_ASSETS = "CamelTileDBDeleteAssets";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the targetFolder option. For assets move: the folder (path or id) the assets move into.",
            javaType = "String")
    public static final String TARGET_FOLDER = "CamelTileDBTargetFolder";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the metadataKeys option. For deleteMetadata of assets and groups: the metadata keys to remove, comma-separated.",
            javaType = "String")
    public static final String METADATA_KEYS = "CamelTileDBMetadataKeys";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the provider option. For credentials list: only credentials of this cloud provider (AWS, AZURE, GCP).",
            javaType = "String")
    public static final String PROVIDER = "CamelTileDBProvider";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the credentialType option. For credentials list: only credentials of this type (workspace, teamspace).",
            javaType = "String")
    public static final String CREDENTIAL_TYPE = "CamelTileDBCredentialType";

    @Metadata(
            label = "producer",
            description = "Overrides the credential option. For credentials get: the credential's name.",
            javaType = "String")
    public static final String CREDENTIAL = "CamelTileDBCredential";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the query option. For sql exec: the SQL to run, its tables the arrays' tiledb://namespace/name URIs in backquotes; without it the body (a String, a byte array or an InputStream) is the query.",
            javaType = "String")
    public static final String QUERY = "CamelTileDBQuery";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the parameters option. For sql exec: the values of the query's placeholders (question marks), in order, as a JSON array (a List in the header).",
            javaType = "String")
    public static final String PARAMETERS = "CamelTileDBParameters";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the initCommands option. For sql exec: statements run before the query, as a JSON array of strings (a List in the header).",
            javaType = "String")
    public static final String INIT_COMMANDS = "CamelTileDBInitCommands";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the resultFormat option. For sql exec and the UDF runs: the format the service answers in; json when unset. json is parsed (SQL: a List of Map rows; a UDF: its JSON value), or read lazily with streamResults; any other format (arrow: the Arrow IPC stream) is the body as a live InputStream, closed when the exchange completes.",
            javaType = "dev.cameltiledb.component.TaskResultFormat")
    public static final String RESULT_FORMAT = "CamelTileDBResultFormat";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the batchSize option. For sql exec, arrays query and read and the UDF runs with streamResults and a json result: the rows each item of the lazy Iterator holds. 1 (the default): each item is one Map row; more: each item is a List of up to batchSize Map rows (the last one shorter), so that .split(body()).streaming() makes one exchange per batch (for a JDBC batch insert, say), and a batch's rows are held in memory together. Without streamResults it has no effect. For the cells consumer: the cells each exchange holds, 1 (one Map) or more (a List of up to batchSize Maps).",
            javaType = "Integer")
    public static final String BATCH_SIZE = "CamelTileDBBatchSize";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the outputUri option. For sql exec: an array to store the result in as well, such as s3://bucket/results/daily (outputUri of the service).",
            javaType = "String")
    public static final String OUTPUT_URI = "CamelTileDBOutputUri";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the storeResults option. For sql exec and the UDF runs: keep the result on the service, for tasks result with the task id (CamelTileDBTaskId) later.",
            javaType = "Boolean")
    public static final String STORE_RESULTS = "CamelTileDBStoreResults";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the resourceClass option. For sql exec and the UDF runs: the resource class (the CPU and memory limits) the task runs in, such as standard or large.",
            javaType = "String")
    public static final String RESOURCE_CLASS = "CamelTileDBResourceClass";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the taskName option. For sql exec and the UDF runs: the task's name, as the tasks list shows it.",
            javaType = "String")
    public static final String TASK_NAME = "CamelTileDBTaskName";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the udfName option. For udfs: the registered UDF, written namespace/name (as TileDB's Python client takes it) or tiledb://namespace/name; a name alone belongs to the namespace option. The UDF the run operations run, or the one the management operations work on.",
            javaType = "String")
    public static final String UDF_NAME = "CamelTileDBUdfName";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the udfSource option. For the UDF runs: Python source to run instead of a registered UDF (the last function it defines runs); for udfs register and update: the code to store. The service keeps it as exec_raw.",
            javaType = "String")
    public static final String UDF_SOURCE = "CamelTileDBUdfSource";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the arguments option. For the UDF runs: the arguments as JSON, a JSON array for positional arguments or an object for named ones; without it the body gives them (a List, a Map, or JSON text; another value is one positional argument).",
            javaType = "String")
    public static final String ARGUMENTS = "CamelTileDBArguments";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the timeout option. For the UDF runs: the seconds the UDF may run before the service stops it (the service's default is 900).",
            javaType = "Integer")
    public static final String TIMEOUT = "CamelTileDBTimeout";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the imageName option. For the UDF runs: the image the UDF runs in (the service's default image when unset).",
            javaType = "String")
    public static final String IMAGE_NAME = "CamelTileDBImageName";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the ranges option. For arrays query and read and udfs apply: the slice to read, a JSON array holding one array of bounds per dimension, in the schema's order: lo1, hi1, lo2, hi2 and so on, numbers only; an empty array reads the whole dimension. Without it the whole array.",
            javaType = "String")
    public static final String RANGES = "CamelTileDBRanges";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the layout option. For arrays query and read and udfs apply and execMultiArray, and the cells consumer: the order of the cells: row-major (the default), col-major, global-order or unordered. The cells consumer reads a window in the same order each time, so a restart skips the cells already delivered; with unordered it delivers the whole window again.",
            javaType = "String",
            enums = "row-major,col-major,global-order,unordered")
    public static final String LAYOUT = "CamelTileDBLayout";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the fields option. For arrays query and read and udfs apply, and the cells consumer: the attributes and dimensions to read (comma-separated); all when unset.",
            javaType = "String")
    public static final String FIELDS = "CamelTileDBFields";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the cellFormat option. For arrays read and the cells consumer: the shape of the cells. rows (the default): a List of Map rows (field to value), or with streamResults a lazy Iterator of them (of Lists of up to batchSize rows with batchSize above 1). columns: CellColumns, a typed Java array per field (long[], int[], double[], float[], String[]) with the validity of nullable fields, for bulk use; without streamResults one CellColumns holding every cell read, with streamResults a lazy Iterator of one CellColumns per page (at most readBufferSize bytes each). The cells consumer delivers one exchange per cell or batchSize cells (rows), or per page (columns).",
            javaType = "dev.cameltiledb.component.CellFormat")
    public static final String CELL_FORMAT = "CamelTileDBCellFormat";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the readBufferSize option. For arrays read and the cells consumer: the bytes one page of cells may take (shared by the fields read); a larger read comes in several pages, asked for one at a time, so its memory stays within about one page whatever its size. At least 1024.",
            javaType = "Long")
    public static final String READ_BUFFER_SIZE = "CamelTileDBReadBufferSize";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the fragmentSize option. For arrays write: the most cells one fragment (one write request) holds; a larger body is cut into several fragments, a stream (an Iterator of rows) is read this many rows at a time. A dense body is cut into whole slabs along its first dimension (at least one slab a fragment).",
            javaType = "Integer")
    public static final String FRAGMENT_SIZE = "CamelTileDBFragmentSize";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the arraySlices option. For udfs execMultiArray: the array slices the UDF reads, a JSON array whose items are a tiledb://namespace/name URI (the whole array) or an object with uri, ranges (bounds per dimension, as the ranges option takes them) and buffers (the attributes and dimensions to read).",
            javaType = "String")
    public static final String ARRAY_SLICES = "CamelTileDBArraySlices";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the graphName option. For taskgraphs: the registered task graph, written namespace/name or tiledb://namespace/name; a name alone belongs to the namespace option. For submit: the registered graph to run.",
            javaType = "String")
    public static final String GRAPH_NAME = "CamelTileDBGraphName";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the executionId option. For taskgraphs log, retry, resubmit and stop: the execution (a TaskGraphLog's uuid). Set on the reply of submit, retry and resubmit.",
            javaType = "String")
    public static final String EXECUTION_ID = "CamelTileDBExecutionId";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the waitForCompletion option. For taskgraphs submit, retry and resubmit: wait until the execution ends, reading its log every completionPollInterval up to completionTimeout, and reply with the final log; an execution that ends in failure fails the exchange, naming the nodes that failed.",
            javaType = "Boolean")
    public static final String WAIT_FOR_COMPLETION = "CamelTileDBWaitForCompletion";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the completionTimeout option. For waitForCompletion: the longest to wait for the end (milliseconds, or a duration such as 10m); the execution goes on when the wait gives up, and the error names it.",
            javaType = "Long")
    public static final String COMPLETION_TIMEOUT = "CamelTileDBCompletionTimeout";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the completionPollInterval option. For waitForCompletion: how long to wait between two reads of the execution's log (milliseconds, or a duration such as 2s).",
            javaType = "Long")
    public static final String COMPLETION_POLL_INTERVAL = "CamelTileDBCompletionPollInterval";
    // option headers: END

    // reply headers

    @Metadata(label = "producer", description = "Reply: the page the service returned (1-based).", javaType = "Long")
    public static final String RESULT_PAGE = "CamelTileDBResultPage";

    @Metadata(label = "producer", description = "Reply: the page size the service used.", javaType = "Long")
    public static final String RESULT_PER_PAGE = "CamelTileDBResultPerPage";

    @Metadata(
            label = "producer",
            description = "Reply: how many pages the listing has at this page size.",
            javaType = "Long")
    public static final String TOTAL_PAGES = "CamelTileDBTotalPages";

    @Metadata(label = "producer", description = "Reply: how many items the listing has in all.", javaType = "Long")
    public static final String TOTAL_ITEMS = "CamelTileDBTotalItems";

    @Metadata(
            label = "producer",
            description =
                    "Reply of files list with page or continuationToken: the token that asks for the next page (the continuationToken option), absent on the last page.",
            javaType = "String")
    public static final String NEXT_CONTINUATION_TOKEN = "CamelTileDBNextContinuationToken";

    @Metadata(label = "producer", description = "Reply of files upload and stat: the file's ETag.", javaType = "String")
    public static final String FILE_ETAG = "CamelTileDBFileEtag";

    @Metadata(label = "producer", description = "Reply of files stat: the file's size in bytes.", javaType = "Long")
    public static final String FILE_SIZE = "CamelTileDBFileSize";

    @Metadata(
            label = "producer",
            description = "Reply: the tiledb://namespace/name URI of the asset the operation worked on.",
            javaType = "String")
    public static final String ASSET_URI = "CamelTileDBAssetUri";

    @Metadata(
            label = "producer",
            description = "Reply: the name of the asset an upload or copy created.",
            javaType = "String")
    public static final String ASSET_NAME = "CamelTileDBAssetName";

    @Metadata(
            label = "producer",
            description = "Reply: the id of the asset an upload or copy created.",
            javaType = "String")
    public static final String ASSET_ID = "CamelTileDBAssetId";

    @Metadata(
            label = "producer",
            description =
                    "Reply of arrays read without streamResults: how many cells were read (rows, or the CellColumns' size).",
            javaType = "Long")
    public static final String CELLS_READ = "CamelTileDBCellsRead";

    @Metadata(
            label = "producer",
            description =
                    "Reply of arrays read without streamResults: how many pages (requests of at most readBufferSize bytes) the read took.",
            javaType = "Integer")
    public static final String READ_PAGES = "CamelTileDBReadPages";

    @Metadata(
            label = "producer",
            description =
                    "Reply of arrays write: how many cells the write sent, in every fragment it made; on a write that failed part-way, the cells of the fragments made before (which stay).",
            javaType = "Long")
    public static final String CELLS_WRITTEN = "CamelTileDBCellsWritten";

    @Metadata(
            label = "producer",
            description =
                    "Reply of arrays write: the fragments made, in order, each a WrittenFragment (uri, timestamp, cells); on a write that failed part-way, those made before (which stay).",
            javaType = "java.util.List<dev.cameltiledb.client.cells.WrittenFragment>")
    public static final String FRAGMENTS = "CamelTileDBFragments";

    @Metadata(
            label = "producer",
            description =
                    "Reply of arrays write: the timestamp (epoch milliseconds) of the last fragment made, the time a read with endTimestamp sees it from.",
            javaType = "Long")
    public static final String FRAGMENT_TIMESTAMP = "CamelTileDBFragmentTimestamp";

    @Metadata(
            label = "producer",
            description = "Reply of arrays write: the URI (or name) of the last fragment made.",
            javaType = "String")
    public static final String FRAGMENT_URI = "CamelTileDBFragmentUri";

    // consumer headers

    @Metadata(
            label = "consumer",
            description =
                    "The activity event's id. For the cells consumer: the array's URI followed by the window and the position of the exchange's first cell in it, the same when a window is delivered again, for an idempotent consumer.",
            javaType = "String")
    public static final String EVENT_ID = "CamelTileDBEventId";

    @Metadata(
            label = "consumer",
            description = "The activity event's action (an ActivityEventType such as create or query_read).",
            javaType = "String")
    public static final String EVENT_ACTION = "CamelTileDBEventAction";

    @Metadata(label = "consumer", description = "The user who caused the activity event.", javaType = "String")
    public static final String EVENT_USER = "CamelTileDBEventUser";

    @Metadata(
            label = "consumer",
            description =
                    "When the activity event happened. For the cells consumer: the end of the window (the newest fragment's timestamp).",
            javaType = "java.time.Instant")
    public static final String EVENT_TIME = "CamelTileDBEventTime";

    @Metadata(label = "consumer", description = "For change feeds: created, updated or deleted.", javaType = "String")
    public static final String CHANGE = "CamelTileDBChange";

    @Metadata(
            label = "consumer",
            description =
                    "For the cells consumer: the first fragment timestamp of the window the exchange's cells come from (epoch milliseconds, inclusive; 0 for the beginning).",
            javaType = "Long")
    public static final String WINDOW_START = "CamelTileDBWindowStart";

    @Metadata(
            label = "consumer",
            description =
                    "For the cells consumer: the last fragment timestamp of the window (epoch milliseconds, inclusive): the array's newest fragment when the window was opened. The cursor moves here once the window was delivered.",
            javaType = "Long")
    public static final String WINDOW_END = "CamelTileDBWindowEnd";

    @Metadata(
            label = "consumer",
            description = "For the cells consumer: the position in its window of the exchange's first cell, from 0.",
            javaType = "Long")
    public static final String CELL_INDEX = "CamelTileDBCellIndex";

    @Metadata(
            label = "consumer",
            description = "For the cells consumer: how many cells the exchange holds.",
            javaType = "Integer")
    public static final String CELL_COUNT = "CamelTileDBCellCount";

    private TileDBConstants() {}
}
