package dev.cameltiledb.emulator.data.udf;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.cameltiledb.emulator.data.Caller;
import dev.cameltiledb.emulator.data.EngineException;
import dev.cameltiledb.emulator.data.store.Documents;

/**
 * Registered UDFs ({@code /v1/udf/{namespace}/{name}}): register, get, update (a new version), delete, share, copy,
 * versions ({@code end_timestamps}), favorites, and listings owned, shared and public. A UDF is seen by members of its
 * namespace and those it is shared with (or everyone, shared with {@code public}); only its namespace's members change
 * it. Who may not see a UDF gets the same 404 as for one that does not exist.
 */
public final class UdfRegistry {

    private static final String KIND = "udf";
    private static final Set<String> TYPES = Set.of("generic", "single_array", "multi_array");
    private static final Set<String> LANGUAGES = Set.of("python", "r");
    private static final Set<String> ACTIONS = Set.of("fetch_udf", "share_udf");

    private final Documents documents;
    private final Clock clock;
    private final Map<String, RegisteredUdf> byId = new ConcurrentHashMap<>();

    public UdfRegistry(Documents documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
        byId.putAll(documents.loadAll(KIND, RegisteredUdf.class));
    }

    /** Which listing: the caller's own namespaces', those shared with them, or those shared with everyone. */
    public enum Scope {
        OWNED,
        SHARED,
        PUBLIC
    }

    /** A UDF in a listing: where it is registered and its info. */
    public record Listed(String namespace, UdfInfo info) {}

    public synchronized void register(Caller caller, String namespace, String name, UdfInfoUpdate body) {
        checkName(name);
        if (!caller.namespaces().contains(namespace)) {
            throw EngineException.forbidden(caller.username() + " may not register UDFs in " + namespace);
        }
        if (find(namespace, name) != null) {
            throw EngineException.conflict("UDF " + namespace + "/" + name + " already exists; update it with PATCH");
        }
        UdfInfoUpdate info = checked(body == null ? UdfInfoUpdate.python(null) : body, null);
        RegisteredUdf udf = new RegisteredUdf(
                UUID.randomUUID().toString(),
                namespace,
                name,
                List.of(new RegisteredUdf.Version(clock.millis(), info)),
                Map.of(),
                List.of());
        save(udf);
    }

    /** A new version: the fields the body gives replace those of the latest. */
    public synchronized void update(Caller caller, String namespace, String name, UdfInfoUpdate body) {
        RegisteredUdf udf = owned(caller, namespace, name);
        UdfInfoUpdate latest = udf.latest().info();
        UdfInfoUpdate merged = new UdfInfoUpdate(
                null,
                pick(body.language(), latest.language()),
                pick(body.version(), latest.version()),
                pick(body.imageName(), latest.imageName()),
                pick(body.type(), latest.type()),
                pick(body.exec(), latest.exec()),
                pick(body.execRaw(), latest.execRaw()),
                pick(body.readme(), latest.readme()),
                pick(body.licenseId(), latest.licenseId()),
                pick(body.licenseText(), latest.licenseText()),
                body.tags() != null ? body.tags() : latest.tags());
        long at = Math.max(clock.millis(), udf.latest().endTimestamp() + 1);
        save(udf.withVersion(new RegisteredUdf.Version(at, checked(merged, latest))));
    }

    public UdfInfo get(Caller caller, String namespace, String name) {
        return visible(caller, namespace, name).info();
    }

    public synchronized void delete(Caller caller, String namespace, String name) {
        RegisteredUdf udf = owned(caller, namespace, name);
        byId.remove(udf.id());
        documents.remove(KIND, udf.id());
    }

    /** Who the UDF is shared with. */
    public List<UdfSharing> sharing(Caller caller, String namespace, String name) {
        List<UdfSharing> out = new ArrayList<>();
        visible(caller, namespace, name).sharing().forEach((ns, actions) -> out.add(new UdfSharing(actions, ns, null)));
        return out;
    }

    /** Shares with a namespace ({@code public}: everyone), or unshares when there are no actions. */
    public synchronized void share(Caller caller, String namespace, String name, UdfSharing body) {
        RegisteredUdf udf = owned(caller, namespace, name);
        if (body == null || body.namespace() == null || body.namespace().isBlank()) {
            throw EngineException.badRequest("namespace must name who the UDF is shared with");
        }
        List<String> actions = body.actions() == null ? List.of() : body.actions();
        for (String a : actions) {
            if (!ACTIONS.contains(a)) {
                throw EngineException.badRequest("actions must be fetch_udf or share_udf, was '" + a + "'");
            }
        }
        save(udf.withSharing(body.namespace(), actions));
    }

    /** Copies the UDF (as it was at {@code endTimestamp}, ms, when given) to a namespace the caller acts for. */
    public synchronized UdfCopied copy(Caller caller, String namespace, String name, UdfCopy body, Long endTimestamp) {
        RegisteredUdf udf = visible(caller, namespace, name);
        RegisteredUdf.Version version = endTimestamp == null ? udf.latest() : udf.at(endTimestamp);
        if (version == null) {
            throw EngineException.notFound("UDF " + namespace + "/" + name + " has no version at " + endTimestamp);
        }
        String toNamespace =
                body == null || body.namespace() == null || body.namespace().isBlank()
                        ? caller.username()
                        : body.namespace();
        String toName = body == null || body.name() == null || body.name().isBlank() ? name : body.name();
        checkName(toName);
        if (!caller.namespaces().contains(toNamespace)) {
            throw EngineException.forbidden(caller.username() + " may not register UDFs in " + toNamespace);
        }
        if (find(toNamespace, toName) != null) {
            throw EngineException.conflict("UDF " + toNamespace + "/" + toName + " already exists");
        }
        RegisteredUdf copy = new RegisteredUdf(
                UUID.randomUUID().toString(),
                toNamespace,
                toName,
                List.of(new RegisteredUdf.Version(clock.millis(), version.info())),
                Map.of(),
                List.of());
        save(copy);
        return new UdfCopied(body == null ? null : body.outputUri(), toNamespace, toName, copy.id());
    }

    /** The end timestamps (ms) of the UDF's versions, oldest first. */
    public List<Long> endTimestamps(Caller caller, String namespace, String name) {
        return visible(caller, namespace, name).versions().stream()
                .map(RegisteredUdf.Version::endTimestamp)
                .toList();
    }

    public List<Listed> list(Caller caller, Scope scope) {
        Set<String> mine = caller.namespaces();
        return byId.values().stream()
                .filter(u -> switch (scope) {
                    case OWNED -> mine.contains(u.namespace());
                    case SHARED ->
                        !mine.contains(u.namespace()) && mine.stream().anyMatch(u.sharing()::containsKey);
                    case PUBLIC -> u.sharing().containsKey("public");
                })
                .sorted(Comparator.comparing(RegisteredUdf::namespace).thenComparing(RegisteredUdf::name))
                .map(u -> new Listed(u.namespace(), u.info()))
                .toList();
    }

    public synchronized void favorite(Caller caller, String namespace, String name, boolean favorite) {
        save(visible(caller, namespace, name).withFavorite(caller.username(), favorite));
    }

    public List<UdfFavorite> favorites(Caller caller) {
        return byId.values().stream()
                .filter(u -> u.favoriteOf().contains(caller.username()) && u.visibleTo(caller.namespaces()))
                .sorted(Comparator.comparing(RegisteredUdf::namespace).thenComparing(RegisteredUdf::name))
                .map(u -> new UdfFavorite(u.id(), u.namespace(), u.name()))
                .toList();
    }

    /**
     * The code to run for {@code namespace/name}, or {@code namespace/name@<ISO date-time>} for the version current
     * then (as the Python client names a version); a 404 when there is none the caller may see.
     */
    public UdfInfoUpdate executable(Caller caller, String reference) {
        String ref = reference;
        Long at = null;
        int sign = ref.indexOf('@');
        if (sign >= 0) {
            at = timestamp(ref.substring(sign + 1));
            ref = ref.substring(0, sign);
        }
        int slash = ref.indexOf('/');
        if (slash <= 0 || slash == ref.length() - 1) {
            throw EngineException.badRequest("udf_info_name must be namespace/name, was '" + reference + "'");
        }
        RegisteredUdf udf = visible(caller, ref.substring(0, slash), ref.substring(slash + 1));
        RegisteredUdf.Version v = at == null ? udf.latest() : udf.at(at);
        if (v == null) {
            throw EngineException.notFound("UDF " + ref + " has no version at " + reference.substring(sign + 1));
        }
        return v.info();
    }

    private static long timestamp(String text) {
        try {
            return text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")
                    ? OffsetDateTime.parse(text).toInstant().toEpochMilli()
                    : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw EngineException.badRequest("the version after @ must be an ISO-8601 date-time, was '" + text + "'");
        }
    }

    private RegisteredUdf find(String namespace, String name) {
        return byId.values().stream()
                .filter(u -> u.namespace().equals(namespace) && u.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    private RegisteredUdf visible(Caller caller, String namespace, String name) {
        RegisteredUdf udf = find(namespace, name);
        if (udf == null || !udf.visibleTo(caller.namespaces())) {
            throw EngineException.notFound("UDF " + namespace + "/" + name + " does not exist or you may not see it");
        }
        return udf;
    }

    private RegisteredUdf owned(Caller caller, String namespace, String name) {
        RegisteredUdf udf = visible(caller, namespace, name);
        if (!caller.namespaces().contains(udf.namespace())) {
            throw EngineException.forbidden(caller.username() + " may not change UDF " + namespace + "/" + name
                    + " (only members of " + namespace + " may)");
        }
        return udf;
    }

    private void save(RegisteredUdf udf) {
        byId.put(udf.id(), udf);
        documents.put(KIND, udf.id(), udf);
    }

    private static UdfInfoUpdate checked(UdfInfoUpdate body, UdfInfoUpdate previous) {
        String language = pick(body.language(), "python");
        if (!LANGUAGES.contains(language)) {
            throw EngineException.badRequest("language must be python or r, was '" + language + "'");
        }
        String type = pick(body.type(), previous == null ? "generic" : previous.type());
        if (!TYPES.contains(type)) {
            throw EngineException.badRequest("type must be generic, single_array or multi_array, was '" + type + "'");
        }
        if (body.tags() != null) {
            for (String tag : body.tags()) {
                if (tag == null || !tag.matches("[a-z-]+")) {
                    throw EngineException.badRequest("tags must be lowercase letters and hyphens, was '" + tag + "'");
                }
            }
        }
        return new UdfInfoUpdate(
                null,
                language,
                body.version(),
                body.imageName(),
                type,
                body.exec(),
                body.execRaw(),
                body.readme(),
                body.licenseId(),
                body.licenseText(),
                body.tags());
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("@")) {
            throw EngineException.badRequest("a UDF's name must be non-empty, without '/' or '@', was '" + name + "'");
        }
    }

    private static String pick(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
