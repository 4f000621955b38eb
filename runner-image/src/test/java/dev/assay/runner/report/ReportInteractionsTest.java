package dev.assay.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.profile.Interaction;
import dev.assay.model.profile.MissingMatrix;
import dev.assay.model.profile.Profile;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.ProgressListener;
import dev.assay.runner.profile.ProfilePipeline;
import dev.assay.runner.testing.Datasets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The report's interactions (scatter plots of the most correlated numeric pairs) and its missing-values matrix, on
 * public files of examples/datasets: what they draw must be what the data holds.
 */
class ReportInteractionsTest {

    private final ReportRenderer renderer = new ReportRenderer();

    private static Profile profile(String file) {
        return new ProfilePipeline(EngineConfig.defaults())
                .read(Datasets.DIR.resolve(file), ProgressListener.NONE)
                .profile();
    }

    @Test
    void mpgShowsItsMostCorrelatedNumericPairsDrawnFromTheRows() {
        Profile profile = profile("mpg.csv");
        List<Interaction> interactions = profile.correlations().interactions();

        assertThat(interactions).hasSize(4);
        // Most correlated first, each at least the floor, all numeric columns of the file.
        assertThat(interactions)
                .isSortedAccordingTo((a, b) -> Double.compare(Math.abs(b.pearson()), Math.abs(a.pearson())));
        assertThat(Math.abs(interactions.getFirst().pearson())).isGreaterThan(0.9);
        Interaction first = interactions.getFirst();
        assertThat(profile.correlations()
                        .pearson()
                        .values()
                        .get(profile.correlations().pearson().columns().indexOf(first.x()))
                        .get(profile.correlations().pearson().columns().indexOf(first.y())))
                .isEqualTo(first.pearson());
        // 398 cars, 6 without horsepower: every row with both values is drawn (fewer than 400).
        for (Interaction i : interactions) {
            assertThat(i.points()).hasSize((int) i.pairs());
            assertThat(i.pairs()).isBetween(392L, 398L);
        }
        String html = renderer.render(profile);
        assertThat(html).contains("id=\"interactions\"", first.y() + " against " + first.x());
        assertThat(countOf(html, "<circle"))
                .isEqualTo(
                        interactions.stream().mapToInt(i -> i.points().size()).sum());
    }

    @Test
    void aLargeFileIsSampledTheSameWayEveryTime() {
        Profile once = profile("diamonds.csv");
        Profile again = profile("diamonds.csv");

        Interaction first = once.correlations().interactions().getFirst();
        // Every row of the table (53,940 in the file, 146 exact duplicates dropped) has both values.
        assertThat(first.pairs()).isEqualTo(53_794).isEqualTo(once.table().rows());
        assertThat(first.points()).hasSize(Interaction.MAX_POINTS);
        assertThat(again.correlations().interactions())
                .isEqualTo(once.correlations().interactions());
        assertThat(renderer.render(once)).contains("400 of 53\u202f794 rows, evenly spaced with both values");
    }

    @Test
    void titanicsMissingMatrixHoldsEveryMissingCellInItsBins() {
        Profile profile = profile("titanic.csv");
        MissingMatrix matrix = profile.missing().matrix();

        assertThat(matrix.columns()).hasSize(12);
        assertThat(matrix.leftOut()).isEmpty();
        assertThat(matrix.rowsPerBin()).isEqualTo(9);
        assertThat(matrix.shares()).hasSize(99);
        for (String column : List.of("Age", "Cabin", "Embarked", "Survived")) {
            int c = matrix.columns().indexOf(column);
            double cells = 0;
            for (List<Double> bin : matrix.shares()) {
                cells += bin.get(c) * matrix.rowsPerBin();
            }
            assertThat(Math.round(cells))
                    .as(column)
                    .isEqualTo(profile.missing().counts().get(column));
        }
        String html = renderer.render(profile);
        assertThat(html).contains("Where values are missing", "bins of 9 rows", "Age, rows 1–9: ");
        assertThat(html).doesNotContain("the first 30 of");
    }

    @Test
    void aWideFileSaysWhichColumnsTheMatrixAndTheHeatMapsLeaveOut() {
        Profile profile = profile("fertility.csv");
        MissingMatrix matrix = profile.missing().matrix();

        assertThat(matrix.totalColumns()).isEqualTo(58);
        assertThat(matrix.columns()).hasSize(30);
        assertThat(matrix.leftOut()).hasSize(28).startsWith("1986").endsWith("2013");
        String html = renderer.render(profile);
        assertThat(html).contains("the first 30 of 58 columns (left out: 1986, 1987");
        // The correlation and missing-together heat maps say the same of their own columns.
        assertThat(countOf(html, "columns, in table order (left out: ")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void numericColumnsShowTheirMostCommonAndTheirExtremeValues() {
        Profile profile = profile("mpg.csv");
        var weight = profile.variables().get("weight");
        var stats = weight.numeric().orElseThrow();

        String html = renderer.render(profile);

        String smallest = String.join(
                ", ", stats.smallest().stream().map(ReportModel::number).toList());
        String largest = String.join(
                ", ", stats.largest().stream().map(ReportModel::number).toList());
        assertThat(stats.smallest().getFirst()).isEqualTo(stats.min());
        assertThat(stats.largest().getFirst()).isEqualTo(stats.max());
        assertThat(html)
                .contains("<td>Smallest values</td><td>" + smallest + "</td>")
                .contains("<td>Largest values</td><td>" + largest + "</td>");
        var top = profile.variables().get("cylinders").top().getFirst();
        assertThat(html)
                .contains("<td>Most common</td><td>" + top.value() + " (" + ReportModel.count(top.count()) + ")");
    }

    private static int countOf(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
