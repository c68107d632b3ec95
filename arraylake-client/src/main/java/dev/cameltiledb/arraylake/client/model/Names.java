package dev.cameltiledb.arraylake.client.model;

import java.util.regex.Pattern;

import dev.cameltiledb.arraylake.client.ArraylakeNameException;

/**
 * The service's naming rules, checked before a request is sent so that a bad name fails with the rule it broke rather
 * than with a 422 after a round trip. The word class is Unicode-aware because the service validates with Python's
 * {@code re}, whose {@code \w} matches letters and digits of any script.
 */
public final class Names {

    /** A word character, then at least one more word character, dot or hyphen. */
    public static final String NAME_RULE =
            "a word character (letter, digit, underscore) followed by at least one" + " word character, '.' or '-'";

    private static final Pattern NAME = Pattern.compile("\\w[\\w.\\-]+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int MAX_REPO_NAME = 128;
    private static final int MAX_ORG_NAME = 128;
    private static final int MIN_NICKNAME = 3;
    private static final int MAX_NICKNAME = 64;
    private static final int MAX_PREFIX = 256;
    private static final int MIN_BUCKET_NAME = 3;
    private static final int MAX_BUCKET_NAME = 63;
    private static final int MAX_DEPLOYMENT_NAME = 16;
    private static final Pattern DEPLOYMENT_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    private static final int MAX_SERVICE_ID = 128;
    private static final Pattern SERVICE_ID = Pattern.compile("[^/\\s\\p{Cntrl}]+");

    private Names() {}

    public static String org(String name) {
        return word("org name", name, 2, MAX_ORG_NAME);
    }

    public static String repo(String name) {
        return word("repo name", name, 2, MAX_REPO_NAME);
    }

    public static String nickname(String nickname) {
        return word("bucket nickname", nickname, MIN_NICKNAME, MAX_NICKNAME);
    }

    /**
     * A compute service's deployment name, by the rule of the Python client's {@code ServiceConfig}: at most 16
     * lower-case letters, digits and dashes, starting and ending with a letter or digit.
     */
    public static String deploymentName(String name) {
        if (name == null
                || name.length() > MAX_DEPLOYMENT_NAME
                || !DEPLOYMENT_NAME.matcher(name).matches()) {
            throw new ArraylakeNameException(
                    "deployment name",
                    name,
                    "at most " + MAX_DEPLOYMENT_NAME + " lower-case letters, digits and dashes, not starting or"
                            + " ending with a dash");
        }
        return name;
    }

    /** A compute service's id (its name in a listing), one path segment: no slashes, spaces or controls. */
    public static String serviceId(String id) {
        if (id == null
                || id.length() > MAX_SERVICE_ID
                || !SERVICE_ID.matcher(id).matches()
                || id.equals(".")
                || id.equals("..")) {
            throw new ArraylakeNameException(
                    "service id",
                    id,
                    "the name of a service as services list answers it (1 to 128 characters, no"
                            + " slash, space or control character, not . or ..)");
        }
        return id;
    }

    /** Bucket names also must not look like URIs or paths: the platform and prefix travel in their own fields. */
    public static String bucketName(String name) {
        if (name != null && (name.contains("/") || name.contains(" "))) {
            throw new ArraylakeNameException(
                    "bucket name", name, "no slashes, schemes or spaces (the prefix goes in its own field)");
        }
        return word("bucket name", name, MIN_BUCKET_NAME, MAX_BUCKET_NAME);
    }

    /** Prefixes are free-form paths inside a bucket, but bounded and never slash-framed. */
    public static String prefix(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return prefix;
        }
        if (prefix.length() > MAX_PREFIX) {
            throw new ArraylakeNameException("prefix", prefix, "at most " + MAX_PREFIX + " characters");
        }
        if (prefix.contains(" ") || prefix.startsWith("/") || prefix.endsWith("/")) {
            throw new ArraylakeNameException("prefix", prefix, "no spaces and no leading or trailing '/'");
        }
        return prefix;
    }

    private static String word(String what, String value, int min, int max) {
        if (value == null || value.isEmpty()) {
            throw new ArraylakeNameException(what, value, "must not be empty");
        }
        if (value.length() < min || value.length() > max) {
            throw new ArraylakeNameException(what, value, min + " to " + max + " characters");
        }
        if (!NAME.matcher(value).matches()) {
            throw new ArraylakeNameException(what, value, NAME_RULE);
        }
        return value;
    }
}
