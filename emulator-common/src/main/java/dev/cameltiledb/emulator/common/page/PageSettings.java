package dev.cameltiledb.emulator.common.page;

/**
 * Whether an emulator serves its page ({@link EmulatorPage}) and to whom: off unless asked for; when on, only to
 * loopback callers unless {@code anyAddress}, so an emulator bound to {@code 0.0.0.0} does not show its state to the
 * network; the latest {@code exchanges} exchanges are kept for it.
 *
 * @param enabled    whether {@code /_emulator/} is served at all (when not, it is one more unknown path: a 404)
 * @param anyAddress whether callers other than loopback ones may see it
 * @param exchanges  how many of the latest exchanges the page lists (at least 1)
 */
public record PageSettings(boolean enabled, boolean anyAddress, int exchanges) {

    /** The latest exchanges the page lists unless told otherwise. */
    public static final int DEFAULT_EXCHANGES = 200;

    public PageSettings {
        if (exchanges < 1) {
            throw new IllegalArgumentException("emulatorPageExchanges must be at least 1, was " + exchanges);
        }
    }

    /** No page: what an emulator starts with. */
    public static PageSettings off() {
        return new PageSettings(false, false, DEFAULT_EXCHANGES);
    }

    public PageSettings enabled(boolean on) {
        return new PageSettings(on, anyAddress, exchanges);
    }

    public PageSettings fromAnyAddress() {
        return new PageSettings(enabled, true, exchanges);
    }

    public PageSettings exchanges(int latest) {
        return new PageSettings(enabled, anyAddress, latest);
    }

    /** How many exchanges the recorder keeps for the page: none when it is off. */
    public int window() {
        return enabled ? exchanges : 0;
    }
}
