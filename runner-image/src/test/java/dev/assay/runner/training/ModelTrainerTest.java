package dev.assay.runner.training;

import static dev.assay.runner.testing.Datasets.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.plan.params.ModelAlgorithm;
import dev.assay.model.plan.params.ModelTask;
import dev.assay.model.result.ModelReport;
import dev.assay.model.result.ModelReport.FeatureImportance;
import dev.assay.model.result.ModelReport.FeatureNote;
import dev.assay.model.result.ModelReport.LeaderboardEntry;
import dev.assay.runner.core.InputException;
import dev.assay.runner.testing.Datasets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Models trained on real data through plans, with the scores they must reach computed, never written in. */
class ModelTrainerTest {

    static final String SEED_PLAN = Datasets.TITANIC_SEED_PLAN;

    @Test
    void theSeedsTitanicPlanCrossValidatesBetween78And86PercentAndBeatsTheMajorityClass() {
        ModelReport report = run(Datasets.read("titanic.csv"), SEED_PLAN)
                .model()
                .orElseThrow()
                .report();

        assertThat(report.task()).isEqualTo(ModelTask.CLASSIFICATION);
        assertThat(report.algorithm()).isEqualTo(ModelAlgorithm.RANDOM_FOREST);
        assertThat(report.crossValidation().get("accuracy").mean()).isBetween(0.78, 0.86);
        assertThat(report.crossValidation().get("accuracy").std()).isPositive();
        assertThat(report.trainRows() + report.testRows()).isEqualTo(891);
        assertThat(report.testRows()).isBetween(177, 179);
        assertThat(report.score()).isGreaterThan(report.baselineScore() + 0.1);
        assertThat(report.baselineScore())
                .isEqualTo(report.baseline().confusion().orElseThrow().counts().getFirst().stream()
                                .mapToLong(Long::longValue)
                                .sum()
                        / (double) report.testRows());
        assertThat(report.holdout().scores())
                .containsKeys("accuracy", "balanced_accuracy", "macro_f1", "roc_auc", "log_loss");
        assertThat(report.holdout().confusion().orElseThrow().labels()).containsExactly("0", "1");
        assertThat(report.excluded()).extracting(FeatureNote::column).containsExactly("PassengerId", "Name");
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("PassengerId (identifier-like"));
        assertThat(report.features()).contains("Sex_male", "Age", "Pclass").doesNotContain("Survived", "PassengerId");
        assertThat(report.importances().stream()
                        .mapToDouble(FeatureImportance::importance)
                        .sum())
                .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        // Sex, split by the plan's one-hot into two inputs, still weighs more together than any numeric feature but
        // the continuous ones (Age, Fare, and Ticket's frequency, which impurity importance favours).
        double sex = report.importances().stream()
                .filter(i -> i.feature().startsWith("Sex_"))
                .mapToDouble(FeatureImportance::importance)
                .sum();
        assertThat(sex)
                .as("importances: %s", report.importances())
                .isGreaterThan(report.importances().stream()
                        .filter(i -> List.of("Pclass", "SibSp", "Parch", "Embarked_S")
                                .contains(i.feature()))
                        .mapToDouble(FeatureImportance::importance)
                        .max()
                        .orElseThrow());
        assertThat(report.leakage()).isEmpty();
    }

    @Test
    void penguinSpeciesAreRecognisedWithAtLeast95PercentAccuracy() {
        ModelReport report =
                run(Datasets.read("penguins.csv"), """
                {"explanation": "species", "actions": [
                  {"type": "train_model", "params": {"target": "species", "model": "random_forest"}}]}""").model().orElseThrow().report();

        assertThat(report.task()).isEqualTo(ModelTask.CLASSIFICATION);
        assertThat(report.crossValidation().get("accuracy").mean()).isGreaterThanOrEqualTo(0.95);
        assertThat(report.score()).isGreaterThanOrEqualTo(0.95);
        assertThat(report.holdout().scores()).doesNotContainKey("roc_auc"); // three classes
        assertThat(report.holdout().confusion().orElseThrow().labels())
                .containsExactly("Adelie", "Chinstrap", "Gentoo");
    }

    @Test
    void fuelConsumptionIsARegressionWithRSquaredOfAtLeast80Percent() {
        ModelReport report =
                run(Datasets.read("mpg.csv"), """
                {"explanation": "mpg", "actions": [
                  {"type": "train_model", "params": {"target": "mpg", "model": "random_forest"}}]}""").model().orElseThrow().report();

        assertThat(report.task()).isEqualTo(ModelTask.REGRESSION); // inferred: many distinct numbers
        assertThat(report.primaryMetric()).isEqualTo("r2");
        assertThat(report.crossValidation().get("r2").mean()).isGreaterThanOrEqualTo(0.80);
        assertThat(report.score()).isGreaterThanOrEqualTo(0.80);
        assertThat(report.baselineScore()).isLessThan(0.01);
        assertThat(report.holdout().scores()).containsKeys("rmse", "mae", "r2");
        assertThat(report.holdout().scores().get("rmse"))
                .isLessThan(report.baseline().scores().get("rmse") / 2);
    }

    @Test
    void diamondPricesAreExplainedWithRSquaredOfAtLeast90Percent() {
        ModelReport report =
                run(Datasets.read("diamonds.csv"), """
                {"explanation": "price", "actions": [
                  {"type": "train_model", "params": {"target": "price", "model": "gradient_boosting"}}]}""").model().orElseThrow().report();

        assertThat(report.crossValidation().get("r2").mean()).isGreaterThanOrEqualTo(0.90);
        assertThat(report.score()).isGreaterThanOrEqualTo(0.90);
        assertThat(report.importances().getFirst().feature()).isIn("carat", "y", "x", "z");
    }

    @Test
    void autoComparesSeveralAlgorithmsAndKeepsTheBestWithItsLeaderboard() {
        ModelReport report =
                run(Datasets.read("penguins.csv"), """
                {"explanation": "auto", "actions": [{"type": "train_model", "params": {"target": "species"}}]}""").model().orElseThrow().report();

        assertThat(report.leaderboard())
                .extracting(LeaderboardEntry::algorithm)
                .containsExactlyInAnyOrder(
                        ModelAlgorithm.LOGISTIC_REGRESSION,
                        ModelAlgorithm.DECISION_TREE,
                        ModelAlgorithm.RANDOM_FOREST,
                        ModelAlgorithm.GRADIENT_BOOSTING);
        assertThat(report.leaderboard())
                .isSortedAccordingTo(
                        (a, b) -> Double.compare(b.score().mean(), a.score().mean()));
        assertThat(report.algorithm()).isEqualTo(report.leaderboard().getFirst().algorithm());
        assertThat(report.crossValidation().get("accuracy").mean())
                .isEqualTo(report.leaderboard().getFirst().score().mean());
    }

    @Test
    void theSamePlanOnTheSameDataGivesTheSameModelAndScores() {
        for (String model : new String[] {"random_forest", "gradient_boosting"}) {
            String plan = SEED_PLAN.replace("random_forest", model);
            ModelReport first = run(Datasets.read("titanic.csv"), plan)
                    .model()
                    .orElseThrow()
                    .report();
            ModelReport second = run(Datasets.read("titanic.csv"), plan)
                    .model()
                    .orElseThrow()
                    .report();

            assertThat(second.crossValidation()).as(model).isEqualTo(first.crossValidation());
            assertThat(second.holdout()).as(model).isEqualTo(first.holdout());
            assertThat(second.importances()).as(model).isEqualTo(first.importances());
        }
    }

    @Test
    void rowsWithoutATargetAreLeftOutWithAWarning() {
        Table titanic = Datasets.read("titanic.csv");
        IntColumn survived = titanic.intColumn("Survived").copy();
        for (int row = 0; row < 50; row++) {
            survived.setMissing(row * 10);
        }
        titanic.replaceColumn("Survived", survived);

        ModelReport report = run(titanic, """
                {"explanation": "gaps", "actions": [
                  {"type": "train_model", "params": {"target": "Survived", "model": "logistic_regression"}}]}""").model().orElseThrow().report();

        assertThat(report.trainRows() + report.testRows()).isEqualTo(841);
        assertThat(report.warnings())
                .anySatisfy(w -> assertThat(w)
                        .isEqualTo("50 rows have no value in 'Survived' and were left out of training and evaluation"));
    }

    @Test
    void aFeatureThatIsTheTargetInDisguiseIsFlagged() {
        Table titanic = Datasets.read("titanic.csv");
        StringColumn outcome = StringColumn.create("outcome");
        titanic.intColumn("Survived").forEach(s -> outcome.append(s == 1 ? "rescued" : "lost"));
        titanic.addColumns(outcome);

        ModelReport report = run(titanic, """
                {"explanation": "leak", "actions": [
                  {"type": "train_model", "params": {"target": "Survived", "model": "decision_tree"}}]}""").model().orElseThrow().report();

        assertThat(report.leakage()).singleElement().satisfies(note -> {
            assertThat(note.column()).isEqualTo("outcome");
            assertThat(note.reason()).contains("balanced accuracy 1.000");
        });
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).startsWith("Possible leakage: 'outcome'"));
    }

    @Test
    void identifierLikeColumnsAreLeftOutEvenWhenAsked() {
        ModelReport report =
                run(Datasets.read("titanic.csv"), """
                {"explanation": "ids", "actions": [
                  {"type": "train_model", "params": {"target": "Survived", "features": ["PassengerId", "Fare", "Ticket"],
                                                     "model": "decision_tree"}}]}""").model().orElseThrow().report();

        assertThat(report.features()).containsExactly("Fare", "Ticket");
        assertThat(report.excluded()).extracting(FeatureNote::column).containsExactly("PassengerId");
    }

    @Test
    void unicodeColumnNamesTrainLikeAnyOther() {
        Table table = Datasets.read("penguins.csv");
        table.column("species").setName("種");
        table.column("bill_length_mm").setName("longueur du bec");

        ModelReport report = run(table, """
                {"explanation": "unicode", "actions": [
                  {"type": "train_model", "params": {"target": "種", "model": "logistic_regression"}}]}""").model().orElseThrow().report();

        assertThat(report.features()).contains("longueur du bec");
        assertThat(report.crossValidation().get("accuracy").mean()).isGreaterThan(0.9);
    }

    @Test
    void tooLittleDataOrASingleClassIsAClearError() {
        Table one = Datasets.fromText("one", "x,y\n1,0\n");
        assertThatThrownBy(() -> run(one, """
                {"explanation": "tiny", "actions": [{"type": "train_model", "params": {"target": "y", "task": "classification"}}]}"""))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("'y'")
                .hasMessageContaining("at least 10 rows with a target value; there is 1");

        Table constant = Datasets.fromText("same", "x,y\n" + "1,a\n2,a\n".repeat(10));
        assertThatThrownBy(() -> run(constant, """
                {"explanation": "one class", "actions": [{"type": "train_model", "params": {"target": "y"}}]}"""))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("single value ('a')");
    }
}
