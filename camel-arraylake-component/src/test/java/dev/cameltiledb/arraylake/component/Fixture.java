package dev.cameltiledb.arraylake.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import dev.cameltiledb.arraylake.emulator.ArraylakeEmulator;
import dev.cameltiledb.arraylake.emulator.RequestLine;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The org every test works in, the tokens that reach it, and the waits tests use instead of sleeping: on the
 * emulator's request log or on what a route has seen, never on the clock.
 */
final class Fixture {

    static final String ORG = "acme";
    /** An admin service account: bucket configs, deletes, everything. */
    static final String ADMIN_TOKEN = "ema_feedfacefeedfacefeedfacefeedface";
    /** A member service account: reads and writes repos, no bucket configs. */
    static final String ETL_TOKEN = "ema_0123456789abcdef0123456789abcdef";

    static final String ALICE = "alice@example.com";
    static final String BOB = "bob@example.com";
    static final String SHARED_SECRET = "role-shared-secret-4711";

    private Fixture() {}

    /** acme: alice admin, bob viewer, two service accounts, an s3 and a gs bucket, two repos, an edr service. */
    static void seed(ArraylakeEmulator.Builder b) {
        b.org(ORG)
                .org("other-org")
                .user(ALICE, "Alice", "Liddell")
                .user(BOB, "Bob", "Builder")
                .member(ORG, ALICE, "admin")
                .member(ORG, BOB, "viewer")
                .serviceAccount(ORG, "admin@acme.example", ADMIN_TOKEN, "admin")
                .serviceAccount(ORG, "etl@acme.example", ETL_TOKEN, "member")
                .bucket(
                        ORG,
                        "main-bucket",
                        "s3",
                        "acme-data",
                        "climate",
                        Map.of("region_name", "us-east-1"),
                        Map.of(
                                "method", "aws_customer_managed_role",
                                "external_customer_id", "123456789012",
                                "external_role_name", "arraylake-role",
                                "shared_secret", SHARED_SECRET))
                .bucket(
                        ORG,
                        "gcs-bucket",
                        "gs",
                        "acme-gcs",
                        "",
                        Map.of(),
                        Map.of("method", "gcp_customer_managed_role", "target_service_account", "sa@acme.iam"))
                .bucket(
                        ORG,
                        "open-bucket",
                        "s3",
                        "acme-open",
                        "",
                        Map.of("region_name", "eu-west-1"),
                        Map.of("method", "anonymous"))
                .repo(ORG, "climate", "main-bucket", "Climate model runs", Map.of("team", "science"))
                .repo(ORG, "weather", "main-bucket")
                .service(ORG, "edr", null, false);
    }

    /** A Camel context whose arraylake component reaches the emulator with {@code token}, no environment. */
    static CamelContext camel(ArraylakeEmulator emulator, String token) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        ArraylakeComponent component = new ArraylakeComponent();
        component.setEnvironment(Map.of(), emptyHome());
        component.getConfiguration().getConnection().setServiceUri(emulator.url());
        component.getConfiguration().getConnection().setToken(token);
        component.getConfiguration().getConnection().setMaxBackoff(1);
        camel.addComponent("arraylake", component);
        return camel;
    }

    static Path emptyHome() throws Exception {
        return Files.createTempDirectory("arraylake-home");
    }

    /** The requests whose method and path match, so far. */
    static long count(ArraylakeEmulator emulator, String method, String path) {
        return emulator.requests().stream().filter(matching(method, path)).count();
    }

    static Predicate<RequestLine> matching(String method, String path) {
        return r -> r.method().equals(method) && r.path().equals(path);
    }

    /** Waits until {@code n} requests of that kind were seen in all. */
    static void awaitRequests(ArraylakeEmulator emulator, String method, String path, long n) {
        until(() -> count(emulator, method, path) >= n, n + " × " + method + " " + path);
    }

    /** Waits for a condition a route or the emulator makes true; fails naming it after a minute. */
    static void until(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited a minute for " + what);
            }
            Thread.onSpinWait();
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000L);
        }
    }

    /** The requests after the first {@code from}, for "sent nothing" checks. */
    static List<RequestLine> since(ArraylakeEmulator emulator, int from) {
        List<RequestLine> all = emulator.requests();
        return all.subList(Math.min(from, all.size()), all.size());
    }
}
