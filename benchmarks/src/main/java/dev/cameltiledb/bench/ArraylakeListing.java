package dev.cameltiledb.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.cameltiledb.arraylake.client.model.Page;
import dev.cameltiledb.arraylake.client.model.Repo;
import dev.cameltiledb.arraylake.emulator.ArraylakeEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;

/**
 * Workload 7: every repository of an Arraylake org with 10,000 of them ({@code -Dbench.repos}), listed page by page
 * ({@code GET /orgs/{org}/repos/paginated}, pages of 100) on the Arraylake emulator. The baseline is the paging
 * loop written by hand with HttpClient 5 and Jackson, mapping to the client's own records; the component lists
 * the same repositories into one List, and as a lazy iterator ({@code streamResults=true}) walked to the end.
 */
final class ArraylakeListing {

    static final int REPOS = Integer.getInteger("bench.repos", 10_000);
    static final int ROUNDS = Integer.getInteger("bench.arraylakeRounds", 25);
    private static final String ORG = "bench";
    private static final String TOKEN = "ema_bench0000000000000000000000000000";
    private static final TypeReference<Page<Repo>> PAGE = new TypeReference<>() {};

    private ArraylakeListing() {}

    /** The contenders, each answering how many repositories it listed; a wrong count fails the run. */
    static Map<String, Benchmarks.Run> contenders(ArraylakeEmulator emulator, CamelContext camel) {
        ProducerTemplate template = camel.createProducerTemplate();
        String common = "&org=" + ORG;
        Baseline baseline = new Baseline(emulator.url());
        Map<String, Benchmarks.Run> contenders = new LinkedHashMap<>();
        contenders.put("baseline paging loop (HttpClient 5 + Jackson)", () -> timed(baseline::listAll));
        contenders.put(
                "camel-arraylake list",
                () -> timed(() -> template.requestBody("arraylake:repos?operation=list" + common, null, List.class)
                        .size()));
        contenders.put(
                "camel-arraylake streamResults",
                () -> timed(() -> {
                    Iterator<?> repos = template.requestBody(
                            "arraylake:repos?operation=list&streamResults=true" + common, null, Iterator.class);
                    int n = 0;
                    while (repos.hasNext()) {
                        repos.next();
                        n++;
                    }
                    return n;
                }));
        return contenders;
    }

    /** An emulator holding the org with its repositories, and a Camel context whose component talks to it. */
    static ArraylakeEmulator startEmulator() {
        ArraylakeEmulator emulator = ArraylakeEmulator.builder()
                .org(ORG)
                .serviceAccount(ORG, "bench@bench.example", TOKEN, "admin")
                .bucket(
                        ORG,
                        "bench-bucket",
                        "s3",
                        "bench-data",
                        "repos",
                        Map.of("region_name", "us-east-1"),
                        Map.of("method", "anonymous"))
                .build()
                .start();
        emulator.bulkRepos(ORG, "bench-bucket", "repo-", REPOS);
        return emulator;
    }

    static CamelContext camel(ArraylakeEmulator emulator) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        var component = new dev.cameltiledb.arraylake.component.ArraylakeComponent();
        // as camel.component.arraylake.service-uri / .token would set them
        PropertyBindingSupport.build()
                .withCamelContext(camel)
                .withTarget(component)
                .withProperties(new java.util.HashMap<>(Map.of("serviceUri", emulator.url(), "token", TOKEN)))
                .bind();
        camel.addComponent("arraylake", component);
        camel.start();
        return camel;
    }

    @FunctionalInterface
    private interface Listing {
        int count() throws Exception;
    }

    private static double timed(Listing listing) throws Exception {
        long start = System.nanoTime();
        int n = listing.count();
        double millis = (System.nanoTime() - start) / 1e6;
        if (n != REPOS) {
            throw new IllegalStateException("listed " + n + " repositories, expected " + REPOS);
        }
        return millis;
    }

    /** The hand-written loop: one pooled client, Bearer token, page after page until the last. */
    private static final class Baseline {
        private final String base;
        private final CloseableHttpClient http = HttpClients.custom().build();
        private final ObjectMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();

        Baseline(String base) {
            this.base = base;
        }

        int listAll() throws IOException {
            List<Repo> all = new ArrayList<>();
            for (int page = 1; ; page++) {
                HttpGet get = new HttpGet(base + "/orgs/" + ORG + "/repos/paginated?page=" + page + "&size=100");
                get.setHeader("Authorization", "Bearer " + TOKEN);
                get.setHeader("Accept", "application/vnd.earthmover+json");
                Page<Repo> result = http.execute(get, response -> {
                    try (InputStream in = response.getEntity().getContent()) {
                        return mapper.readValue(in, PAGE);
                    }
                });
                all.addAll(result.items());
                if (page >= result.pages()) {
                    return all.size();
                }
            }
        }
    }
}
