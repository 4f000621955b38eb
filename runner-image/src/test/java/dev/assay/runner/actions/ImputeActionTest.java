package dev.assay.runner.actions;

import static dev.assay.runner.testing.Datasets.run;
import static dev.assay.runner.testing.Datasets.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.result.StepLog;
import dev.assay.runner.apply.PlanRunner;
import dev.assay.runner.table.TableSchema;
import dev.assay.runner.testing.Datasets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ImputeActionTest {

    @Test
    void medianOfEveryColumnFillsNumbersWithTheMedianAndTextWithTheMostFrequentValue() {
        Table titanic = Datasets.read("titanic.csv");
        double[] ages = titanic.doubleColumn("Age").removeMissing().asDoubleArray();
        Arrays.sort(ages);
        double median = (ages[ages.length / 2 - 1] + ages[ages.length / 2]) / 2; // 714 values: an even count
        String commonestPort =
                mostFrequent(titanic.stringColumn("Embarked").removeMissing().asList());
        int missingAges = titanic.doubleColumn("Age").countMissing();

        PlanRunner.Outcome outcome = run(titanic, step("impute", """
                {"strategy": "median", "columns": []}"""));

        Table result = outcome.table();
        assertThat(result.doubleColumn("Age").countMissing()).isZero();
        assertThat(result.doubleColumn("Age").isEqualTo(median).size())
                .isEqualTo(missingAges
                        + (int) Arrays.stream(ages).filter(a -> a == median).count());
        assertThat(result.stringColumn("Embarked").countMissing()).isZero();
        assertThat(result.stringColumn("Embarked").isEqualTo(commonestPort).size())
                .isEqualTo(titanic.stringColumn("Embarked")
                                .isEqualTo(commonestPort)
                                .size()
                        + 2);

        StepLog log = outcome.steps().getFirst();
        assertThat(log.params().get("columns")).isEqualTo(List.of("Age", "Cabin", "Embarked"));
        assertThat(log.params().get("filled_with"))
                .isEqualTo(Map.of(
                        "Age",
                        median,
                        "Cabin",
                        mostFrequent(
                                titanic.stringColumn("Cabin").removeMissing().asList()),
                        "Embarked",
                        commonestPort));
        assertThat(log.missingBefore()).isEqualTo(TableSchema.missingCells(titanic));
        assertThat(log.missingAfter()).isZero();
        assertThat(log.cellsChanged()).isEqualTo(log.missingBefore());
        assertThat(log.rowsAfter()).isEqualTo(891);
    }

    @Test
    void integerColumnsStayWholeNumbersAndTheRoundingIsReported() {
        Table table = Datasets.fromText("counts", "children,city\n1,a\n2,b\n,c\n2,d\n4,e\n");

        PlanRunner.Outcome outcome = run(table, step("impute", """
                {"strategy": "mean", "columns": ["children"]}"""));

        IntColumn children = outcome.table().intColumn("children");
        assertThat(children.get(2)).isEqualTo(2); // mean 2.25
        assertThat(outcome.steps().getFirst().warnings())
                .singleElement()
                .asString()
                .contains("children")
                .contains("2.25")
                .contains("rounded to 2");
    }

    @Test
    void aColumnWithoutAnyValueIsLeftAsItIsWithAWarning() {
        Table table = Datasets.fromText("gaps", "x,empty\n1,\n2,\n,\n");

        PlanRunner.Outcome outcome = run(table, step("impute", """
                {"strategy": "median", "columns": []}"""));

        assertThat(outcome.table().column("empty").countMissing()).isEqualTo(3);
        assertThat(outcome.table().column("x").countMissing()).isZero();
        assertThat(outcome.steps().getFirst().warnings())
                .anySatisfy(w -> assertThat(w).contains("'empty' has no values"));
    }

    @Test
    void aConstantIsStoredAsTheColumnsType() {
        Table table = Datasets.fromText("c", "Âge,名前\n3.5,李\n,\n");

        PlanRunner.Outcome numbers = run(table, step("impute", """
                {"strategy": "constant", "columns": ["Âge"], "value": "-1"}"""));
        assertThat(((DoubleColumn) numbers.table().column("Âge")).get(1)).isEqualTo(-1.0);

        PlanRunner.Outcome text = run(table, step("impute", """
                {"strategy": "constant", "columns": ["名前"], "value": "不明"}"""));
        assertThat(((StringColumn) text.table().column("名前")).get(1)).isEqualTo("不明");
        assertThat(text.steps().getFirst().cellsChanged()).isEqualTo(1);
    }

    @Test
    void modeWorksOnASingleRow() {
        Table table = Datasets.fromText("one", "a,b\nx,\n");

        PlanRunner.Outcome outcome = run(table, step("impute", """
                {"strategy": "mode", "columns": ["a"]}"""));

        assertThat(outcome.table().rowCount()).isEqualTo(1);
        assertThat(outcome.steps().getFirst().cellsChanged()).isZero();
    }

    private static String mostFrequent(List<String> values) {
        Map<String, Long> counts =
                values.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        return counts.entrySet().stream()
                .filter(e -> e.getValue() == max)
                .map(Map.Entry::getKey)
                .sorted()
                .findFirst()
                .orElseThrow();
    }
}
