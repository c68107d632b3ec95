package dev.cameltiledb.arraylake.client.model;

/** What a principal may do on an org, as permission checks name it. */
public enum OrgAction {
    CAN_MANAGE_USERS,
    CAN_WRITE_REPOS,
    CAN_READ_REPOS,
    CAN_READ_REPOS_WITH_FLUX
}
