package dev.cameltiledb.arraylake.emulator;

import java.util.Map;

/** The org most tests start from: acme with one user per role, an API client, an S3 bucket config and two repos. */
final class Fixtures {

    static final String ETL_TOKEN = "ema_0123456789abcdef0123456789abcdef";
    static final String OTHER_ORG_TOKEN = "ema_fedcba9876543210fedcba9876543210";
    static final String ADMIN = "alice@example.com";
    static final String MEMBER = "bob@example.com";
    static final String VIEWER = "carol@example.com";
    static final String OUTSIDER = "dave@example.com";

    private Fixtures() {}

    static ArraylakeEmulator.Builder standard() {
        return configure(ArraylakeEmulator.builder());
    }

    static ArraylakeEmulator.Builder configure(ArraylakeEmulator.Builder b) {
        return b.org("acme", "Acme research")
                .org("globex")
                .user(ADMIN, "Alice", "Liddell")
                .user(MEMBER, "Bob", "Builder")
                .user(VIEWER, "Carol", "Danvers")
                .user(OUTSIDER, "Dave", "Null")
                .member("acme", ADMIN, "admin")
                .member("acme", MEMBER, "member")
                .member("acme", VIEWER, "viewer")
                .member("globex", OUTSIDER, "admin")
                .serviceAccount("acme", "etl@acme.example", ETL_TOKEN, "member")
                .serviceAccount("globex", "bot@globex.example", OTHER_ORG_TOKEN, "admin")
                .bucket(
                        "acme",
                        "main-bucket",
                        "s3",
                        "acme-data",
                        "arraylake",
                        Map.of("region_name", "us-east-1"),
                        Map.of(
                                "method",
                                "aws_customer_managed_role",
                                "external_customer_id",
                                "123456789012",
                                "external_role_name",
                                "arraylake-access",
                                "shared_secret",
                                "s3cr3t"))
                .repo(
                        "acme",
                        "climate",
                        "main-bucket",
                        "Climate runs",
                        Map.of("team", "ocean", "tags", java.util.List.of("a", "b")))
                .repo("acme", "weather", "main-bucket");
    }

    static Api as(ArraylakeEmulator emu, String email) {
        return new Api(emu.url(), emu.userTokens(email).idToken());
    }

    static Api service(ArraylakeEmulator emu) {
        return new Api(emu.url(), ETL_TOKEN);
    }
}
