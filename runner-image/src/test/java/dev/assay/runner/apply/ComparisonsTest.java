package dev.assay.runner.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.profile.Profile;
import dev.assay.model.result.Comparison;
import dev.assay.runner.profile.Profiler;
import dev.assay.runner.testing.Datasets;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ComparisonsTest {

    @Test
    void theCountsAddUpWithTheAlertsClearedAndAdded() {
        Table titanic = Datasets.read("titanic.csv");
        Profile before = new Profiler().profile(titanic, "titanic.csv");
        Table after = Datasets.run(titanic, Datasets.TITANIC_SEED_PLAN).table();

        Comparison comparison = Comparisons.of(before, new Profiler().profile(after, "cleaned.csv"));

        assertThat(comparison.before().missingCells()).isEqualTo(866);
        assertThat(comparison.after().missingCells()).isZero();
        assertThat(comparison.alertsCleared()).anySatisfy(a -> assertThat(a).startsWith("Age is missing"));
        assertThat(comparison.after().alerts())
                .isEqualTo(comparison.before().alerts()
                        - comparison.alertsCleared().size()
                        + comparison.alertsAdded().size());
    }
}
