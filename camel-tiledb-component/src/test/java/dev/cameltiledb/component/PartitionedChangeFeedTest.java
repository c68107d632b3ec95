package dev.cameltiledb.component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import dev.cameltiledb.client.model.ArrayInfo;
import dev.cameltiledb.component.cluster.AssetPartitions;
import dev.cameltiledb.emulator.common.Await;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A change feed split in partitions: each asset's changes come from the one partition its URI hashes to. */
class PartitionedChangeFeedTest {

    private static final String NAMESPACE = "feed-partitioned";

    private record Change(int partition, String kind, String uri) {}

    @Test
    void eachAssetChangesInExactlyOnePartition() throws Exception {
        SuiteEmulator.namespace(NAMESPACE, 12);
        List<Change> changes = Collections.synchronizedList(new ArrayList<>());
        CamelContext camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (int p = 0; p < 3; p++) {
                    int partition = p;
                    from(SuiteEmulator.arrays("namespace=" + NAMESPACE + "&initialSnapshot=true&delay=50&partitions=3"
                                    + "&partition=" + p))
                            .process(e -> changes.add(new Change(
                                    partition,
                                    e.getMessage().getHeader(TileDBConstants.CHANGE, String.class),
                                    "tiledb://" + NAMESPACE + "/"
                                            + e.getMessage()
                                                    .getBody(ArrayInfo.class)
                                                    .name())));
                }
            }
        });
        camel.start();
        try {
            Await.until(() -> changes.size() >= 12, "every array's created change");
            SuiteEmulator.get().removeArray(NAMESPACE, "a5");
            Await.until(() -> changes.stream().anyMatch(c -> c.kind().equals("deleted")), "a5's deleted change");
            Await.requests(
                    SuiteEmulator.get(),
                    x -> x.rawPath().startsWith("/v1/arrays/browser/owned")
                            && List.of(NAMESPACE).equals(x.query().get("namespace")),
                    9,
                    "three more polls of each partition");
        } finally {
            camel.stop();
        }
        Set<String> created = new HashSet<>();
        for (Change c : changes) {
            assertEquals(AssetPartitions.partitionOf(c.uri(), 3), c.partition(), c + " from its own partition");
            if (c.kind().equals("created")) {
                assertTrue(created.add(c.uri()), c.uri() + " created once");
            }
        }
        assertEquals(
                new HashSet<>(IntStream.range(0, 12)
                        .mapToObj(i -> "tiledb://" + NAMESPACE + "/a" + i)
                        .toList()),
                created);
        assertEquals(
                List.of(new Change(
                        AssetPartitions.partitionOf("tiledb://" + NAMESPACE + "/a5", 3),
                        "deleted",
                        "tiledb://" + NAMESPACE + "/a5")),
                changes.stream().filter(c -> c.kind().equals("deleted")).toList());
        assertEquals(13, changes.size(), "nothing else: " + changes);
        Map<Integer, Long> perPartition = new java.util.TreeMap<>();
        changes.forEach(c -> perPartition.merge(c.partition(), 1L, Long::sum));
        assertEquals(3, perPartition.size(), "every partition had assets of its own: " + perPartition);
    }
}
