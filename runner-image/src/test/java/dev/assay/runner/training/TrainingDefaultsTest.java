package dev.assay.runner.training;

import static dev.assay.runner.testing.Datasets.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.result.ModelReport;
import dev.assay.model.result.ModelReport.FeatureNote;
import dev.assay.runner.testing.Datasets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What train_model does by default with the columns an AutoML user expects it to handle: dates become their parts,
 * names are left out with the reason, categories of many values are read with their frequency; all in the card.
 */
class TrainingDefaultsTest {

    @Test
    void aDateTimeBecomesYearMonthDayAndWeekdayInsideTheModel() {
        ModelReport report =
                run(Datasets.read("taxis.csv"), """
                {"explanation": "t", "actions": [{"type": "train_model", "params": {"target": "tip",
                  "features": ["pickup", "distance", "pickup_zone"], "model": "decision_tree", "cv_folds": 2}}]}""").model().orElseThrow().report();

        assertThat(report.features()).contains("pickup", "pickup_zone");
        assertThat(report.excluded()).extracting(FeatureNote::column).doesNotContain("pickup");
        assertThat(report.derived()).anySatisfy(n -> {
            assertThat(n.column()).isEqualTo("pickup");
            assertThat(n.reason()).contains("year, month, day and weekday");
        });
        // pickup_zone has 195 zones: the most frequent one-hot, the rest with their frequency, per fold.
        assertThat(report.derived()).anySatisfy(n -> {
            assertThat(n.column()).isEqualTo("pickup_zone");
            assertThat(n.reason()).contains("frequency encoding", "each cross-validation fold");
        });
    }

    @Test
    void carNamesAreLeftOutAsNamesWithTheReasonWhileTicketCodesStay() {
        ModelReport mpg =
                run(Datasets.read("mpg.csv"), """
                {"explanation": "t", "actions": [{"type": "train_model", "params": {"target": "mpg", "model": "linear_regression"}}]}""").model().orElseThrow().report();
        List<FeatureNote> names =
                mpg.excluded().stream().filter(n -> n.column().equals("name")).toList();
        assertThat(names).hasSize(1);
        assertThat(names.getFirst().reason()).startsWith("names or free text").contains("398 rows");
        assertThat(mpg.warnings()).anySatisfy(w -> assertThat(w).contains("name (names or free text"));

        ModelReport titanic = run(Datasets.read("titanic.csv"), Datasets.TITANIC_SEED_PLAN)
                .model()
                .orElseThrow()
                .report();
        assertThat(titanic.features()).contains("Ticket");
        assertThat(titanic.derived()).anySatisfy(n -> assertThat(n.column()).isEqualTo("Ticket"));
    }
}
