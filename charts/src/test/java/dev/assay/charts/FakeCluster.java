package dev.assay.charts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of a Kubernetes API server for the chart's {@code lookup} of Secrets: discovery of {@code v1} and
 * GET of a Secret, which is 404 unless a test stored one. helm-java's template, unlike {@code helm template},
 * asks a cluster for lookups; this stands in for one on loopback, and lets a test play "the upgrade of a release
 * whose Secrets already exist".
 * <p>
 * Helm finds it through the kubeconfig named by {@code KUBECONFIG}, which the build sets for the test JVM (Helm's
 * Go runtime copies the environment when it loads, so it cannot be set from here).
 */
final class FakeCluster {

    private static final Pattern SECRET = Pattern.compile("/api/v1/namespaces/([^/]+)/secrets/([^/]+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakeCluster shared;

    private final Map<String, ObjectNode> secrets = new ConcurrentHashMap<>();
    private final HttpServer server;

    private FakeCluster() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    /** The one instance of this JVM, started on first use, with the kubeconfig written where Helm looks. */
    static synchronized FakeCluster shared() {
        if (shared == null) {
            String kubeconfig = System.getenv("KUBECONFIG");
            if (kubeconfig == null || kubeconfig.isBlank()) {
                throw new IllegalStateException(
                        "KUBECONFIG is not set: run the chart tests through Maven (charts/pom.xml "
                                + "sets it), or export KUBECONFIG=charts/target/fake-cluster/kubeconfig first");
            }
            try {
                shared = new FakeCluster();
                Path file = Path.of(kubeconfig);
                Files.createDirectories(file.getParent());
                Files.writeString(file, """
                        apiVersion: v1
                        kind: Config
                        clusters:
                          - name: fake
                            cluster: {server: "http://127.0.0.1:%d"}
                        users:
                          - name: fake
                            user: {}
                        contexts:
                          - name: fake
                            context: {cluster: fake, user: fake}
                        current-context: fake
                        """.formatted(shared.server.getAddress().getPort()));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> shared.server.stop(0)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** Makes a Secret exist, as a previous release would have left it. */
    void putSecret(String namespace, String name, Map<String, String> data) {
        ObjectNode secret = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Secret");
        secret.putObject("metadata").put("name", name).put("namespace", namespace);
        ObjectNode encoded = secret.putObject("data");
        data.forEach((key, value) ->
                encoded.put(key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        secrets.put(namespace + "/" + name, secret);
    }

    /** Back to an empty cluster: a first install. */
    void clear() {
        secrets.clear();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Matcher secret = SECRET.matcher(path);
        if (path.equals("/api/v1")) {
            respond(exchange, 200, """
                    {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"v1","resources":[
                     {"name":"secrets","singularName":"secret","namespaced":true,"kind":"Secret","verbs":["get","list"]}]}""");
        } else if (secret.matches() && secrets.containsKey(secret.group(1) + "/" + secret.group(2))) {
            respond(exchange, 200, JSON.writeValueAsString(secrets.get(secret.group(1) + "/" + secret.group(2))));
        } else {
            respond(exchange, 404, """
                    {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404,"message":"not found"}""");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
