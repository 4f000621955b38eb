package dev.assay.runner.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.json.Json;
import dev.assay.model.plan.validation.PlanReader;
import dev.assay.model.plan.validation.PlanValidationException;
import dev.assay.runner.core.ApplyOutcome;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.InputException;
import dev.assay.runner.profile.ProfilePipeline;
import dev.assay.runner.testing.Datasets;
import dev.assay.runner.training.FittedModel;
import dev.assay.runner.training.ModelFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class ApplyPipelineTest {

    @TempDir
    Path out;

    private final ApplyPipeline pipeline =
            new ApplyPipeline(EngineConfig.defaults(), new ProfilePipeline(EngineConfig.defaults()));

    @Test
    void theSeedPlanWritesEveryFileOfARun() throws IOException {
        ApplyOutcome outcome = pipeline.run(
                Datasets.DIR.resolve("titanic.csv"), PlanReader.read(Datasets.TITANIC_SEED_PLAN), out, (p, s) -> {});

        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                    .containsExactly(
                            "cleaned.csv",
                            "metrics.json",
                            "model.bin",
                            "plan.json",
                            "profile.json",
                            "report.html",
                            "result.json");
        }
        assertThat(outcome.result().artifacts())
                .containsExactlyInAnyOrder(
                        "cleaned.csv",
                        "metrics.json",
                        "model.bin",
                        "plan.json",
                        "profile.json",
                        "report.html",
                        "result.json");

        Table cleaned = Datasets.csv(out.resolve("cleaned.csv"));
        assertThat(cleaned.rowCount()).isEqualTo(891);
        assertThat(cleaned.columnNames()).contains("Sex_male", "Embarked_Q").doesNotContain("Sex");
        assertThat(cleaned.column("Age").countMissing()).isZero();

        JsonNode result = Json.mapper().readTree(out.resolve("result.json").toFile());
        assertThat(result.at("/steps/0/type").asText()).isEqualTo("impute");
        assertThat(result.at("/steps/0/missing_after").asLong()).isZero();
        assertThat(result.at("/model/algorithm").asText()).isEqualTo("random_forest");
        assertThat(result.at("/comparison/before/missing_cells").asLong()).isEqualTo(866);
        assertThat(result.at("/comparison/after/missing_cells").asLong()).isZero();
        // Filling hides the missing-value alerts; it does not clear them: the cells were invented, not found.
        assertThat(result.at("/comparison/alerts_cleared").toString())
                .doesNotContain("Age")
                .doesNotContain("Embarked");
        assertThat(result.at("/comparison/alerts_hidden").toString())
                .contains(
                        "\"column\":\"Age\"",
                        "\"cells_invented\":177",
                        "\"column\":\"Embarked\"",
                        "\"cells_invented\":2");
        assertThat(result.at("/steps/0/cells_changed_by_column/Age").asLong()).isEqualTo(177);
        assertThat(result.at("/steps/0/cells_changed_by_column/Cabin").asLong()).isEqualTo(687);
        assertThat(result.at("/warnings").toString())
                .contains("fills_sparse_column")
                .doesNotContain("Survived");
        // Each warning carries what a custom resource's status copies: the step, the column, the number, a better way.
        JsonNode cabin = result.at("/warnings/0");
        assertThat(cabin.path("action_index").asInt()).isZero();
        assertThat(cabin.path("action").asText()).isEqualTo("impute");
        assertThat(cabin.path("column").asText()).isEqualTo("Cabin");
        assertThat(cabin.path("number").asDouble()).isEqualTo(687);
        assertThat(cabin.path("alternative").asText())
                .contains("Drop columns", "turn on Add indicator")
                .doesNotContain("drop_columns", "add_indicator");
        assertThat(Files.readString(out.resolve("report.html")))
                .contains("hidden by filling (177 cells invented)")
                .contains("Warnings about the plan")
                .contains("Step 1 (Fill missing) · Cabin</strong>");
        assertThat(outcome.profile().table().missingCells()).isZero();

        JsonNode metrics = Json.mapper().readTree(out.resolve("metrics.json").toFile());
        assertThat(metrics.at("/cross_validation/accuracy/mean").asDouble())
                .isEqualTo(outcome.result()
                        .model()
                        .orElseThrow()
                        .crossValidation()
                        .get("accuracy")
                        .mean());
        assertThat(Json.mapper()
                        .readTree(out.resolve("plan.json").toFile())
                        .at("/actions/2/type")
                        .asText())
                .isEqualTo("train_model");

        FittedModel model = ModelFile.read(out.resolve("model.bin"));
        assertThat(model.predict(cleaned).size()).isEqualTo(891);
        String report = Files.readString(out.resolve("report.html"));
        assertThat(report)
                .contains("Model card")
                .contains("What the plan did")
                .contains("Sex_male")
                .contains("<svg class=\"importances\"");
        try (var files = Files.list(out)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith(".writing")))
                    .isEmpty();
        }
    }

    @Test
    void anInvalidPlanWritesNothingAndListsEveryProblem() throws IOException {
        var plan = PlanReader.read("""
                {"explanation": "bad", "actions": [
                  {"type": "scale", "params": {"columns": ["Name"]}},
                  {"type": "train_model", "params": {"target": "Survival"}}]}""");

        assertThatThrownBy(
                        () -> pipeline.run(Datasets.DIR.resolve("titanic.csv"), plan, out.resolve("run"), (p, s) -> {}))
                .isInstanceOfSatisfying(
                        PlanValidationException.class,
                        e -> assertThat(e.errors()).hasSize(2))
                .hasMessageContaining("actions[0] (scale) columns: column 'Name' is string; scale needs numbers")
                .hasMessageContaining(
                        "actions[1] (train_model) target: column 'Survival' does not exist (did you mean 'Survived'?)");
        assertThat(out.resolve("run")).doesNotExist();
    }

    @Test
    void aStepThatFailsOnTheDataLeavesAnEarlierRunsFilesAsTheyWere() throws IOException {
        Path csv = Files.writeString(out.resolve("flags.csv"), "ok,n\ntrue,1\n,2\nfalse,3\n");
        Path run = out.resolve("run");
        Files.createDirectories(run);
        Files.writeString(run.resolve("report.html"), "the previous run");
        var plan = PlanReader.read("""
                {"explanation": "x", "actions": [
                  {"type": "impute", "params": {"strategy": "constant", "columns": ["ok"], "value": "maybe"}}]}""");

        assertThatThrownBy(() -> pipeline.run(csv, plan, run, (p, s) -> {})).isInstanceOf(InputException.class);
        try (var files = Files.list(run)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly("report.html");
        }
        assertThat(Files.readString(run.resolve("report.html"))).isEqualTo("the previous run");
    }
}
