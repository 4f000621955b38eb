package dev.assay.runner.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.plan.validation.PlanReader;
import dev.assay.model.result.Comparison;
import dev.assay.model.result.RunResult;
import dev.assay.runner.profile.Profiler;
import dev.assay.runner.report.ReportRenderer;
import dev.assay.runner.testing.Datasets;
import dev.assay.runner.training.TrainedModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class RunSectionTest {

    private static final String PLAN = """
            {"explanation": "Impute, encode <b>Sex</b>, train on Survived.", "actions": [
              {"type": "impute", "params": {"strategy": "median", "columns": []}},
              {"type": "encode", "params": {"columns": ["Sex", "Embarked"], "method": "onehot"}},
              {"type": "train_model", "params": {"target": "Survived", "model": "auto"}}]}""";

    @Test
    void theSectionShowsTheLogTheComparisonAndTheModelCardWithEveryValueEscaped() throws Exception {
        Table titanic = Datasets.read("titanic.csv");
        titanic.column("Fare").setName("<script>alert(1)</script>");
        PlanRunner.Outcome outcome = Datasets.run(titanic, PLAN);
        Comparison comparison = new Comparison(
                new Comparison.Side(891, 12, 866, 5),
                new Comparison.Side(891, 15, 0, 3),
                List.of("Age is missing in 177 rows (19.9 %)"),
                List.of());
        RunResult result = new RunResult(
                PlanReader.read(PLAN),
                outcome.steps(),
                outcome.model().map(TrainedModel::report),
                comparison,
                List.of("report.html"),
                1234);

        String html = render(RunSection.model(result));
        if (System.getProperty("run.section.sample") != null) {
            java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("run.section.sample")), html);
        }

        assertThat(html)
                .contains("<h2>What the plan did</h2>")
                .contains("Impute, encode &lt;b&gt;Sex&lt;/b&gt;")
                .contains("<td>Missing cells</td><td>866</td><td>0</td><td class=\"better\">−866</td>")
                .contains("Age is missing in 177 rows (19.9 %)")
                .contains("<strong>Fill missing · median · ")
                .contains("<strong>Encode · onehot · Sex, Embarked</strong>")
                .contains("<strong>Train model · ")
                .contains("→ Survived</strong>")
                .doesNotContain("train_model")
                .contains("added: Sex_male, Sex_female, Embarked_S, Embarked_C, Embarked_Q")
                .contains("Model card")
                .contains("Confusion matrix")
                .contains("class=\"hit\"")
                .contains("<svg class=\"importances\"")
                .contains("<rect")
                .contains("(kept)")
                .contains("logistic regression")
                .contains("PassengerId</strong>: identifier-like")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)</script>");
        var report = outcome.model().orElseThrow().report();
        assertThat(html)
                .contains(RunSection.metric(report.primaryMetric(), report.score()))
                .contains(RunSection.metric(report.primaryMetric(), report.baselineScore()));
    }

    /** The whole report of the result, as the apply pipeline renders it, with the run section in it. */
    static String render(Map<String, Object> run) {
        Table after = Datasets.run(Datasets.read("titanic.csv"), PLAN).table();
        return new ReportRenderer().render(new Profiler().profile(after, "cleaned.csv"), Optional.of(run));
    }

    @Test
    void metricsReadAsTheUiPrintsThem() {
        assertThat(RunSection.metric("r2", -0.00000714)).isEqualTo("0.000");
        assertThat(RunSection.metric("r2", 0.41)).isEqualTo("0.410");
        assertThat(RunSection.metric("accuracy", 0.83712)).isEqualTo("0.837");
        assertThat(RunSection.metric("rmse", 40001896.5)).isEqualTo("40.0 M");
        assertThat(RunSection.metric("mae", 12345.67)).isEqualTo("12,346");
        assertThat(RunSection.metric("mae", 123.456)).isEqualTo("123.5");
        assertThat(RunSection.metric("rmse", 1.02)).isEqualTo("1.02");
        assertThat(RunSection.metric("log_loss", 0.44321)).isEqualTo("0.443");
        assertThat(RunSection.metric("mae", 0.0000123)).isEqualTo("0.0000123");
        assertThat(RunSection.metric("rmse", Double.NaN)).isEqualTo("–");
    }
}
