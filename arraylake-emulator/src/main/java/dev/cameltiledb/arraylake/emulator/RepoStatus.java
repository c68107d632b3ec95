package dev.cameltiledb.arraylake.emulator;

/** A repo's operation status: online, maintenance or offline, why, and which principal set it. */
record RepoStatus(String mode, String message, String initiatedBy) {

    static final String ONLINE = "online";
    static final String OFFLINE = "offline";

    static boolean isMode(String mode) {
        return mode.equals(ONLINE) || mode.equals("maintenance") || mode.equals(OFFLINE);
    }
}
