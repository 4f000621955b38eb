package dev.assay.runner.actions;

import static dev.assay.runner.testing.Datasets.run;
import static dev.assay.runner.testing.Datasets.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.runner.apply.PlanRunner;
import dev.assay.runner.testing.Datasets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class FeatureEngineerActionTest {

    @Test
    void addingTwoColumnsNamesTheResultAfterBoth() {
        Table titanic = Datasets.read("titanic.csv");

        PlanRunner.Outcome outcome = run(titanic, step("feature_engineer", """
                {"operation": "add", "columns": ["SibSp", "Parch"]}"""));

        DoubleColumn family = outcome.table().doubleColumn("SibSp_plus_Parch");
        for (int row = 0; row < 891; row++) {
            assertThat(family.get(row))
                    .isEqualTo(titanic.intColumn("SibSp").get(row)
                            + titanic.intColumn("Parch").get(row));
        }
        assertThat(outcome.steps().getFirst().columnsAdded()).containsExactly("SibSp_plus_Parch");
        assertThat(outcome.steps().getFirst().cellsChanged()).isZero();
    }

    @Test
    void dividingByZeroGivesMissingValuesAndSaysHowMany() {
        Table titanic = Datasets.read("titanic.csv");
        int zeros = titanic.intColumn("SibSp").isEqualTo(0).size();

        PlanRunner.Outcome outcome = run(titanic, step("feature_engineer", """
                {"operation": "divide", "columns": ["Fare", "SibSp"], "new_column": "fare_per_sibling"}"""));

        assertThat(outcome.table().doubleColumn("fare_per_sibling").countMissing())
                .isEqualTo(zeros);
        assertThat(outcome.steps().getFirst().warnings())
                .singleElement()
                .asString()
                .startsWith(zeros + " rows divide by zero ('SibSp' is 0)");
    }

    @Test
    void log1pWarnsAboutNegativeValuesAndLeavesUndefinedOnesMissing() {
        Table table = Datasets.fromText("l", "v\n0\n-0.5\n-1\n-3\n9\n");

        PlanRunner.Outcome outcome = run(table, step("feature_engineer", """
                {"operation": "log1p", "columns": ["v"]}"""));

        DoubleColumn logs = outcome.table().doubleColumn("log1p_v");
        assertThat(logs.get(0)).isEqualTo(0.0);
        assertThat(logs.get(4)).isEqualTo(Math.log(10));
        assertThat(logs.isMissing(2)).isTrue();
        assertThat(logs.isMissing(3)).isTrue();
        assertThat(outcome.steps().getFirst().warnings())
                .singleElement()
                .asString()
                .contains("3 negative values")
                .contains("2 values are -1 or less");
    }

    @Test
    void quantileBinsHoldAboutEqualCountsAndEqualWidthBinsSplitTheRange() {
        Table diamonds = Datasets.read("diamonds.csv");

        PlanRunner.Outcome quantiles = run(diamonds, step("feature_engineer", """
                {"operation": "bin", "columns": ["price"], "bins": 4}"""));
        IntColumn bins = quantiles.table().intColumn("price_bin");
        for (int bin = 0; bin < 4; bin++) {
            assertThat(bins.isEqualTo(bin).size()).isBetween(53940 / 4 - 50, 53940 / 4 + 50);
        }

        PlanRunner.Outcome widths = run(diamonds, step("feature_engineer", """
                {"operation": "bin", "columns": ["carat"], "bins": 2, "binning": "equal_width", "new_column": "big"}"""));
        double middle = (diamonds.doubleColumn("carat").min()
                        + diamonds.doubleColumn("carat").max())
                / 2;
        assertThat(widths.table().intColumn("big").isEqualTo(1).size())
                .isEqualTo(diamonds.doubleColumn("carat").isGreaterThan(middle).size());
    }

    @Test
    void datePartsOfTaxiPickups() {
        Table taxis = Datasets.read("taxis.csv");

        PlanRunner.Outcome outcome = run(taxis, step("feature_engineer", """
                {"operation": "date_parts", "columns": ["pickup"], "parts": ["year", "month", "weekday", "hour"]}"""));

        Table result = outcome.table();
        assertThat(outcome.steps().getFirst().columnsAdded())
                .containsExactly("pickup_year", "pickup_month", "pickup_weekday", "pickup_hour");
        assertThat(result.intColumn("pickup_year").get(0)).isEqualTo(2019);
        assertThat(result.intColumn("pickup_month").get(0)).isEqualTo(3);
        assertThat(result.intColumn("pickup_weekday").get(0)).isEqualTo(6); // 2019-03-23 was a Saturday
        assertThat(result.intColumn("pickup_hour").get(0)).isEqualTo(20);
    }

    @Test
    void textLengthCountsCharactersNotBytes() {
        Table table = Datasets.fromText("t", "名前,x\n李小龍,1\nAnn,2\n,3\n");

        PlanRunner.Outcome outcome = run(table, step("feature_engineer", """
                {"operation": "text_length", "columns": ["名前"]}"""));

        IntColumn lengths = outcome.table().intColumn("名前_length");
        assertThat(lengths.get(0)).isEqualTo(3);
        assertThat(lengths.get(1)).isEqualTo(3);
        assertThat(lengths.isMissing(2)).isTrue();
    }

    @Test
    void regexExtractTakesTheTitleOutOfPassengerNames() {
        Table titanic = Datasets.read("titanic.csv");

        PlanRunner.Outcome outcome = run(titanic, step("feature_engineer", """
                {"operation": "regex_extract", "columns": ["Name"], "pattern": ",\\\\s*([^.]+)\\\\.", "new_column": "title"}"""));

        StringColumn titles = outcome.table().stringColumn("title");
        Map<String, Long> counts =
                titles.asList().stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(titles.get(0)).isEqualTo("Mr");
        assertThat(counts.get("Mr"))
                .isEqualTo(titanic.stringColumn("Name").containsString(", Mr.").size());
        assertThat(titles.countMissing()).isZero();
    }

    @Test
    void aPatternThatWouldMakeABacktrackingEngineRunForYearsIsLinearInRe2() {
        // (a+)+$ against "aaaa...b" takes exponential time in java.util.regex; RE2/J answers at once. Were the
        // engine ever switched, this test would not finish.
        Table table = Datasets.fromText("evil", "s\n" + "a".repeat(4000) + "b\nxaab\n");

        PlanRunner.Outcome outcome = run(table, step("feature_engineer", """
                {"operation": "regex_extract", "columns": ["s"], "pattern": "(a+)+$"}"""));

        assertThat(outcome.table().stringColumn("s_extract").isMissing(0)).isTrue();
        assertThat(outcome.steps().getFirst().warnings())
                .singleElement()
                .asString()
                .startsWith("2 values of 's' did not match");
    }

    @Test
    void anOutputColumnThatAlreadyExistsIsRefusedBeforeAnythingRuns() {
        Table titanic = Datasets.read("titanic.csv");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(titanic, step("feature_engineer", """
                        {"operation": "multiply", "columns": ["Age", "Fare"], "new_column": "Fare"}""")))
                .isInstanceOf(dev.assay.model.plan.validation.PlanValidationException.class)
                .hasMessageContaining("column 'Fare' already exists");
        assertThat(List.of(titanic.columnNames().size())).containsExactly(12);
    }
}
