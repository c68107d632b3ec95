package dev.cameltiledb.camel.testing;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.Attribute;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** Our consumers' MBeans as a JMX client reads them, for the components' console and JMX tests. */
public final class ConsumerMBeans {

    /** Every attribute {@code StatefulBatchConsumer} adds to a consumer's MBean, in its declared order. */
    public static final String[] ATTRIBUTES = {
        "StreamKind",
        "Streams",
        "CursorOldest",
        "CursorNewest",
        "Backlog",
        "LagMillis",
        "PartitionsHeld",
        "FenceEpoch",
        "LastPoll",
        "LastPollRequests",
        "LastFailure"
    };

    public static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    private ConsumerMBeans() {}

    /** The MBean Camel registered for a route's consumer in the context named {@code context}. */
    public static ObjectName ofRoute(String context, String routeId) throws Exception {
        List<ObjectName> names = new ArrayList<>(
                SERVER.queryNames(new ObjectName("org.apache.camel:context=" + context + ",type=consumers,*"), null));
        for (ObjectName name : names) {
            if (routeId.equals(SERVER.getAttribute(name, "RouteId"))) {
                return name;
            }
        }
        throw new AssertionError("no consumer MBean of route " + routeId + " among " + names);
    }

    /** The values of {@link #ATTRIBUTES}, in that order; an attribute that could not be read fails the call. */
    public static List<Object> read(ObjectName name) throws Exception {
        List<Object> values = new ArrayList<>();
        for (Attribute a : SERVER.getAttributes(name, ATTRIBUTES).asList()) {
            values.add(a.getValue());
        }
        if (values.size() != ATTRIBUTES.length) {
            throw new AssertionError("only " + values.size() + " of the attributes were readable: " + values);
        }
        return values;
    }
}
