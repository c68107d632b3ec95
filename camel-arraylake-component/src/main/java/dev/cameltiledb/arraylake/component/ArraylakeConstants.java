package dev.cameltiledb.arraylake.component;

import org.apache.camel.spi.Metadata;

/**
 * The headers of {@code arraylake:} messages. Each message option has one ({@link OptionHeaders}: {@code CamelArraylake}
 * + the option's name), which overrides the URI's value for that message; those constants are kept equal to the
 * options by {@code OptionHeadersTest}. The others are written by the component: what the consumer saw, and what a
 * producer was asked to return beside the body.
 */
public final class ArraylakeConstants {

    // option headers: START (generated from the option declarations by the build, component-generator; do not edit)

    @Metadata(
            label = "producer",
            description =
                    "Overrides the operation option. The operation to perform; each resource offers its own (see the docs). When a resource offers one operation only (user: get), it is the default.",
            javaType = "dev.cameltiledb.arraylake.component.ArraylakeOperation")
    public static final String OPERATION = "CamelArraylakeOperation";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the org option. The org (organization) name: whose repos are listed or watched by the consumer, whose bucket configs, API clients and permissions are used. For repo operations, the org of a repo given without one.",
            javaType = "String")
    public static final String ORG = "CamelArraylakeOrg";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the repo option. The repo, written org/name (or name alone with the org option). Checked against the service's name rule before any request.",
            javaType = "String")
    public static final String REPO = "CamelArraylakeRepo";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the page option. For list operations of repos: fetch only this page (1-based) instead of all pages.",
            javaType = "Integer")
    public static final String PAGE = "CamelArraylakePage";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the size option. The page size (1 to 100) of repos list with page (the service's default is 50) and of the consumer's listing (default 100). A repos list without page reads pages of 100.",
            javaType = "Integer")
    public static final String SIZE = "CamelArraylakeSize";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the maxResults option. For list operations without page: stop after this many items (0 = no limit). For services logs: the lines end after this many and the log is closed, which is how a route stops reading a followed log.",
            javaType = "Integer")
    public static final String MAX_RESULTS = "CamelArraylakeMaxResults";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the streamResults option. For repos list without page: reply with a lazy Iterator that fetches the next page only when the previous one is used up, for .split(body()).streaming().",
            javaType = "Boolean")
    public static final String STREAM_RESULTS = "CamelArraylakeStreamResults";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the filterMetadata option. For repos list: only repos whose metadata matches this JSON object (each key must equal the value, or contain it when the repo's value is a list).",
            javaType = "String")
    public static final String FILTER_METADATA = "CamelArraylakeFilterMetadata";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the includeGhosts option. For repos list: include repos that were soft-deleted (ghosts, status offline with message deleted).",
            javaType = "Boolean")
    public static final String INCLUDE_GHOSTS = "CamelArraylakeIncludeGhosts";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the bucketNickname option. For repos create and getOrCreate: the nickname of the bucket config the repo's data goes to; without it, the org's default bucket.",
            javaType = "String")
    public static final String BUCKET_NICKNAME = "CamelArraylakeBucketNickname";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the kind option. For repos create and getOrCreate: the kind of repo; the service creates icechunk repos only.",
            javaType = "dev.cameltiledb.arraylake.component.RepoKind",
            enums = "icechunk,v1")
    public static final String KIND = "CamelArraylakeKind";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the prefix option. For repos create and getOrCreate: the repo's prefix inside its bucket (at most 256 characters); without it, the service uses the repo's id.",
            javaType = "String")
    public static final String PREFIX = "CamelArraylakePrefix";

    @Metadata(
            label = "producer",
            description = "Overrides the description option. For repos create and modify: the repo's description.",
            javaType = "String")
    public static final String DESCRIPTION = "CamelArraylakeDescription";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the metadata option. For repos create and getOrCreate: the repo's metadata as a JSON object of scalars or lists of scalars; a Map body does the same.",
            javaType = "String")
    public static final String METADATA = "CamelArraylakeMetadata";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the createMode option. For repos create and getOrCreate: create a new repo (the service's default), register existing data, or import it.",
            javaType = "dev.cameltiledb.arraylake.component.CreateMode",
            enums = "create,register,import")
    public static final String CREATE_MODE = "CamelArraylakeCreateMode";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the addMetadata option. For repos modify: metadata keys to add, as a JSON object (a key that exists already is refused by the service).",
            javaType = "String")
    public static final String ADD_METADATA = "CamelArraylakeAddMetadata";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the updateMetadata option. For repos modify: metadata keys to change, as a JSON object (a key that does not exist is refused by the service). A Map body does the same.",
            javaType = "String")
    public static final String UPDATE_METADATA = "CamelArraylakeUpdateMetadata";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the removeMetadata option. For repos modify: metadata keys to remove, comma separated.",
            javaType = "String")
    public static final String REMOVE_METADATA = "CamelArraylakeRemoveMetadata";

    @Metadata(
            label = "producer",
            description = "Overrides the mode option. For repos setStatus: the repo's new status.",
            javaType = "dev.cameltiledb.arraylake.client.model.RepoMode",
            enums = "online,maintenance,offline")
    public static final String MODE = "CamelArraylakeMode";

    @Metadata(
            label = "producer",
            description = "Overrides the message option. For repos setStatus: the message shown with the status.",
            javaType = "String")
    public static final String MESSAGE = "CamelArraylakeMessage";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the confirmDelete option. For delete: must be true, else the delete operation fails without sending anything (the Python client's imsure and imreallysure).",
            javaType = "Boolean")
    public static final String CONFIRM_DELETE = "CamelArraylakeConfirmDelete";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the immediate option. For repos delete: remove the repo at once instead of the service's soft delete (which keeps a ghost).",
            javaType = "Boolean")
    public static final String IMMEDIATE = "CamelArraylakeImmediate";

    @Metadata(
            label = "producer",
            description = "Overrides the retainData option. For repos delete: keep the repo's data in its bucket.",
            javaType = "Boolean")
    public static final String RETAIN_DATA = "CamelArraylakeRetainData";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the bucketCredentials option. For repos get and buckets get: also fetch temporary credentials for the bucket into the CamelArraylakeTemporaryCredentials header (never into the body, never logged).",
            javaType = "Boolean")
    public static final String BUCKET_CREDENTIALS = "CamelArraylakeBucketCredentials";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the access option. For buckets get with bucketCredentials: read or write credentials.",
            javaType = "dev.cameltiledb.arraylake.component.BucketAccess",
            enums = "read,write")
    public static final String ACCESS = "CamelArraylakeAccess";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the nickname option. The bucket config's nickname, for every buckets operation but list.",
            javaType = "String")
    public static final String NICKNAME = "CamelArraylakeNickname";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the bucketUri option. For buckets create: where the bucket is, as platform://bucket-name[/prefix] (platform s3, s3-compatible, minio, gs or azure).",
            javaType = "String")
    public static final String BUCKET_URI = "CamelArraylakeBucketUri";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the extraConfig option. For buckets create: the bucket's extra configuration as a JSON object (s3 needs region_name, s3-compatible endpoint_url).",
            javaType = "String")
    public static final String EXTRA_CONFIG = "CamelArraylakeExtraConfig";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the authConfig option. For buckets create: how the service reaches the bucket, a JSON object with a method key; default {\"method\": \"anonymous\"}. It may hold keys: masked like a token, never shown in an error.",
            javaType = "String")
    public static final String AUTH_CONFIG = "CamelArraylakeAuthConfig";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the principalId option. For orgs checkPermission: the principal (user or API client id) whose permission is checked.",
            javaType = "String")
    public static final String PRINCIPAL_ID = "CamelArraylakePrincipalId";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the resource option. For orgs checkPermission: what the permission is checked on, an org name or org/repo.",
            javaType = "String")
    public static final String RESOURCE = "CamelArraylakeResource";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the action option. For orgs checkPermission: the action, an org action (such as CAN_READ_REPOS) or a repo action (such as CAN_WRITE).",
            javaType = "String")
    public static final String ACTION = "CamelArraylakeAction";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the serviceId option. For services get, delete and logs: the service, by the name services list answers (its deployment name).",
            javaType = "String")
    public static final String SERVICE_ID = "CamelArraylakeServiceId";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the serviceType option. For services create: the protocol the service serves (the Python client's protocol, sent as service_type).",
            javaType = "dev.cameltiledb.arraylake.component.ServiceType",
            enums = "dap2,edr,wms,tiles,zarr,openeo,sql")
    public static final String SERVICE_TYPE = "CamelArraylakeServiceType";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the publicAccess option. For services create: true opens the service to anyone without authentication (the Python client's is_public); false keeps it to those who may read the repo queried.",
            javaType = "Boolean")
    public static final String PUBLIC_ACCESS = "CamelArraylakePublicAccess";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the deploymentName option. For services create: the service's name, its id in the other calls (at most 16 lower-case letters, digits and dashes, not starting or ending with a dash); without it, the service type.",
            javaType = "String")
    public static final String DEPLOYMENT_NAME = "CamelArraylakeDeploymentName";

    @Metadata(
            label = "producer",
            description = "Overrides the tail option. For services logs: only the last this many lines (1 or more).",
            javaType = "Integer")
    public static final String TAIL = "CamelArraylakeTail";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the since option. For services logs: only lines written at or after this time, ISO 8601 such as 2030-01-31T08:00:00Z (without an offset: UTC).",
            javaType = "String")
    public static final String SINCE = "CamelArraylakeSince";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the until option. For services logs: only lines written at or before this time, ISO 8601 (without an offset: UTC).",
            javaType = "String")
    public static final String UNTIL = "CamelArraylakeUntil";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the follow option. For services logs: go on receiving lines as the service writes them, until the service ends the log after followTimeout (or the route closes it).",
            javaType = "Boolean")
    public static final String FOLLOW = "CamelArraylakeFollow";

    @Metadata(
            label = "producer",
            description =
                    "Overrides the followTimeout option. For services logs: the seconds (1 to 600) a followed log stays open; the service ends it then. Sent with every logs call, as the Python client does.",
            javaType = "Integer")
    public static final String FOLLOW_TIMEOUT = "CamelArraylakeFollowTimeout";

    // option headers: END

    @Metadata(
            label = "consumer",
            description =
                    "What the change feed saw happen to the repo: created, updated, statusChanged (its status mode or message) or deleted. The consumer also sets CamelArraylakeRepo to the repo's org/name.",
            javaType = "String")
    public static final String CHANGE_TYPE = "CamelArraylakeChangeType";

    @Metadata(
            label = "producer",
            description =
                    "Set by repos get and buckets get with bucketCredentials=true: temporary credentials for the bucket (S3, GCS or Azure; their toString shows no secret). Only in this header, never in the body or a log.",
            javaType = "dev.cameltiledb.arraylake.client.model.TemporaryCredentials")
    public static final String TEMPORARY_CREDENTIALS = "CamelArraylakeTemporaryCredentials";

    @Metadata(
            label = "producer",
            description =
                    "Set by the list operations (repos list, buckets list, buckets listRepos): how many items there are in all pages; for repos list read from the first page, also with streamResults.",
            javaType = "Long")
    public static final String TOTAL_ITEMS = "CamelArraylakeTotalItems";

    @Metadata(
            label = "producer",
            description =
                    "Set by the list operations: how many pages of ResultSize there are (1 for the bucket lists, which the service does not page).",
            javaType = "Integer")
    public static final String TOTAL_PAGES = "CamelArraylakeTotalPages";

    @Metadata(
            label = "producer",
            description =
                    "Set by the list operations: the page the reply starts with (the page option's, else 1). Not named CamelArraylakePage, which is the page option's header and would turn the next list into a one-page list.",
            javaType = "Integer")
    public static final String RESULT_PAGE = "CamelArraylakeResultPage";

    @Metadata(
            label = "producer",
            description =
                    "Set by the list operations: the page size the service used. Not named CamelArraylakeSize, the size option's header.",
            javaType = "Integer")
    public static final String RESULT_SIZE = "CamelArraylakeResultSize";

    private ArraylakeConstants() {}
}
