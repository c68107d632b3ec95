package dev.cameltiledb.arraylake.client;

import dev.cameltiledb.arraylake.emulator.CheckedArraylakeEmulator;

/** Clients of the tests' emulator: its URL, one token, and no real waits between retries. */
final class EmulatorClients {

    private EmulatorClients() {}

    static ArraylakeClient client(CheckedArraylakeEmulator emulator, String token) {
        return ArraylakeClient.create(ArraylakeSettings.builder()
                .serviceUri(emulator.emulator().url())
                .token(token)
                .sleeper(ms -> {})
                .build());
    }
}
