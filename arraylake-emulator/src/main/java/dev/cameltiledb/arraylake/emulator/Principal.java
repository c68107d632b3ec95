package dev.cameltiledb.arraylake.emulator;

/** Who a request comes from: a person (user token) or an org's API client (service token). */
sealed interface Principal permits UserAccount, ServiceAccount {

    /** The principal id the service puts in {@code created_by}, {@code initiated_by} and permission checks. */
    String id();

    String email();
}
