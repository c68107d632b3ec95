package dev.cameltiledb.camel;

import java.security.AccessController;
import java.security.Principal;
import java.util.stream.Collectors;
import javax.security.auth.Subject;

/** Who invoked a JMX operation, for the log line of an operation that changes what a consumer delivers. */
final class JmxCaller {

    private JmxCaller() {}

    /**
     * The principals of an authenticated remote JMX connection (the JMX connector runs the operation as that subject),
     * else the local caller's thread: on Java 17 the subject is only reachable through the access-control context.
     */
    @SuppressWarnings("removal")
    static String describe() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject != null && !subject.getPrincipals().isEmpty()) {
            return "JMX user "
                    + subject.getPrincipals().stream().map(Principal::getName).collect(Collectors.joining(", "));
        }
        return "A local caller (thread " + Thread.currentThread().getName() + ", no JMX user)";
    }
}
