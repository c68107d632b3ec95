package dev.cameltiledb.arraylake.client.model;

/** What a principal may do on a repo, as permission checks name it. */
public enum RepoAction {
    CAN_READ_WITH_FLUX,
    CAN_READ,
    CAN_WRITE,
    CAN_MANAGE_USERS,
    CAN_SYNC
}
