package dev.cameltiledb.arraylake.emulator;

/** What a principal may do in an org, the Python client's {@code OrgActions}. */
enum OrgAction {
    CAN_MANAGE_USERS,
    CAN_WRITE_REPOS,
    CAN_READ_REPOS,
    CAN_READ_REPOS_WITH_FLUX
}
