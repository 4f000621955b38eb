package dev.assay.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.ApiOverHttp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * How the UI is delivered, over real HTTP: hashed assets cached for a year as immutable, index.html revalidated
 * so a new release is picked up, and script sent gzipped to a browser that asks for it. The served files are
 * test-only stand-ins under src/test/resources/static (the real ones come from ui/dist).
 */
@ApiOverHttp
class DeliveryHttpIT {

    /** The one script fixture, with the brotli copy the build writes beside each script (its .br). */
    private static final String ASSET = "/assets/brotli-test-5c2e9a7d.js";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET();
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aHashedAssetIsCachedForAYearAsImmutable() throws Exception {
        HttpResponse<byte[]> asset = get(ASSET, null);

        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control")).contains("max-age=31536000, public, immutable");
        assertThat(asset.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("javascript"));
        assertThat(asset.headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void aPageOutsideAssetsIsRevalidatedSoANewReleaseIsPickedUp() throws Exception {
        // Served by the same handler as index.html (and its deep-link fallback); a test-only index.html would
        // shadow the built UI's on the integration tests' classpath, hence another name.
        HttpResponse<byte[]> page = get("/delivery-test.html", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains(ASSET);
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-cache");
    }

    @Test
    void scriptIsSentGzippedToABrowserThatTakesNoBrotliAndReadsBackTheSame() throws Exception {
        byte[] plain = get(ASSET, null).body();
        HttpResponse<byte[]> zipped = get(ASSET, "gzip, deflate");

        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(zipped.headers().firstValue("Vary"))
                .hasValueSatisfying(v -> assertThat(v).containsIgnoringCase("Accept-Encoding"));
        assertThat(zipped.headers().firstValue("Cache-Control")).contains("max-age=31536000, public, immutable");
        assertThat(zipped.body().length).isLessThan(plain.length / 4);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
    }

    @Test
    void theBuildsBrotliCopyIsSentToABrowserThatAcceptsBr() throws Exception {
        String script = ASSET;
        byte[] plain = get(script, null).body();
        byte[] brotli;
        try (var in = getClass().getResourceAsStream("/static" + script + ".br")) {
            brotli = in.readAllBytes();
        }

        HttpResponse<byte[]> br = get(script, "gzip, deflate, br");

        assertThat(br.statusCode()).isEqualTo(200);
        assertThat(br.headers().firstValue("Content-Encoding")).contains("br");
        assertThat(br.headers().firstValue("Vary"))
                .hasValueSatisfying(v -> assertThat(v).containsIgnoringCase("Accept-Encoding"));
        assertThat(br.headers().firstValue("Cache-Control")).contains("max-age=31536000, public, immutable");
        assertThat(br.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("javascript"));
        assertThat(br.body()).isEqualTo(brotli);
        assertThat(brotli.length).isLessThan(plain.length / 4);
    }

    @Test
    void aFileUnderAKilobyteIsNotWorthCompressing() throws Exception {
        HttpResponse<byte[]> css = get("/assets/tiny-test-7d1e0a55.css", "gzip");

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body().length).isLessThan(1024);
        assertThat(css.headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void theApisJsonIsCompressedToo() throws Exception {
        HttpResponse<byte[]> schema = get("/api/v1/plan-schema", "gzip");

        assertThat(schema.statusCode()).isEqualTo(200);
        assertThat(schema.headers().firstValue("Content-Encoding")).contains("gzip");
    }
}
