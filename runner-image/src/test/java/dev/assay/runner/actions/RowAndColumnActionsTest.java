package dev.assay.runner.actions;

import static dev.assay.runner.testing.Datasets.run;
import static dev.assay.runner.testing.Datasets.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.result.StepLog;
import dev.assay.runner.apply.PlanRunner;
import dev.assay.runner.table.Columns;
import dev.assay.runner.testing.Datasets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** drop_columns, drop_duplicates, drop_missing_rows and rename_columns: the actions that reshape a table. */
class RowAndColumnActionsTest {

    @Test
    void dropColumnsRemovesThemAndSaysWhich() {
        Table titanic = Datasets.read("titanic.csv");

        PlanRunner.Outcome outcome = run(titanic, step("drop_columns", """
                {"columns": ["Cabin", "Ticket"]}"""));

        StepLog log = outcome.steps().getFirst();
        assertThat(outcome.table().columnNames())
                .doesNotContain("Cabin", "Ticket")
                .hasSize(10);
        assertThat(log.columnsRemoved()).containsExactly("Ticket", "Cabin");
        assertThat(log.missingAfter()).isEqualTo(log.missingBefore() - 687);
        assertThat(log.columnsBefore()).isEqualTo(12);
        assertThat(log.columnsAfter()).isEqualTo(10);
    }

    @Test
    void dropDuplicatesKeepsTheFirstRowOfEachCombination() {
        Table titanic = Datasets.read("titanic.csv");
        Set<String> seen = new HashSet<>();
        List<Integer> firsts = new java.util.ArrayList<>();
        for (int row = 0; row < titanic.rowCount(); row++) {
            if (seen.add(titanic.stringColumn("Sex").get(row) + "/"
                    + titanic.intColumn("Pclass").get(row))) {
                firsts.add(titanic.intColumn("PassengerId").get(row));
            }
        }

        PlanRunner.Outcome outcome = run(titanic, step("drop_duplicates", """
                {"columns": ["Sex", "Pclass"]}"""));

        Table result = outcome.table();
        assertThat(result.rowCount()).isEqualTo(6);
        assertThat(result.intColumn("PassengerId").asList()).isEqualTo(firsts);
        assertThat(outcome.steps().getFirst().params().get("rows_dropped")).isEqualTo(885);
        assertThat(outcome.steps().getFirst().cellsChanged()).isZero();
    }

    @Test
    void dropDuplicatesOnEveryColumnTellsMissingFromEmpty() {
        Table table = Datasets.fromText("d", "a,b\n1,x\n1,x\n1,\n1,\n2,x\n");

        PlanRunner.Outcome outcome = run(table, step("drop_duplicates", "{}"));

        assertThat(outcome.table().rowCount()).isEqualTo(3);
        assertThat(outcome.steps().getFirst().rowsBefore()).isEqualTo(5);
        assertThat(outcome.steps().getFirst().rowsAfter()).isEqualTo(3);
    }

    @Test
    void dropMissingRowsInAnyOrInTheGivenColumns() {
        Table titanic = Datasets.read("titanic.csv");
        int complete = 0;
        int withAge = 0;
        for (int row = 0; row < titanic.rowCount(); row++) {
            boolean age = !titanic.column("Age").isMissing(row);
            withAge += age ? 1 : 0;
            complete += age
                            && !titanic.column("Cabin").isMissing(row)
                            && !titanic.column("Embarked").isMissing(row)
                    ? 1
                    : 0;
        }

        PlanRunner.Outcome any = run(titanic, step("drop_missing_rows", "{}"));
        assertThat(any.table().rowCount()).isEqualTo(complete);
        assertThat(any.steps().getFirst().missingAfter()).isZero();
        assertThat(any.steps().getFirst().warnings()).singleElement().asString().contains("rows were dropped");

        PlanRunner.Outcome age = run(titanic, step("drop_missing_rows", """
                {"columns": ["Age"]}"""));
        assertThat(age.table().rowCount()).isEqualTo(withAge);
        assertThat(age.table().column("Cabin").countMissing()).isPositive();
    }

    @Test
    void droppingEveryRowIsReportedPlainly() {
        Table table = Datasets.fromText("all", "a,b\n1,\n2,\n");

        PlanRunner.Outcome outcome = run(table, step("drop_missing_rows", "{}"));

        assertThat(outcome.table().rowCount()).isZero();
        assertThat(outcome.steps().getFirst().warnings())
                .singleElement()
                .asString()
                .contains("no row is left");
    }

    @Test
    void renamesApplyAtOnceSoTwoNamesCanSwapAndNoCellChanges() {
        Table titanic = Datasets.read("titanic.csv");

        PlanRunner.Outcome outcome = run(titanic, """
                {"explanation": "t", "actions": [
                  {"type": "rename_columns", "params": {"renames": [{"from": "SibSp", "to": "Parch"}, {"from": "Parch", "to": "SibSp"},
                                                                    {"from": "Pclass", "to": "клас"}]}},
                  {"type": "scale", "params": {"columns": ["клас"], "method": "minmax"}}]}""");

        Table result = outcome.table();
        assertThat(result.intColumn("Parch").asList())
                .isEqualTo(titanic.intColumn("SibSp").asList());
        assertThat(result.intColumn("SibSp").asList())
                .isEqualTo(titanic.intColumn("Parch").asList());
        assertThat(result.columnNames().indexOf("Parch"))
                .isEqualTo(titanic.columnNames().indexOf("SibSp"));
        StepLog rename = outcome.steps().getFirst();
        assertThat(rename.columnsAdded()).isEmpty();
        assertThat(rename.columnsRemoved()).isEmpty();
        assertThat(rename.cellsChanged()).isZero();
        assertThat(result.doubleColumn("клас").max()).isEqualTo(1.0);
        assertThat(titanic.columnNames()).contains("SibSp", "Pclass"); // the input table is not changed
    }

    @Test
    void clipOutliersAtTheIqrFencesKeepsIntegersWhole() {
        Table titanic = Datasets.read("titanic.csv");
        double[] fares = titanic.doubleColumn("Fare").asDoubleArray().clone();
        java.util.Arrays.sort(fares);
        double q1 = Columns.quantile(fares, 0.25);
        double q3 = Columns.quantile(fares, 0.75);
        double upper = q3 + 1.5 * (q3 - q1);
        int above = titanic.doubleColumn("Fare").isGreaterThan(upper).size();

        PlanRunner.Outcome outcome = run(titanic, step("clip_outliers", """
                {"columns": ["Fare", "SibSp"], "method": "iqr"}"""));

        assertThat(outcome.table().doubleColumn("Fare").max()).isEqualTo(upper);
        assertThat(outcome.table().column("SibSp")).isInstanceOf(tech.tablesaw.api.IntColumn.class);
        @SuppressWarnings("unchecked")
        var limits = (java.util.Map<String, java.util.Map<String, Object>>)
                outcome.steps().getFirst().params().get("limits");
        assertThat(limits.get("Fare").get("clipped_above")).isEqualTo((long) above);
        long sibspClipped = (long) limits.get("SibSp").get("clipped_above");
        assertThat(outcome.steps().getFirst().cellsChanged()).isEqualTo(above + sibspClipped);
    }

    @Test
    void clipOutliersAtPercentiles() {
        Table diamonds = Datasets.read("diamonds.csv");

        PlanRunner.Outcome outcome = run(diamonds, step("clip_outliers", """
                {"columns": ["price"], "method": "percentile", "lower": 0.05, "upper": 0.95}"""));

        Set<Integer> prices = new HashSet<>(outcome.table().intColumn("price").asList());
        int low = (int) outcome.table().intColumn("price").min();
        assertThat(outcome.table().intColumn("price").isEqualTo(low).size())
                .isGreaterThanOrEqualTo(53940 * 5 / 100 - 10);
        assertThat(prices.size()).isLessThan(diamonds.intColumn("price").countUnique());
    }
}
