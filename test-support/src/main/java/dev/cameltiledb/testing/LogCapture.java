package dev.cameltiledb.testing;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Captures every log line of a test class at DEBUG (HttpClient's header log included; only its wire log, which dumps
 * raw bytes by design, stays off) and fails the class if any of the given secrets appears in a message or stack
 * trace.
 */
public final class LogCapture implements BeforeAllCallback, AfterAllCallback {

    private final List<String> secrets;
    private final boolean showLeaks;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level rootLevel;

    public LogCapture(String... secrets) {
        this(true, secrets);
    }

    private LogCapture(boolean showLeaks, String... secrets) {
        this.showLeaks = showLeaks;
        this.secrets = new CopyOnWriteArrayList<>();
        Arrays.stream(secrets).forEach(this::watchFor);
    }

    /** A secret that appeared while the class runs (a token a test created): checked like those given at the start. */
    public void watchFor(String secret) {
        if (secret != null && !secret.isEmpty()) {
            secrets.add(secret);
        }
    }

    /**
     * For real secrets (a token from the environment): a leak fails the class with the number of lines that hold one,
     * never the lines themselves, since the failure message would otherwise print the secret. Absent ({@code null})
     * secrets are ignored, so the field can be initialised from a variable that is not set.
     */
    public static LogCapture hidingLeaks(String... secrets) {
        return new LogCapture(false, secrets);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        appender.setContext(logging);
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
        logging.getLogger("org.apache.hc.client5.http.wire").setLevel(Level.INFO);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(appender);
        root.setLevel(rootLevel);
        logging.getLogger("org.apache.hc.client5.http.wire").setLevel(null);
        List<String> leaks = lines().stream()
                .filter(line -> secrets.stream().anyMatch(line::contains))
                .toList();
        if (!leaks.isEmpty()) {
            throw new AssertionError(
                    showLeaks ? "secrets in the log: " + leaks : leaks.size() + " log lines hold a secret (not shown)");
        }
        if (appender.list.isEmpty()) {
            throw new AssertionError("nothing was logged: the capture did not work");
        }
    }

    /** Every captured line with its logger and stack trace; safe while others log (the appender appends under its lock). */
    public List<String> lines() {
        synchronized (appender) {
            return appender.list.stream()
                    .map(e -> e.getLoggerName() + " " + e.getFormattedMessage()
                            + (e.getThrowableProxy() != null ? ThrowableProxyUtil.asString(e.getThrowableProxy()) : ""))
                    .toList();
        }
    }
}
