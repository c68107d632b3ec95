package dev.cameltiledb.arraylake.emulator;

/** What a principal may do on one repo, the Python client's {@code RepoActions}. */
enum RepoAction {
    CAN_READ_WITH_FLUX,
    CAN_READ,
    CAN_WRITE,
    CAN_MANAGE_USERS,
    CAN_SYNC
}
