package dev.cameltiledb.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import dev.cameltiledb.client.model.ArrayBrowserData;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One measured run in a JVM of its own (started by {@link Benchmarks} with a fixed -Xmx), so its heap high-water mark
 * belongs to that run alone. A warm-up pass of the same code path (a one-array namespace, or one notebook round
 * trip) runs first, so the measured pass compares warm code with warm code, not class loading.
 * Prints {@code <elapsed ms> <peak heap bytes> <items>}. Arguments: mode (list-component, list-component-all, list-baseline,
 * assets-component, assets-component-all, assets-baseline (against a workspace-mode emulator),
 * notebook-component, notebook-component-replace, notebook-baseline), host, key, namespace, then a file for the
 * notebook modes.
 */
public final class HeapProbe {

    /** The one-asset teamspace the assets modes warm up on. */
    static final String WARM_TEAMSPACE = "bench/warm";

    private HeapProbe() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String host = args[1];
        String key = args[2];
        String namespace = args[3];
        long items = 0;
        double millis;
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    String common = "&namespace=" + namespace + "&host=" + host + "&apiKey=" + key;
                    from("direct:list").to("tiledb:arrays?operation=list&perPage=100&streamResults=true" + common);
                    from("direct:listAll").to("tiledb:arrays?operation=list&perPage=100" + common);
                    // a teamspace's root on the workspace platform: the namespace is workspace/teamspace
                    from("direct:assets").to("tiledb:assets?operation=list&perPage=100&streamResults=true" + common);
                    from("direct:assetsAll").to("tiledb:assets?operation=list&perPage=100" + common);
                    from("direct:upload")
                            .to("tiledb:notebooks?operation=upload&array=huge&storagePath=s3://bench&onExists=overwrite"
                                    + "&validateJson=false" + common);
                    from("direct:download").to("tiledb:notebooks?operation=download&array=huge" + common);
                }
            });
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            run(mode, template, host, key, namespace, args, true);
            if (args.length > 4 && !mode.endsWith("-replace")) {
                // Untimed: the measured download writes a new file. Replacing the one written a moment ago is
                // measured on its own ("-replace"): two 200 MiB copies then wait on the disk at once.
                Files.deleteIfExists(Path.of(args[4] + ".down"));
            }
            resetPeaks();
            long started = System.nanoTime();
            items = run(mode, template, host, key, namespace, args, false);
            millis = (System.nanoTime() - started) / 1e6;
        }
        System.out.println(millis + " " + peakHeap() + " " + items);
    }

    /** One pass; the warm-up lists a one-array namespace, or sends the notebook once, unmeasured. */
    private static long run(
            String mode,
            ProducerTemplate template,
            String host,
            String key,
            String namespace,
            String[] args,
            boolean warmUp)
            throws Exception {
        long items = 0;
        switch (mode) {
            case "list-component" -> {
                Iterator<?> it = template.requestBodyAndHeader(
                        "direct:list", null, "CamelTileDBNamespace", warmUp ? "bench" : namespace, Iterator.class);
                while (it.hasNext()) {
                    it.next();
                    items++;
                }
            }
            case "list-component-all" ->
                items = template.requestBodyAndHeader(
                                "direct:listAll",
                                null,
                                "CamelTileDBNamespace",
                                warmUp ? "bench" : namespace,
                                java.util.List.class)
                        .size();
            case "assets-component" -> {
                Iterator<?> it = template.requestBodyAndHeader(
                        "direct:assets",
                        null,
                        "CamelTileDBNamespace",
                        warmUp ? WARM_TEAMSPACE : namespace,
                        Iterator.class);
                while (it.hasNext()) {
                    it.next();
                    items++;
                }
            }
            case "assets-component-all" ->
                items = template.requestBodyAndHeader(
                                "direct:assetsAll",
                                null,
                                "CamelTileDBNamespace",
                                warmUp ? WARM_TEAMSPACE : namespace,
                                java.util.List.class)
                        .size();
            case "assets-baseline" -> {
                try (BaselineClient client = new BaselineClient(host, key, 4)) {
                    for (int page = 1; ; page++) {
                        var data = client.assetsPage(warmUp ? WARM_TEAMSPACE : namespace, page, 100);
                        items += data.data().size();
                        if (page >= data.paginationMetadata().totalPages()) {
                            break;
                        }
                    }
                }
            }
            case "list-baseline" -> {
                try (BaselineClient client = new BaselineClient(host, key, 4)) {
                    for (int page = 1; ; page++) {
                        ArrayBrowserData data = client.page(warmUp ? "bench" : namespace, page, 100);
                        items += data.arrays().size();
                        if (page >= data.paginationMetadata().totalPages()) {
                            break;
                        }
                    }
                }
            }
            case "notebook-component", "notebook-component-replace" -> {
                Path file = Path.of(args[4]);
                template.requestBody("direct:upload", file.toFile());
                template.requestBodyAndHeader("direct:download", null, "CamelTileDBOutputFile", args[4] + ".down");
                items = Files.size(file);
            }
            case "notebook-baseline" -> {
                Path file = Path.of(args[4]);
                try (BaselineClient client = new BaselineClient(host, key, 4)) {
                    client.upload(namespace, "s3://bench/huge", "huge", file);
                    client.download(namespace, "huge", Path.of(args[4] + ".down"));
                }
                items = Files.size(file);
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
        return items;
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
    }
}
