package dev.cameltiledb.component;

import java.io.File;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Run by {@link LargeNotebookStreamingTest} in its own JVM with a small heap: uploads a notebook file through a route
 * (validating its JSON on the way), then downloads it to another file. Succeeds only if nothing holds the notebook
 * in memory. Arguments: host, API token, notebook file, download file.
 */
public final class LargeNotebookRoundTrip {

    private LargeNotebookRoundTrip() {}

    public static void main(String[] args) throws Exception {
        String endpoint = "tiledb:notebooks?namespace=big&host=" + args[0] + "&apiKey=" + args[1];
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:upload").to(endpoint + "&operation=upload&array=huge&storagePath=s3://big-bucket");
                    from("direct:download").to(endpoint + "&operation=download&array=huge&outputFile=" + args[3]);
                }
            });
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            template.requestBody("direct:upload", new File(args[2]));
            template.requestBody("direct:download", (Object) null);
        }
        System.out.println("max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
    }
}
