package dev.cameltiledb.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.cameltiledb.client.model.ArrayBrowserData;
import dev.cameltiledb.client.model.ArrayInfo;
import dev.cameltiledb.client.model.workspace.Asset;
import dev.cameltiledb.client.model.workspace.DataPage;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.FileEntity;

/**
 * The baseline: the same calls written by hand with Apache HttpClient 5 (pooled, keep-alive) and Jackson, mapping to
 * the same records. No retries, no redirects, no options: the fastest honest way to do the work in Java.
 */
final class BaselineClient implements AutoCloseable {

    private final String base;
    private final String key;
    private final CloseableHttpClient http;
    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    BaselineClient(String base, String key, int connections) {
        this.base = base;
        this.key = key;
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(connections)
                        .setMaxConnPerRoute(connections)
                        .build())
                .build();
    }

    ArrayInfo info(String namespace, String array) throws IOException {
        HttpGet get = new HttpGet(base + "/v1/arrays/" + namespace + "/" + array + "/metadata");
        get.setHeader("X-TILEDB-REST-API-KEY", key);
        return http.execute(get, response -> {
            try (InputStream in = response.getEntity().getContent()) {
                return mapper.readValue(in, ArrayInfo.class);
            }
        });
    }

    ArrayBrowserData page(String namespace, int page, int perPage) throws IOException {
        HttpGet get = new HttpGet(
                base + "/v1/arrays/browser/owned?namespace=" + namespace + "&page=" + page + "&per_page=" + perPage);
        get.setHeader("X-TILEDB-REST-API-KEY", key);
        return http.execute(get, response -> {
            try (InputStream in = response.getEntity().getContent()) {
                return mapper.readValue(in, ArrayBrowserData.class);
            }
        });
    }

    /** One page of a teamspace root's assets ({@code /v4/assets/list}), mapped to the client's own records. */
    DataPage<Asset> assetsPage(String teamspace, int page, int perPage) throws IOException {
        HttpGet get = new HttpGet(base + "/v4/assets/list/" + teamspace + "/.?page=" + page + "&per_page=" + perPage);
        get.setHeader("X-TILEDB-REST-API-KEY", key);
        return http.execute(get, response -> {
            try (InputStream in = response.getEntity().getContent()) {
                return mapper.readValue(in, ASSET_PAGE);
            }
        });
    }

    private static final com.fasterxml.jackson.core.type.TypeReference<DataPage<Asset>> ASSET_PAGE =
            new com.fasterxml.jackson.core.type.TypeReference<>() {};

    void upload(String namespace, String storageUri, String name, Path file) throws IOException {
        HttpPost post = new HttpPost(base + "/v2/notebooks/" + namespace + "/"
                + java.net.URLEncoder.encode(storageUri, "UTF-8").replace("+", "%20") + "/upload?filesize="
                + Files.size(file) + "&name=" + name);
        post.setHeader("X-TILEDB-REST-API-KEY", key);
        post.setEntity(new FileEntity(file.toFile(), ContentType.APPLICATION_OCTET_STREAM));
        http.execute(post, response -> {
            check(response);
            EntityUtils.consume(response.getEntity());
            return null;
        });
    }

    void download(String namespace, String name, Path target) throws IOException {
        HttpGet get = new HttpGet(base + "/v1/arrays/" + namespace + "/" + name + "/query/get_file");
        get.setHeader("X-TILEDB-REST-API-KEY", key);
        get.setHeader("Content-Type", "application/json");
        http.execute(get, response -> {
            check(response);
            try (InputStream in = response.getEntity().getContent()) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return null;
        });
    }

    /** Not measured: keeps only the newest version, so the emulator's disk holds one copy of the notebook. */
    void prune(String namespace, String name) throws IOException {
        HttpPost post = new HttpPost(base + "/v1/notebooks/" + namespace + "/" + name + "/prune?keep_versions=1");
        post.setHeader("X-TILEDB-REST-API-KEY", key);
        http.execute(post, response -> {
            check(response);
            EntityUtils.consume(response.getEntity());
            return null;
        });
    }

    private static void check(ClassicHttpResponse response) throws IOException {
        if (response.getCode() >= 300) {
            throw new IOException("HTTP " + response.getCode());
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
