package dev.assay.runner.actions;

import static dev.assay.runner.testing.Datasets.run;
import static dev.assay.runner.testing.Datasets.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.plan.validation.PlanReader;
import dev.assay.model.plan.validation.PlanValidator;
import dev.assay.model.result.StepLog;
import dev.assay.runner.apply.PlanRunner;
import dev.assay.runner.table.TableSchema;
import dev.assay.runner.testing.Datasets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class EncodeActionTest {

    @Test
    void oneHotMakesTheColumnsValidationProjectedWithOneHotPerRow() {
        Table titanic = Datasets.read("titanic.csv");
        String plan = step("encode", """
                {"columns": ["Sex", "Embarked"], "method": "onehot"}""");
        List<String> projected = PlanValidator.validate(PlanReader.read(plan), TableSchema.of(titanic))
                .expected()
                .names();

        PlanRunner.Outcome outcome = run(titanic, plan);

        Table result = outcome.table();
        assertThat(result.columnNames()).isEqualTo(projected);
        for (int row = 0; row < 891; row++) {
            assertThat(result.intColumn("Sex_male").get(row))
                    .isEqualTo(titanic.stringColumn("Sex").get(row).equals("male") ? 1 : 0);
            assertThat(result.intColumn("Sex_male").get(row)
                            + result.intColumn("Sex_female").get(row))
                    .isEqualTo(1);
        }
        StepLog log = outcome.steps().getFirst();
        assertThat(log.columnsRemoved()).containsExactly("Sex", "Embarked");
        assertThat(log.columnsAdded())
                .containsExactly("Sex_male", "Sex_female", "Embarked_S", "Embarked_C", "Embarked_Q");
        assertThat(log.cellsChanged()).isZero();
        assertThat(log.warnings())
                .singleElement()
                .asString()
                .isEqualTo(
                        "2 rows have no value in 'Embarked': all Embarked_* columns are 0 there (impute first to give them a category)");
    }

    @Test
    void rareCategoriesBeyondTheCapAreFoldedIntoOtherAndCounted() {
        Table titanic = Datasets.read("titanic.csv");

        PlanRunner.Outcome outcome = run(titanic, step("encode", """
                {"columns": ["Ticket"], "method": "onehot", "max_categories": 5}"""));

        Table result = outcome.table();
        List<String> added = outcome.steps().getFirst().columnsAdded();
        assertThat(added).hasSize(6).endsWith("Ticket_other");
        int folded = result.intColumn("Ticket_other").isEqualTo(1).size();
        int kept = 0;
        for (String name : added.subList(0, 5)) {
            kept += result.intColumn(name).isEqualTo(1).size();
        }
        assertThat(kept + folded).isEqualTo(891);
        assertThat(outcome.steps().getFirst().warnings())
                .singleElement()
                .asString()
                .startsWith((titanic.stringColumn("Ticket").countUnique() - 5) + " rarer categories of 'Ticket' ("
                        + folded + " rows")
                .contains("Ticket_other");
    }

    @Test
    void labelCodesFollowTheSortedCategories() {
        Table penguins = Datasets.read("penguins.csv");

        PlanRunner.Outcome outcome = run(penguins, step("encode", """
                {"columns": ["island"], "method": "label"}"""));

        IntColumn island = outcome.table().intColumn("island");
        assertThat(outcome.steps().getFirst().params().get("codes"))
                .isEqualTo(Map.of("island", Map.of("Biscoe", 0, "Dream", 1, "Torgersen", 2)));
        assertThat(island.get(0)).isEqualTo(2); // Torgersen
        assertThat(outcome.table().columnNames()).isEqualTo(penguins.columnNames());
    }

    @Test
    void everyCategoricalColumnLeavesTheModelsTargetAlone() {
        Table penguins = Datasets.read("penguins.csv");

        PlanRunner.Outcome outcome = run(penguins, """
                {"explanation": "t", "actions": [
                  {"type": "encode", "params": {"columns": []}},
                  {"type": "train_model", "params": {"target": "species", "model": "decision_tree"}}]}""");

        assertThat(outcome.steps().getFirst().params().get("columns")).isEqualTo(List.of("island", "sex"));
        assertThat(outcome.table().columnNames())
                .contains("species", "island_Biscoe", "sex_MALE")
                .doesNotContain("island");
    }

    @Test
    void unicodeCategoriesAndASingleRowEncode() {
        Table table = Datasets.fromText("u", "ville,n\nZürich,1\n");

        PlanRunner.Outcome outcome = run(table, step("encode", """
                {"columns": ["ville"]}"""));

        assertThat(outcome.table().columnNames()).containsExactly("n", "ville_Zürich");
        assertThat(outcome.table().intColumn("ville_Zürich").get(0)).isEqualTo(1);
    }
}
