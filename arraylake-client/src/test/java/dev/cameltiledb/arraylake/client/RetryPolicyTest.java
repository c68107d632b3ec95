package dev.cameltiledb.arraylake.client;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {

    private static RetryPolicy policy(double jitter) {
        return new RetryPolicy(15, 10_000, 60_000, () -> jitter);
    }

    @ParameterizedTest
    @CsvSource({
        "GET,429,true",
        "POST,429,true",
        "PATCH,429,true",
        "PUT,429,true",
        "DELETE,429,true",
        "GET,502,true",
        "POST,502,true",
        "DELETE,502,true",
        "GET,503,true",
        "POST,503,true",
        "PUT,503,true",
        "GET,504,true",
        "PATCH,504,true",
        "GET,500,true",
        "HEAD,500,true",
        "OPTIONS,500,true",
        "TRACE,500,true",
        "POST,500,false",
        "PATCH,500,false",
        "PUT,500,false",
        "DELETE,500,false",
        "GET,400,false",
        "GET,401,false",
        "GET,404,false",
        "GET,409,false",
        "GET,422,false",
        "GET,501,false"
    })
    void statusAndMethodDecide(String method, int status, boolean retried) {
        assertEquals(retried, policy(0.5).retriesStatus(method, status, 1));
    }

    @Test
    void attemptsStopAtTheMaximum() {
        RetryPolicy p = policy(0.5);
        assertTrue(p.retriesStatus("GET", 503, 14));
        assertFalse(p.retriesStatus("GET", 503, 15));
    }

    @Test
    void backoffDoublesFromATenthOfASecondUpToTheCap() {
        RetryPolicy p = policy(0.5); // 0.5 = no jitter
        assertEquals(100, p.backoffMillis(1));
        assertEquals(200, p.backoffMillis(2));
        assertEquals(400, p.backoffMillis(3));
        assertEquals(6_400, p.backoffMillis(7));
        assertEquals(10_000, p.backoffMillis(8));
        assertEquals(10_000, p.backoffMillis(60));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 7})
    void jitterStaysWithinTenPercent(int retry) {
        long nominal = 100L << (retry - 1);
        long low = policy(0.0).backoffMillis(retry);
        long high = policy(0.999999).backoffMillis(retry);
        assertEquals(Math.round(nominal * 0.9), low);
        assertEquals(Math.round(nominal * 1.1), high, 1);
        assertTrue(low < nominal && nominal < high);
    }

    @Test
    void jitterNeverPushesPastTheCap() {
        assertEquals(10_000, policy(0.999999).backoffMillis(20));
        assertEquals(9_000, policy(0.0).backoffMillis(20));
    }

    @Test
    void retryAfterSecondsReplaceTheBackoffUpToTheCap() {
        Instant now = Instant.parse("2026-12-02T09:00:00Z");
        assertEquals(3_000, policy(0.5).statusDelayMillis(1, "3", now));
        assertEquals(60_000, policy(0.5).statusDelayMillis(1, "3600", now));
        assertEquals(0, policy(0.5).statusDelayMillis(1, "-5", now));
    }

    @Test
    void retryAfterDatesCountFromNowUpToTheCap() {
        Instant now = Instant.parse("2026-12-02T09:00:00Z");
        assertEquals(7_000, policy(0.5).statusDelayMillis(1, "Wed, 02 Dec 2026 09:00:07 GMT", now));
        assertEquals(60_000, policy(0.5).statusDelayMillis(1, "Wed, 02 Dec 2026 11:00:00 GMT", now));
        assertEquals(0, policy(0.5).statusDelayMillis(1, "Wed, 02 Dec 2026 08:00:00 GMT", now));
    }

    @Test
    void anUnreadableRetryAfterFallsBackToTheBackoff() {
        assertNull(RetryPolicy.retryAfterMillis("soon", Instant.EPOCH));
        assertEquals(200, policy(0.5).statusDelayMillis(2, "soon", Instant.EPOCH));
    }

    @Test
    void connectionFailuresGetFiveRetriesWithHttpxWaits() {
        RetryPolicy p = policy(0.5);
        assertEquals(0, p.connectionDelayMillis(1));
        assertEquals(500, p.connectionDelayMillis(2));
        assertEquals(1_000, p.connectionDelayMillis(3));
        assertEquals(4_000, p.connectionDelayMillis(5));
        assertTrue(p.retriesConnection("POST", false, 5));
        assertFalse(p.retriesConnection("GET", true, 6));
        assertTrue(p.retriesConnection("GET", true, 1));
        assertFalse(p.retriesConnection("POST", true, 1), "a POST that may have arrived is not sent twice");
    }
}
