package dev.cameltiledb.arraylake.emulator;

/**
 * A repo deletion the emulator answered, with the options it came with: an immediate deletion leaves no ghost to
 * inspect, so this is where a test sees that {@code retain_data} arrived.
 *
 * @param org         the org's name
 * @param name        the repo's name
 * @param id          the repo's {@code _id}
 * @param immediate   removed at once rather than turned into a ghost
 * @param retainData  the caller asked to keep the repo's data in its bucket
 * @param principalId who deleted it
 */
public record RepoDeletion(
        String org, String name, String id, boolean immediate, boolean retainData, String principalId) {}
