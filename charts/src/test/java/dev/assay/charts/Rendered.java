package dev.assay.charts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** The objects of one rendering, with the look-ups the tests need. */
record Rendered(String text, List<JsonNode> objects) {

    static Rendered parse(String text) {
        return new Rendered(text, AssayChart.parseAll(text));
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText()))
                .toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return find(kind, AssayChart.NAMESPACE, name);
    }

    Optional<JsonNode> find(String kind, String namespace, String name) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText()))
                .filter(o -> name.equals(o.path("metadata").path("name").asText()))
                .filter(o -> !o.path("metadata").has("namespace")
                        || namespace.equals(o.path("metadata").path("namespace").asText()))
                .findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in:\n" + names()));
    }

    JsonNode get(String kind, String namespace, String name) {
        return find(kind, namespace, name)
                .orElseThrow(
                        () -> new AssertionError("no " + kind + " " + namespace + "/" + name + " in:\n" + names()));
    }

    List<String> names() {
        return objects.stream()
                .map(o -> o.path("kind").asText() + " "
                        + o.path("metadata").path("namespace").asText() + "/"
                        + o.path("metadata").path("name").asText())
                .toList();
    }

    /** Pod templates of every workload, by "Kind/name". */
    Map<String, JsonNode> podTemplates() {
        Map<String, JsonNode> pods = new LinkedHashMap<>();
        for (JsonNode o : objects) {
            String id = o.path("kind").asText() + "/"
                    + o.path("metadata").path("name").asText();
            switch (o.path("kind").asText()) {
                case "Deployment", "StatefulSet", "DaemonSet", "Job" ->
                    pods.put(id, o.path("spec").path("template"));
                case "Pod" -> pods.put(id, o);
                default -> {}
            }
        }
        return pods;
    }

    static JsonNode container(JsonNode podTemplate, String name) {
        return stream(podTemplate.path("spec").path("containers"))
                .filter(c -> name.equals(c.path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name));
    }

    /** The value of a plain env var of a container, or empty when it is not set (or set from a reference). */
    static Optional<String> env(JsonNode container, String name) {
        return stream(container.path("env"))
                .filter(e -> name.equals(e.path("name").asText()) && e.has("value"))
                .map(e -> e.path("value").asText())
                .findFirst();
    }

    static Optional<JsonNode> envEntry(JsonNode container, String name) {
        return stream(container.path("env"))
                .filter(e -> name.equals(e.path("name").asText()))
                .findFirst();
    }

    static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Labels of a pod template as a map. */
    static Map<String, String> labels(JsonNode podTemplate) {
        Map<String, String> labels = new LinkedHashMap<>();
        podTemplate
                .path("metadata")
                .path("labels")
                .properties()
                .forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    /** Whether a Kubernetes label selector (matchLabels and matchExpressions In/NotIn/Exists) selects these labels. */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        for (var entry : selector.path("matchLabels").properties()) {
            if (!entry.getValue().asText().equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.get(expression.path("key").asText());
            List<String> values = texts(expression.path("values"));
            boolean ok = switch (expression.path("operator").asText()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("unknown operator in " + expression);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
