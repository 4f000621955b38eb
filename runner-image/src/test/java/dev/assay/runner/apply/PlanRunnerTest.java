package dev.assay.runner.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.dataset.DatasetSchema;
import dev.assay.model.plan.validation.PlanReader;
import dev.assay.model.plan.validation.PlanValidator;
import dev.assay.model.plan.validation.ValidatedPlan;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.InputException;
import dev.assay.runner.table.TableSchema;
import dev.assay.runner.testing.Datasets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tech.tablesaw.api.Table;

class PlanRunnerTest {

    /** Every action that resolves "every column" by itself, one after the other. */
    private static final String EVERYTHING = """
            {"explanation": "all of it", "actions": [
              {"type": "impute", "params": {"strategy": "median", "columns": []}},
              {"type": "clip_outliers", "params": {"columns": []}},
              {"type": "encode", "params": {"columns": [], "method": "onehot"}},
              {"type": "scale", "params": {"columns": [], "method": "minmax"}},
              {"type": "drop_duplicates", "params": {"columns": []}},
              {"type": "drop_missing_rows", "params": {"columns": []}},
              {"type": "train_model", "params": {"target": "%s", "model": "decision_tree"}}]}""";

    @ParameterizedTest
    @CsvSource({"tips.csv, tip", "penguins.csv, species", "diamonds.csv, price"})
    void theColumnsAPlanProducesAreTheColumnsValidationProjected(String file, String target) {
        Table table = Datasets.read(file);
        DatasetSchema schema = TableSchema.of(table);
        ValidatedPlan plan = PlanValidator.validate(PlanReader.read(EVERYTHING.formatted(target)), schema);

        PlanRunner.Outcome outcome =
                new PlanRunner(EngineConfig.defaults()).run(table, plan, schema, (percent, stage) -> {});

        assertThat(plan.expected().derivedPrefixes()).isEmpty();
        assertThat(outcome.table().columnNames()).isEqualTo(plan.expected().names());
        assertThat(outcome.steps()).hasSize(7);
        assertThat(outcome.model()).isPresent();
        for (int i = 1; i < outcome.steps().size(); i++) {
            assertThat(outcome.steps().get(i).rowsBefore())
                    .isEqualTo(outcome.steps().get(i - 1).rowsAfter());
            assertThat(outcome.steps().get(i).columnsBefore())
                    .isEqualTo(outcome.steps().get(i - 1).columnsAfter());
        }
    }

    @Test
    void progressOnlyGoesForwardAndTrainingTakesMostOfIt() {
        Table table = Datasets.read("penguins.csv");
        DatasetSchema schema = TableSchema.of(table);
        ValidatedPlan plan = PlanValidator.validate(PlanReader.read(EVERYTHING.formatted("species")), schema);
        List<Integer> percents = new ArrayList<>();
        List<String> stages = new ArrayList<>();

        new PlanRunner(EngineConfig.defaults()).run(table, plan, schema, (percent, stage) -> {
            percents.add(percent);
            stages.add(stage);
        });

        assertThat(percents).isSorted().last().isEqualTo(100);
        assertThat(stages)
                .contains("impute (step 1 of 7)")
                .anySatisfy(s -> assertThat(s).startsWith("training decision_tree (fold"));
        int trainingStarts = percents.get(stages.indexOf("train_model (step 7 of 7)"));
        assertThat(trainingStarts).isLessThan(50);
    }

    @Test
    void aValueTheDataCannotTakeStopsTheRunNamingTheStepAndTheColumn() {
        Table table = Datasets.fromText("flags", "ok,n\ntrue,1\n,2\nfalse,3\n");
        DatasetSchema schema = TableSchema.of(table);
        ValidatedPlan plan = PlanValidator.validate(PlanReader.read("""
                {"explanation": "x", "actions": [
                  {"type": "drop_duplicates", "params": {}},
                  {"type": "impute", "params": {"strategy": "constant", "columns": ["ok"], "value": "maybe"}}]}"""), schema);

        assertThatThrownBy(() -> new PlanRunner(EngineConfig.defaults()).run(table, plan, schema, (p, s) -> {}))
                .isInstanceOf(InputException.class)
                .hasMessage("actions[1], column 'ok': the constant 'maybe' cannot be stored in a boolean column");
    }
}
