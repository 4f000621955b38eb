package dev.assay.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.assay.model.plan.validation.PlanValidator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The exported AssistantRun against the schema of the CRD the chart ships, without a cluster: every field must be
 * one the schema knows (the API server would prune the others silently), of its type and pattern. The -Pk8s
 * ApiServerAcceptanceTest sends the same YAML to a real API server.
 */
class ExportedRunSchemaTest {

    private static final JsonSchema CRD = crdSchema();

    @Test
    void thePlanIsOneTheValidatorAcceptsOnTitanic() {
        assertThat(PlanValidator.check(ExportedRun.PLAN, SamplesTest.TITANIC)).isEmpty();
    }

    @Test
    void theExportAndTheExecutorsResourceFitTheShippedCrd() throws Exception {
        for (String yaml : List.of(ExportedRun.exported(), ExportedRun.created("team-a"))) {
            JsonNode manifest = AssayChart.YAML.readTree(yaml);
            assertThat(manifest.path("apiVersion").asText()).isEqualTo("assay.dev/v1alpha1");
            assertThat(manifest.path("kind").asText()).isEqualTo("AssistantRun");
            assertThat(CRD.validate(manifest)).as(yaml).isEmpty();
        }
    }

    @Test
    void theSchemaCheckRefusesWhatTheApiServerWouldRefuseOrPrune() throws Exception {
        ObjectNode manifest = (ObjectNode) AssayChart.YAML.readTree(ExportedRun.exported());
        ObjectNode spec = (ObjectNode) manifest.path("spec");
        spec.put("datasetRef", "Titanic CSV");
        spec.put("priority", "high");
        ((ObjectNode) spec.path("plan").path("actions").get(0)).put("type", "run_shell");

        Set<ValidationMessage> problems = CRD.validate(manifest);

        assertThat(problems)
                .extracting(ValidationMessage::getInstanceLocation)
                .extracting(Object::toString)
                .contains("$.spec.datasetRef", "$.spec.plan.actions[0].type");
        assertThat(problems).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("priority"));
    }

    /**
     * The served version's openAPIV3Schema as a JSON Schema: objects with properties are closed (the API server prunes
     * unknown fields) unless they keep unknown fields, and the root also has the fields every object has.
     */
    private static JsonSchema crdSchema() {
        JsonNode crd = AssayChart.parseAll(
                        AssayChart.read(AssayChart.chartDir().resolve("crds/assistantruns.assay.dev-v1.yml")))
                .getFirst();
        ObjectNode schema = (ObjectNode) crd.path("spec")
                .path("versions")
                .get(0)
                .path("schema")
                .path("openAPIV3Schema")
                .deepCopy();
        ObjectNode properties = (ObjectNode) schema.path("properties");
        properties.set("apiVersion", JsonNodeFactory.instance.objectNode().put("type", "string"));
        properties.set("kind", JsonNodeFactory.instance.objectNode().put("type", "string"));
        properties.set("metadata", JsonNodeFactory.instance.objectNode().put("type", "object"));
        close(schema);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
    }

    private static void close(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean()
                    && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                close(it.next().getValue());
            }
        } else if (node.isArray()) {
            node.forEach(ExportedRunSchemaTest::close);
        }
    }
}
