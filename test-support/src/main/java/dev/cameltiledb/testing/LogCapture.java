package dev.cameltiledb.testing;

import java.util.List;

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
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level rootLevel;

    public LogCapture(String... secrets) {
        this.secrets = List.of(secrets);
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
            throw new AssertionError("secrets in the log: " + leaks);
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
