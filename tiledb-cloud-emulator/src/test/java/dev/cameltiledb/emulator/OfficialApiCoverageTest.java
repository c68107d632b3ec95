package dev.cameltiledb.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cameltiledb.emulator.common.Router;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How much of TileDB's official v1 and v2 APIs the emulator serves: every operation of both specs, with concrete
 * values for its path variables, is given to the emulator's router; it counts as served when the route that matches
 * is the operation's own (same method, same template), not one that merely overlaps it
 * ({@code GET /v1/arrays/favorites/uuids} is not {@code GET /v1/arrays/{namespace}/{array}}). Prints a table per API
 * family (the README's "Emulator coverage of the official API") and writes nothing. Run alone with
 * {@code mvn -B -q -pl tiledb-cloud-emulator test -Dtest=OfficialApiCoverageTest}.
 */
class OfficialApiCoverageTest {

    /** The families, in the table's order, each with the path prefixes (after /v1 or /v2) that belong to it. */
    private static final Map<String, List<String>> FAMILIES = new LinkedHashMap<>();

    static {
        // more specific prefixes first: a path belongs to the first family one of whose prefixes it starts with
        FAMILIES.put(
                "others (favorites)",
                List.of("/arrays/favorites", "/notebooks/favorites", "/ml_models/", "/udfs/favorites"));
        FAMILIES.put("array data (query/*, Cap'n Proto)", List.of("/arrays/{namespace}/{array}/query/"));
        FAMILIES.put("SQL/UDF", List.of("/arrays/{namespace}/{array}/udf/", "/udfs/", "/udf/", "/sql/"));
        FAMILIES.put("arrays", List.of("/arrays"));
        FAMILIES.put("groups", List.of("/groups"));
        FAMILIES.put("notebooks", List.of("/notebooks"));
        FAMILIES.put("files", List.of("/files"));
        FAMILIES.put("users", List.of("/user", "/session", "/token"));
        FAMILIES.put("organizations", List.of("/organization"));
        FAMILIES.put("tasks", List.of("/tasks", "/task/"));
        FAMILIES.put("task graphs", List.of("/taskgraphs"));
        FAMILIES.put("others (credentials)", List.of("/credentials"));
        FAMILIES.put("others (invitations)", List.of("/invitations"));
        FAMILIES.put("others (assets, stats)", List.of("/assets", "/public_assets", "/.stats"));
    }

    @Test
    void printsWhatTheEmulatorServesOfTheOfficialApiPerFamily() {
        List<OfficialSpecs.Operation> operations = OfficialSpecs.operations();
        Router<?> router = TileDBEmulator.builder().build().router();
        Map<String, int[]> counts = new LinkedHashMap<>();
        FAMILIES.keySet().forEach(f -> counts.put(f, new int[2]));
        List<String> served = new ArrayList<>();
        List<String> notServed = new ArrayList<>();
        int total = 0;
        int servedTotal = 0;
        for (OfficialSpecs.Operation op : operations) {
            int[] family = counts.get(family(op));
            family[1]++;
            total++;
            if (serves(router, op)) {
                family[0]++;
                servedTotal++;
                served.add(op.method() + " " + op.path());
            } else {
                notServed.add(family(op) + ": " + op.method() + " " + op.path());
            }
        }
        StringBuilder table = new StringBuilder("| API family | served / operations |\n| --- | --- |\n");
        counts.forEach((family, c) -> table.append("| ")
                .append(family)
                .append(" | ")
                .append(c[0])
                .append(" / ")
                .append(c[1])
                .append(" |\n"));
        table.append("| **all (v1 and v2)** | **")
                .append(servedTotal)
                .append(" / ")
                .append(total)
                .append("** |\n");
        System.out.println("Emulator coverage of the official API (openapi-v1.yaml and openapi-v2.yaml):\n" + table);
        System.out.println("Served:\n  " + String.join("\n  ", served));
        System.out.println("Not served:\n  " + String.join("\n  ", notServed));

        assertTrue(total > 150, "the specs hold " + total + " operations");
        assertEquals(total, counts.values().stream().mapToInt(c -> c[1]).sum());
        assertTrue(servedTotal > 0);
    }

    /** Every route the emulator serves under /v1 and /v2 is an operation of the official specs: none is invented. */
    @Test
    void everyV1AndV2RouteIsAnOperationOfTheSpecs() {
        List<String> official = OfficialSpecs.operations().stream()
                .map(op -> op.method() + " " + normalized(op.path()))
                .toList();
        List<String> invented = TileDBEmulator.builder().build().router().templates().stream()
                .filter(t -> t.path().startsWith("/v1/") || t.path().startsWith("/v2/"))
                .map(t -> t.method() + " " + normalized(t.path()))
                .filter(t -> !official.contains(t))
                .toList();
        assertEquals(List.of(), invented);
    }

    /**
     * An official operation the emulator does not serve never reaches another operation's route that merely overlaps
     * it ({@code GET /v1/organizations/{organization}/sso_domains} is no member lookup): over HTTP it answers the
     * emulator's "no endpoint" 404 with the {@code Error} JSON, or a 405 with {@code Allow} when the emulator serves
     * that very path with other methods.
     */
    @Test
    void anOfficialOperationTheEmulatorDoesNotServeAnswersNoEndpointInsteadOfReachingAnotherRoute() throws Exception {
        try (TileDBEmulator emulator = TileDBEmulator.builder()
                .user("alice", "alice-key")
                .organization("acme", Map.of("alice", "owner"))
                .build()
                .start()) {
            Router<?> router = emulator.router();
            List<String> wrong = new ArrayList<>();
            int checked = 0;
            for (OfficialSpecs.Operation op : OfficialSpecs.operations()) {
                if (serves(router, op)) {
                    continue;
                }
                checked++;
                String path = op.path().replaceAll("\\{[^}]+}", "acme");
                boolean pathServed = router.templates().stream()
                        .anyMatch(t -> normalized(t.path()).equals(normalized(op.path())));
                java.net.http.HttpResponse<String> r =
                        EmulatorRequests.send(emulator, op.method(), path, "alice-key", null);
                if (pathServed) {
                    if (r.statusCode() != 405) {
                        wrong.add(op.method() + " " + path + " -> " + r.statusCode() + ", expected 405: " + r.body());
                    }
                } else if (r.statusCode() != 404 || !r.body().contains("\"message\":\"no endpoint " + op.method())) {
                    wrong.add(op.method() + " " + path + " -> " + r.statusCode() + " " + r.body());
                }
            }
            assertEquals(List.of(), wrong);
            assertTrue(checked > 50, "unserved operations checked: " + checked);
        }
    }

    private static boolean serves(Router<?> router, OfficialSpecs.Operation op) {
        String concrete = op.path().replaceAll("\\{[^}]+}", "x1");
        Optional<? extends Router.Match<?>> match = router.match(op.method(), concrete);
        return match.isPresent() && normalized(match.get().route().path()).equals(normalized(op.path()));
    }

    /** A template with its variables unnamed: {@code /v1/groups/{}/{}} for either spelling of the names. */
    private static String normalized(String template) {
        return template.replaceAll("\\{[^}]+}", "{}");
    }

    static String family(OfficialSpecs.Operation op) {
        String path = op.path().substring(3); // without /v1 or /v2
        return FAMILIES.entrySet().stream()
                .filter(f -> f.getValue().stream().anyMatch(path::startsWith))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse("others");
    }
}
