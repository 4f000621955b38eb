package dev.assay.operator.admission;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReview;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTPS endpoint the API server calls for the mutating admission webhook ({@link CreatorAnnotations}). Its own
 * server, like the health endpoint's, so admission answers (which hold up a person's {@code kubectl create}) never
 * queue behind reconciliation. Every replica serves it, leader or not: it reads nothing from the cluster.
 */
public final class AdmissionServer implements AutoCloseable {

    /** The path the MutatingWebhookConfiguration names. */
    public static final String PATH = "/mutate/creator";

    private static final Logger log = LoggerFactory.getLogger(AdmissionServer.class);
    /** A review carries the whole object; runs are small, so anything far larger is not one of ours. */
    private static final int MAX_REVIEW_BYTES = 3 * 1024 * 1024;

    private final HttpsServer server;

    private AdmissionServer(HttpsServer server) {
        this.server = server;
    }

    /**
     * Starts the endpoint on {@code address}, serving with {@code tls} (see {@link PemTls}); {@code address} may have
     * port 0 for any free port.
     */
    public static AdmissionServer start(InetSocketAddress address, SSLContext tls) throws IOException {
        KubernetesSerialization json = new KubernetesSerialization();
        CreatorAnnotations creator = new CreatorAnnotations(json);
        HttpsServer server = HttpsServer.create(address, 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext(PATH, exchange -> {
            try (exchange) {
                if (!exchange.getRequestMethod().equals("POST")) {
                    answer(exchange, 405, "{\"title\":\"only POST of an AdmissionReview\"}");
                    return;
                }
                Optional<AdmissionReview> review = read(exchange.getRequestBody(), json);
                if (review.isEmpty()) {
                    answer(exchange, 400, "{\"title\":\"the body is not an admission.k8s.io/v1 AdmissionReview\"}");
                    return;
                }
                answer(exchange, 200, json.asJson(creator.answer(review.get())));
            } catch (RuntimeException e) {
                // The API server treats a failed call per the failurePolicy; say why in our log as well.
                log.warn("admission review failed: {}", e.toString());
                answer(exchange, 500, "{\"title\":\"the admission review could not be answered\"}");
            }
        });
        server.start();
        return new AdmissionServer(server);
    }

    private static Optional<AdmissionReview> read(InputStream body, KubernetesSerialization json) throws IOException {
        byte[] bytes = body.readNBytes(MAX_REVIEW_BYTES + 1);
        if (bytes.length > MAX_REVIEW_BYTES) {
            return Optional.empty();
        }
        try {
            Map<?, ?> raw = json.unmarshal(new String(bytes, StandardCharsets.UTF_8), Map.class);
            if (!"admission.k8s.io/v1".equals(raw.get("apiVersion"))
                    || !"AdmissionReview".equals(raw.get("kind"))
                    || raw.get("request") == null) {
                return Optional.empty();
            }
            return Optional.of(json.convertValue(raw, AdmissionReview.class));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
