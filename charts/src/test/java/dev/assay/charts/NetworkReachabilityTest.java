package dev.assay.charts;

import static dev.assay.charts.Rendered.labels;
import static dev.assay.charts.Rendered.selects;
import static dev.assay.charts.Rendered.stream;
import static dev.assay.charts.Rendered.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which pod may open a connection to which, decided from the rendered NetworkPolicies the way an enforcing network
 * plugin decides it (a connection needs the source's egress and the destination's ingress; a pod no policy selects
 * for a direction is open in that direction; policies add up). The local cluster's bridge does not enforce
 * NetworkPolicy, so the intent is checked here, on the chart, with the real pods' labels.
 */
class NetworkReachabilityTest {

    /** A pod: its namespace and labels. */
    private record Pod(String namespace, Map<String, String> labels) {}

    private static final Map<String, Pod> PODS = new HashMap<>();

    @BeforeEach
    void render() {
        FakeCluster.shared().clear();
        Rendered rendered = AssayChart.render("more-namespaces.yaml");
        policies = rendered.ofKind("NetworkPolicy");
        for (String component : List.of("api", "operator", "redis", "minio")) {
            PODS.put(
                    component,
                    new Pod(
                            "assay",
                            labels(rendered.get("Deployment", "assay-" + component)
                                    .path("spec")
                                    .path("template"))));
        }
        // Labels the operator gives runner pods (RunnerJobs), in the release's namespace and in a watched one.
        Map<String, String> runner = Map.of(
                "app.kubernetes.io/name",
                "assay-runner",
                "app.kubernetes.io/part-of",
                "assay",
                "app.kubernetes.io/component",
                "runner");
        PODS.put("runner", new Pod("assay", runner));
        PODS.put("runner-team-a", new Pod("team-a", runner));
        PODS.put("other-pod-same-namespace", new Pod("assay", Map.of("app", "something-else")));
        PODS.put("other-pod-team-a", new Pod("team-a", Map.of("app", "something-else")));
        PODS.put("pod-elsewhere", new Pod("elsewhere", Map.of("app", "something-else")));
    }

    private List<JsonNode> policies;

    @ParameterizedTest(name = "{0} -> {1}:{2} allowed={3}")
    @CsvSource(textBlock = """
            api,                      redis,    6379, true
            api,                      minio,    9000, true
            operator,                 redis,    6379, true
            runner,                   redis,    6379, true
            runner,                   minio,    9000, true
            runner-team-a,            redis,    6379, true
            runner-team-a,            minio,    9000, true
            other-pod-same-namespace, api,      8080, true
            other-pod-same-namespace, redis,    6379, false
            other-pod-same-namespace, minio,    9000, false
            other-pod-team-a,         redis,    6379, false
            pod-elsewhere,            api,      8080, false
            pod-elsewhere,            minio,    9000, false
            runner,                   api,      8080, false
            runner,                   operator, 8081, false
            api,                      runner,   8080, false
            api,                      redis,    6380, false
            redis,                    minio,    9000, false
            minio,                    redis,    6379, false
            """)
    void onlyTheIntendedConnectionsAreAllowed(String from, String to, int port, boolean allowed) {
        assertThat(allows(PODS.get(from), PODS.get(to), port)).isEqualTo(allowed);
    }

    private boolean allows(Pod source, Pod destination, int port) {
        return admitted(source, "Egress", "egress", "to", destination, port)
                && admitted(destination, "Ingress", "ingress", "from", source, port);
    }

    /** Whether the policies selecting {@code pod} for this direction let the connection with {@code peer} through. */
    private boolean admitted(Pod pod, String type, String rulesField, String peersField, Pod peer, int port) {
        List<JsonNode> selecting = new ArrayList<>();
        for (JsonNode policy : policies) {
            JsonNode spec = policy.path("spec");
            if (policy.path("metadata").path("namespace").asText().equals(pod.namespace())
                    && selects(spec.path("podSelector"), pod.labels())
                    && texts(spec.path("policyTypes")).contains(type)) {
                selecting.add(spec);
            }
        }
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream()
                .flatMap(spec -> stream(spec.path(rulesField)))
                .anyMatch(rule -> portMatches(rule.path("ports"), port)
                        && peerMatches(rule.path(peersField), pod.namespace(), peer));
    }

    private static boolean portMatches(JsonNode ports, int port) {
        return ports.isMissingNode()
                || ports.isEmpty()
                || stream(ports)
                        .anyMatch(p -> p.path("port").asInt() == port
                                && p.path("protocol").asText("TCP").equals("TCP"));
    }

    /** A rule's peers: none listed means every peer; a podSelector alone means the policy's own namespace. */
    private static boolean peerMatches(JsonNode peers, String policyNamespace, Pod peer) {
        if (peers.isMissingNode() || peers.isEmpty()) {
            return true;
        }
        return stream(peers).anyMatch(p -> {
            boolean namespaceOk = p.has("namespaceSelector")
                    ? selects(p.path("namespaceSelector"), Map.of("kubernetes.io/metadata.name", peer.namespace()))
                    : peer.namespace().equals(policyNamespace);
            boolean podOk = !p.has("podSelector") || selects(p.path("podSelector"), peer.labels());
            return !p.has("ipBlock") && namespaceOk && podOk;
        });
    }
}
