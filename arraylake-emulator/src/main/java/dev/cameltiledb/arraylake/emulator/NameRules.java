package dev.cameltiledb.arraylake.emulator;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The service's rules for names, from the Python client's {@code types.py}: a word character, then at least one word
 * character, dot or hyphen (Python's {@code \w} is Unicode-aware, hence {@link Pattern#UNICODE_CHARACTER_CLASS}).
 * Each method answers the problem as the service words it, or empty when the value is fine.
 */
final class NameRules {

    private static final Pattern VALID_NAME = Pattern.compile("\\w[\\w.\\-]+", Pattern.UNICODE_CHARACTER_CLASS);

    static final int MAX_REPO_NAME = 128;
    static final int MAX_PREFIX = 256;
    static final int MAX_BUCKET_NAME = 63;
    static final int MIN_NICKNAME = 3;
    static final int MAX_NICKNAME = 64;

    private NameRules() {}

    static Optional<String> org(String name) {
        return valid(name, "org");
    }

    static Optional<String> repo(String name) {
        Optional<String> invalid = valid(name, "repo");
        if (invalid.isPresent()) {
            return invalid;
        }
        if (name.length() > MAX_REPO_NAME) {
            return Optional.of(
                    "Repo name must be at most " + MAX_REPO_NAME + " characters long. Got " + name.length() + ".");
        }
        return Optional.empty();
    }

    /** A nickname is trimmed before it is checked; callers store the trimmed value. */
    static Optional<String> nickname(String nickname) {
        String trimmed = nickname.strip();
        Optional<String> invalid = valid(trimmed, "bucket nickname");
        if (invalid.isPresent()) {
            return invalid;
        }
        if (trimmed.length() < MIN_NICKNAME) {
            return Optional.of("Bucket nickname must be at least " + MIN_NICKNAME + " characters long.");
        }
        if (trimmed.length() > MAX_NICKNAME) {
            return Optional.of("Bucket nickname must be at most " + MAX_NICKNAME + " characters long.");
        }
        return Optional.empty();
    }

    static Optional<String> bucketName(String name) {
        if (name.contains(" ")) {
            return Optional.of("Bucket name must not contain spaces. Received " + name);
        }
        if (name.contains("://")) {
            return Optional.of("Bucket name must not contain schemes. Received " + name);
        }
        if (name.contains("/")) {
            return Optional.of("Bucket name must not contain slashes. Received " + name);
        }
        if (name.length() < 3) {
            return Optional.of("Bucket name must be at least 3 characters long. Received " + name);
        }
        Optional<String> invalid = valid(name, "bucket");
        if (invalid.isPresent()) {
            return invalid;
        }
        if (name.length() > MAX_BUCKET_NAME) {
            return Optional.of("Bucket name must be at most " + MAX_BUCKET_NAME + " characters long.");
        }
        return Optional.empty();
    }

    /** A prefix is trimmed before it is checked (the empty prefix is fine); callers store the trimmed value. */
    static Optional<String> prefix(String prefix) {
        String trimmed = prefix.strip();
        if (trimmed.contains(" ")) {
            return Optional.of("Bucket prefix must not contain spaces.");
        }
        if (trimmed.startsWith("/") || trimmed.endsWith("/")) {
            return Optional.of("Bucket prefix must not start or end with a slash.");
        }
        if (trimmed.length() > MAX_PREFIX) {
            return Optional.of(
                    "Prefix must be at most " + MAX_PREFIX + " characters long. Got " + trimmed.length() + ".");
        }
        return Optional.empty();
    }

    private static Optional<String> valid(String name, String entity) {
        return VALID_NAME.matcher(name).matches()
                ? Optional.empty()
                : Optional.of("Invalid " + entity + " name: `" + name + "`");
    }
}
