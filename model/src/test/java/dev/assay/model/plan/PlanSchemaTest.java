package dev.assay.model.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.assay.model.json.Json;
import dev.assay.model.plan.params.ActionType;
import dev.assay.model.plan.schema.PlanSchema;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PlanSchemaTest {

    private final JsonSchema schema =
            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(PlanSchema.plan());

    @Test
    void everyWhitelistedActionIsInTheSchemaAndNothingElse() {
        JsonNode enumeration = PlanSchema.plan().at("/$defs/ActionType/enum");
        assertThat(enumeration)
                .extracting(JsonNode::asText)
                .containsExactlyElementsOf(Arrays.stream(ActionType.values())
                        .map(ActionType::wireName)
                        .toList());
    }

    @Test
    void seedPlanMatchesTheSchema() throws Exception {
        JsonNode plan = Json.mapper().readTree("""
                {"explanation": "Impute, encode, train.", "actions": [
                  {"type": "impute", "params": {"strategy": "median", "columns": []}},
                  {"type": "encode", "params": {"columns": ["Sex"], "method": "onehot"}},
                  {"type": "train_model", "params": {"task": "classification", "target": "Survived", "model": "random_forest"}}]}""");
        assertThat(schema.validate(plan)).isEmpty();
    }

    @Test
    void schemaRefusesUnknownActionsExtraFieldsAndSnakeCaseViolations() throws Exception {
        assertThat(schema.validate(Json.mapper().readTree("""
                {"explanation": "x", "actions": [{"type": "shell", "params": {"cmd": "rm -rf /"}}]}"""))).isNotEmpty();
        assertThat(schema.validate(Json.mapper().readTree("""
                {"explanation": "x", "actions": [{"type": "train_model", "params": {"target": "y", "cvFolds": 3}}]}"""))).isNotEmpty();
        assertThat(schema.validate(Json.mapper().readTree("""
                {"explanation": "x", "actions": [{"type": "train_model", "params": {"target": "y", "cv_folds": 3}}]}"""))).isEmpty();
    }
}
