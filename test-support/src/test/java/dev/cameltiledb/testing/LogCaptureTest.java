package dev.cameltiledb.testing;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The capture's verdicts, driven by hand around a few log lines (the extension context is not used). */
class LogCaptureTest {

    private static final Logger LOG = LoggerFactory.getLogger(LogCaptureTest.class);

    @Test
    void aLeakIsReportedWithItsLine() {
        LogCapture capture = new LogCapture("s3cr3t-given");
        capture.beforeAll(null);
        LOG.info("header X-Key: s3cr3t-given");
        AssertionError leak = assertThrows(AssertionError.class, () -> capture.afterAll(null));
        assertTrue(leak.getMessage().contains("s3cr3t-given"), leak.getMessage());
    }

    @Test
    void aHiddenLeakIsCountedButNeverShownAndASecretFoundLaterCounts() {
        LogCapture capture = LogCapture.hidingLeaks("real-token-from-env", null);
        capture.beforeAll(null);
        LOG.info("token real-token-from-env");
        LOG.debug("created token-made-by-the-test");
        LOG.info("an innocent line");
        capture.watchFor("token-made-by-the-test");
        AssertionError leak = assertThrows(AssertionError.class, () -> capture.afterAll(null));
        assertEquals("2 log lines hold a secret (not shown)", leak.getMessage());
    }

    @Test
    void anAbsentSecretIsIgnoredAndCleanLinesPass() {
        LogCapture capture = LogCapture.hidingLeaks((String) null);
        capture.beforeAll(null);
        LOG.info("nothing secret here");
        assertDoesNotThrow(() -> capture.afterAll(null));
    }
}
