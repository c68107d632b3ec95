package dev.cameltiledb.component;

import dev.cameltiledb.camel.OptionGroup;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Parameters of the workspace platform's operations ({@code workspaces}, {@code teamspaces}, {@code assets},
 * {@code folders}, {@code files}, {@code credentials} and the workspace operations of {@code user}). Each can be
 * overridden per message by its header.
 */
@UriParams
public class WorkspaceOptions extends OptionGroup<WorkspaceOptions> {

    @UriParam(
            label = "common",
            description =
                    "The workspace (name or id) on the workspace platform: the one the workspaces, teamspaces and credentials operations work on. The endpoint's value is also the session's workspace; without it the session's comes from the credential chain (rest.workspace of the profile, TILEDB_REST_WORKSPACE, or the workspace a workspace token names).")
    private String workspace;

    @UriParam(
            label = "common",
            description =
                    "The teamspace (name or id) of the teamspaces operations; for credentials list, only the credentials of this teamspace (by id). Assets, folders and files name their teamspace in the namespace option (workspace/teamspace) or in tiledbUri.")
    private String teamspace;

    @UriParam(
            label = "common",
            description =
                    "The path of an asset, folder or file inside the teamspace named by namespace (workspace/teamspace), such as reports/2026/q1; instead of namespace and path, tiledbUri may give tiledb://workspace/teamspace/path. For assets list, folders contents and the tiledb:assets consumer (a change feed): the folder to list or watch; . (the default of assets list and of the consumer) is the teamspace's root.")
    private String path;

    @UriParam(
            label = "producer",
            description =
                    "A user, by id (usr_...) or user name: for user operation deploymentUser; for user operation profile, another user's profile (classic platform); for getMember, updateMember of workspaces, teamspaces and organizations (tiledb:user with the organization option).")
    private String user;

    @UriParam(
            label = "producer",
            description =
                    "For addMembers and updateMember of workspaces (owner, admin, member), teamspaces (owner, editor, viewer) and organizations (admin, read_write_delete, read_write, read_only): the role to give.")
    private String role;

    @UriParam(
            label = "producer",
            description =
                    "For teamspaces list: true (the service's default) lists the teamspaces the caller is a member of, false the public ones it is not a member of.")
    private Boolean memberships;

    @UriParam(
            label = "producer",
            enums = "asc,desc",
            description =
                    "For teamspaces list: the direction of orderBy (name, created_at, updated_at), asc or desc (the service's default).")
    private SortOrder sortOrder;

    @UriParam(
            label = "producer",
            description =
                    "For assets list and (classic platform) listPublic: only assets of this type (array, group, notebook, file, folder and the other types of the service).")
    private String assetType;

    @UriParam(
            label = "producer",
            description =
                    "For assets list (workspace platform): only assets this user created. For tasks list and the tasks consumer: only tasks this user ran; for taskgraphs logs: only executions this user started.")
    private String createdBy;

    @UriParam(
            label = "producer",
            description =
                    "For assets list: supplemental information to include with each asset, as the service names it (on the classic platform: metadata).")
    private String expand;

    @UriParam(
            label = "producer",
            description =
                    "For assets list: also the system assets (overlay arrays and groups) the service hides by default.")
    private Boolean includeSystemAssets;

    @UriParam(
            label = "producer",
            description = "For files list: only files whose path starts with this prefix (such as reports/).")
    private String prefix;

    @UriParam(
            label = "producer",
            description =
                    "For files list with page or continuationToken: the delimiter of the folder level listed; / (the default) is the only one the service supports. Without page, the listing walks every level.")
    private String delimiter;

    @UriParam(
            label = "producer",
            description =
                    "For files list with page: the NextContinuationToken of the previous page (header CamelTileDBNextContinuationToken of its reply).")
    private String continuationToken;

    @UriParam(
            label = "producer",
            description =
                    "For teamspaces and folders delete: also delete the assets' data from storage; otherwise they are only deregistered.")
    private Boolean deleteAssets;

    @UriParam(label = "producer", description = "For assets move: the folder (path or id) the assets move into.")
    private String targetFolder;

    @UriParam(
            label = "producer",
            description = "For deleteMetadata of assets and groups: the metadata keys to remove, comma-separated.")
    private String metadataKeys;

    @UriParam(
            label = "producer",
            description = "For credentials list: only credentials of this cloud provider (AWS, AZURE, GCP).")
    private String provider;

    @UriParam(
            label = "producer",
            description = "For credentials list: only credentials of this type (workspace, teamspace).")
    private String credentialType;

    @UriParam(label = "producer", description = "For credentials get: the credential's name.")
    private String credential;

    public String getWorkspace() {
        return workspace;
    }

    public void setWorkspace(String workspace) {
        this.workspace = workspace;
    }

    public String getTeamspace() {
        return teamspace;
    }

    public void setTeamspace(String teamspace) {
        this.teamspace = teamspace;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public Boolean getMemberships() {
        return memberships;
    }

    public void setMemberships(Boolean memberships) {
        this.memberships = memberships;
    }

    public String getAssetType() {
        return assetType;
    }

    public void setAssetType(String assetType) {
        this.assetType = assetType;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
    }

    public String getExpand() {
        return expand;
    }

    public void setExpand(String expand) {
        this.expand = expand;
    }

    public Boolean getIncludeSystemAssets() {
        return includeSystemAssets;
    }

    public void setIncludeSystemAssets(Boolean includeSystemAssets) {
        this.includeSystemAssets = includeSystemAssets;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public String getDelimiter() {
        return delimiter;
    }

    public void setDelimiter(String delimiter) {
        this.delimiter = delimiter;
    }

    public String getContinuationToken() {
        return continuationToken;
    }

    public void setContinuationToken(String continuationToken) {
        this.continuationToken = continuationToken;
    }

    public Boolean getDeleteAssets() {
        return deleteAssets;
    }

    public void setDeleteAssets(Boolean deleteAssets) {
        this.deleteAssets = deleteAssets;
    }

    public String getTargetFolder() {
        return targetFolder;
    }

    public void setTargetFolder(String targetFolder) {
        this.targetFolder = targetFolder;
    }

    public String getMetadataKeys() {
        return metadataKeys;
    }

    public void setMetadataKeys(String metadataKeys) {
        this.metadataKeys = metadataKeys;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public String getCredentialType() {
        return credentialType;
    }

    public void setCredentialType(String credentialType) {
        this.credentialType = credentialType;
    }

    public String getCredential() {
        return credential;
    }

    public void setCredential(String credential) {
        this.credential = credential;
    }

    public SortOrder getSortOrder() {
        return sortOrder;
    }

    public void setSortOrder(SortOrder sortOrder) {
        this.sortOrder = sortOrder;
    }
}
