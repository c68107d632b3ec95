package dev.cameltiledb.arraylake.emulator;

import java.util.Map;

/** A {@code BucketModifyRequest}: each field null when it stays as it is. */
record BucketChange(
        String nickname,
        String platform,
        String name,
        String prefix,
        Map<String, Object> extraConfig,
        Map<String, Object> authConfig) {}
