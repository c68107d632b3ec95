package dev.cameltiledb.arraylake.emulator;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** The identifiers and random strings the service hands out, each in the shape the real one has. */
final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

    /** MongoDB ObjectIds are 24 hex digits: 4 bytes of seconds, then a counter that keeps them unique and ordered. */
    private final AtomicLong objectIdCounter = new AtomicLong(RANDOM.nextInt(1 << 20));

    String objectId(long epochSecond) {
        long counter = objectIdCounter.incrementAndGet();
        return String.format("%08x%016x", epochSecond & 0xffffffffL, counter);
    }

    static String uuid() {
        return UUID.randomUUID().toString();
    }

    static String serviceToken() {
        return "ema_" + random(LOWER_ALNUM, 32);
    }

    /**
     * A token shaped like the JWTs Auth0 issues ({@code ey...}: three base64url parts), so a client that tells the
     * two token kinds apart by shape sees a user token. The signature part is random: nobody verifies it.
     */
    static String jwtShaped(String subject, String email, long expiresAtEpochSecond) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes());
        String payload = encoder.encodeToString(("{\"sub\":\"" + subject + "\",\"email\":\"" + email + "\",\"exp\":"
                        + expiresAtEpochSecond + ",\"jti\":\"" + uuid() + "\"}")
                .getBytes());
        byte[] signature = new byte[32];
        RANDOM.nextBytes(signature);
        return header + "." + payload + "." + encoder.encodeToString(signature);
    }

    static String refreshToken() {
        return "v1." + random(LOWER_ALNUM + UPPER_ALNUM, 48);
    }

    static String upperAlnum(int length) {
        return random(UPPER_ALNUM, length);
    }

    static String hex(int bytes) {
        byte[] data = new byte[bytes];
        RANDOM.nextBytes(data);
        return HexFormat.of().formatHex(data);
    }

    static String base64(int bytes) {
        byte[] data = new byte[bytes];
        RANDOM.nextBytes(data);
        return Base64.getEncoder().encodeToString(data);
    }

    private static String random(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
