package dev.assay.runner.actions;

import static dev.assay.runner.testing.Datasets.run;
import static dev.assay.runner.testing.Datasets.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.runner.apply.PlanRunner;
import dev.assay.runner.testing.Datasets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class ScaleActionTest {

    @Test
    void standardScoresHaveMeanZeroAndStandardDeviationOneAndTheTargetIsLeftAlone() {
        Table mpg = Datasets.read("mpg.csv");

        PlanRunner.Outcome outcome = run(mpg, """
                {"explanation": "t", "actions": [
                  {"type": "scale", "params": {"columns": [], "method": "standard"}},
                  {"type": "train_model", "params": {"target": "mpg", "model": "linear_regression"}}]}""");

        @SuppressWarnings("unchecked")
        List<String> scaled = (List<String>) outcome.steps().getFirst().params().get("columns");
        assertThat(scaled)
                .containsExactly("cylinders", "displacement", "horsepower", "weight", "acceleration", "model_year");
        for (String name : scaled) {
            DoubleColumn column = outcome.table().doubleColumn(name);
            DoubleColumn present = column.removeMissing();
            assertThat(present.mean()).isCloseTo(0.0, within(1e-9));
            assertThat(present.populationVariance()).isCloseTo(1.0, within(1e-9));
            assertThat(column.countMissing()).isEqualTo(mpg.column(name).countMissing());
        }
        assertThat(outcome.table().doubleColumn("mpg").asList())
                .isEqualTo(mpg.doubleColumn("mpg").asList());
    }

    @Test
    void minMaxMapsOntoZeroToOne() {
        Table tips = Datasets.read("tips.csv");

        PlanRunner.Outcome outcome = run(tips, step("scale", """
                {"columns": ["total_bill", "size"], "method": "minmax"}"""));

        for (String name : List.of("total_bill", "size")) {
            assertThat(outcome.table().doubleColumn(name).min()).isEqualTo(0.0);
            assertThat(outcome.table().doubleColumn(name).max()).isEqualTo(1.0);
        }
        assertThat(outcome.steps().getFirst().cellsChanged()).isEqualTo(2L * tips.rowCount());
    }

    @Test
    void aConstantColumnOrASingleRowBecomesZeroWithAWarning() {
        Table table = Datasets.fromText("one", "x,y\n5,7\n");

        PlanRunner.Outcome outcome = run(table, step("scale", """
                {"columns": ["x"]}"""));

        assertThat(outcome.table().doubleColumn("x").get(0)).isEqualTo(0.0);
        assertThat(outcome.steps().getFirst().warnings())
                .singleElement()
                .asString()
                .contains("'x' has a single value");
    }
}
