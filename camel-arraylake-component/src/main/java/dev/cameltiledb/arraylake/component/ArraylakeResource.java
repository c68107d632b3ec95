package dev.cameltiledb.arraylake.component;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What an {@code arraylake:} endpoint works on, the path of its URI. The singular is accepted beside the canonical
 * name ({@code arraylake:repo}, {@code arraylake:bucket}, {@code arraylake:org}, {@code arraylake:service});
 * {@code users} names {@code user}.
 */
public enum ArraylakeResource {
    /** The repositories of an org; the only resource with a consumer (the change feed). */
    repos,
    /** The bucket configs of an org, addressed by nickname. */
    buckets,
    /** The caller's orgs, API client tokens and permission checks of an org. */
    orgs,
    /** Who the caller is. */
    user,
    /** The compute services (Flux) of an org and their logs. */
    services;

    /** Every name a URI may give: each canonical name and its other spelling (what the descriptor's enum lists). */
    static java.util.List<String> spellings() {
        return Stream.of(values())
                .flatMap(r -> Stream.of(r.name(), r.singular()))
                .toList();
    }

    static ArraylakeResource of(String path) {
        String wanted = path == null ? "" : path.strip().toLowerCase(Locale.ROOT);
        return Stream.of(values())
                .filter(r -> r.name().equals(wanted) || r.singular().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("arraylake:" + path + " names no Arraylake resource;"
                        + " the path is one of "
                        + Stream.of(values()).map(Enum::name).collect(Collectors.joining(", "))));
    }

    /** {@code repos} → {@code repo}; {@code user} → {@code users}, so each has one other spelling. */
    private String singular() {
        return this == user ? "users" : name().substring(0, name().length() - 1);
    }
}
