package dev.cameltiledb.emulator.common.page;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page's rules on their own: who it admits, what a finding may quote, its settings. The emulators' HTTP tests
 * show them over the wire (the loopback rule from a non-loopback address of the machine, where it has one).
 */
class EmulatorPageTest {

    @Test
    void admitsLoopbackCallersAndOthersOnlyWhenAllowed() throws Exception {
        for (String loopback : new String[] {"127.0.0.1", "127.8.9.10", "::1"}) {
            assertTrue(EmulatorPage.admits(InetAddress.getByName(loopback), false), loopback);
        }
        for (String other : new String[] {"192.0.2.2", "10.0.0.1", "0.0.0.0", "2001:db8::1"}) {
            assertFalse(EmulatorPage.admits(InetAddress.getByName(other), false), other);
            assertTrue(EmulatorPage.admits(InetAddress.getByName(other), true), other);
        }
        assertFalse(EmulatorPage.admits(null, false), "an unknown source is no loopback");
    }

    @Test
    void findingsLeaveOutEveryQuotedValueButTheSpecsSideInBrackets() {
        assertEquals(
                "Value '…' for parameter '…' is not allowed.",
                Findings.withoutQuotedValues("Value 'hunter2' for parameter 'mode' is not allowed."));
        assertEquals(
                "[Path '/secret_access_key'] ECMA 262 regex \"…\" does not match input string \"…\"",
                Findings.withoutQuotedValues(
                        "[Path '/secret_access_key'] ECMA 262 regex \"^A\" does not match input string \"s3cr3t\""));
        assertEquals(
                "Object has missing required properties ([\"status\"])",
                Findings.withoutQuotedValues("Object has missing required properties ([\"status\"])"));
        assertEquals("string \"…", Findings.withoutQuotedValues("string \"unterminated secret"));
    }

    @Test
    void anExchangeThatCannotBeJudgedReadsNotCheckedWithTheReason() {
        Verdict missing = EmulatorPage.judged(
                x -> {
                    throw new NoClassDefFoundError("com/atlassian/oai/validator/OpenApiInteractionValidator");
                },
                "GET /v1/user");
        assertEquals(Verdict.NOT_CHECKED, missing.request());
        assertEquals(Verdict.NOT_CHECKED, missing.answer());
        assertTrue(missing.findings().get(0).contains("swagger-request-validator-core"), missing.toString());
        Verdict broken = EmulatorPage.judged(
                x -> {
                    throw new IllegalStateException("a spec that does not parse");
                },
                "GET /v1/user");
        assertEquals(java.util.List.of("the check failed: IllegalStateException"), broken.findings());
    }

    @Test
    void settingsAreOffByDefaultAndRefuseAnEmptyWindow() {
        PageSettings off = PageSettings.off();
        assertFalse(off.enabled());
        assertEquals(0, off.window(), "no exchange is kept for a page that is off");
        assertEquals(200, off.enabled(true).window());
        assertEquals(5, off.enabled(true).exchanges(5).window());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> off.exchanges(0));
        assertTrue(e.getMessage().contains("emulatorPageExchanges"), e.getMessage());
    }
}
