package dev.cameltiledb.arraylake.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.cameltiledb.emulator.common.page.PageView;

/**
 * The Arraylake emulator's state as its page shows it: orgs, repos with their status, bucket configs. Each row holds
 * only what may be shown: members and API clients by email and role, never a token; a bucket config's auth method,
 * never its credentials.
 */
final class ArraylakePageViews {

    /** Reads the state in a read transaction, as a request does. */
    private final Function<Function<ArraylakeState, List<?>>, List<?>> inspect;

    ArraylakePageViews(Function<Function<ArraylakeState, List<?>>, List<?>> inspect) {
        this.inspect = inspect;
    }

    /** An org, its members' roles and its API clients' roles, by email. */
    record OrgRow(String name, String description, Map<String, String> members, Map<String, String> apiClients) {}

    record RepoRow(
            String org,
            String name,
            String bucket,
            String status,
            String statusMessage,
            boolean deleted,
            Instant created,
            Instant updated) {}

    /** A bucket config without its credentials: how it authenticates, not with what. */
    record BucketRow(
            String org,
            String nickname,
            String platform,
            String name,
            String prefix,
            boolean isDefault,
            Map<String, Object> extraConfig,
            String authMethod) {}

    List<PageView> views() {
        return List.of(
                new PageView(
                        "orgs",
                        "Orgs",
                        "Orgs, their members and API clients with their roles.",
                        () -> inspect.apply(ArraylakePageViews::orgs)),
                new PageView(
                        "repos",
                        "Repos",
                        "Repos with their status (online, maintenance, offline); deleted ones not yet purged too.",
                        () -> inspect.apply(ArraylakePageViews::repos)),
                new PageView(
                        "buckets",
                        "Buckets",
                        "Bucket configs: where repos keep their data and how they authenticate (never with what).",
                        () -> inspect.apply(ArraylakePageViews::buckets)));
    }

    private static List<?> orgs(ArraylakeState state) {
        return state.orgs().stream()
                .map(o -> {
                    Map<String, String> members = new LinkedHashMap<>();
                    o.members().forEach((email, role) -> members.put(email, role.wireName()));
                    Map<String, String> clients = new LinkedHashMap<>();
                    o.serviceAccounts()
                            .forEach(a -> clients.put(a.email(), a.role().wireName()));
                    return new OrgRow(o.name(), o.description(), members, clients);
                })
                .toList();
    }

    private static List<?> repos(ArraylakeState state) {
        List<RepoRow> rows = new ArrayList<>();
        for (Org org : state.orgs()) {
            for (StoredRepo repo : org.repos().ordered(true)) {
                RepoSnapshot r = RepoSnapshot.of(org, repo);
                rows.add(new RepoRow(
                        r.org(),
                        r.name(),
                        r.bucketNickname(),
                        r.statusMode(),
                        r.statusMessage(),
                        r.ghost(),
                        r.created(),
                        r.updated()));
            }
        }
        return rows;
    }

    private static List<?> buckets(ArraylakeState state) {
        List<BucketRow> rows = new ArrayList<>();
        for (Org org : state.orgs()) {
            for (BucketConfig b : org.buckets()) {
                rows.add(new BucketRow(
                        org.name(),
                        b.nickname(),
                        b.platform(),
                        b.name(),
                        b.prefix(),
                        org.isDefault(b),
                        b.extraConfig(),
                        b.authMethod()));
            }
        }
        return rows;
    }
}
