package dev.cameltiledb.emulator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The child JVM of {@link MissingSpecTest}: asks the spec helpers what the behaviour tests ask (the findings of an
 * exchange that breaks the spec, twice) and what a spec-only test asks (the spec folder), with {@code tiledb.spec.dir}
 * as the parent set it, and prints what came back: {@code VIOLATIONS <n>} for each check, {@code ABORTED <message>}
 * for the spec-only test, or the error that ended it.
 */
public final class MissingSpecMain {

    private MissingSpecMain() {}

    public static void main(String[] args) {
        // an answer the spec refuses: with the spec at hand this is a finding
        RecordedExchange bad = new RecordedExchange(
                "GET",
                "/v1/arrays/acme/x/metadata",
                Map.of(),
                Map.of(),
                null,
                200,
                Map.of("content-type", List.of("application/json")),
                "{\"public_share\": \"yes\", \"size\": \"big\"}".getBytes(StandardCharsets.UTF_8));
        try {
            System.out.println(
                    "VIOLATIONS " + OfficialSpec.violations(List.of(bad)).size());
            System.out.println(
                    "VIOLATIONS " + OfficialSpec.violations(List.of(bad)).size());
            try {
                OfficialSpecs.directory();
                System.out.println("SPEC AT HAND");
            } catch (org.opentest4j.TestAbortedException e) {
                System.out.println("ABORTED " + e.getMessage());
            }
        } catch (Throwable t) {
            System.out.println("FAILED " + t);
        }
        System.out.flush();
        System.err.flush();
    }
}
