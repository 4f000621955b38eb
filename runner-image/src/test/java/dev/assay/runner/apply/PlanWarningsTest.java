package dev.assay.runner.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.dataset.DatasetSchema;
import dev.assay.model.plan.validation.PlanReader;
import dev.assay.model.plan.validation.PlanReview;
import dev.assay.model.plan.validation.PlanValidator;
import dev.assay.model.plan.validation.PlanWarning;
import dev.assay.model.plan.validation.PlanWarning.Severity;
import dev.assay.runner.core.ApplyOutcome;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.ProgressListener;
import dev.assay.runner.profile.ProfilePipeline;
import dev.assay.runner.testing.Datasets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The validator's judgement of a plan's sense, on the real files of examples/datasets profiled as the product
 * profiles them: each warning fires where the step would damage the data or the evaluation, names the step, the
 * column and the number, and stays quiet on sound plans.
 */
class PlanWarningsTest {

    private static final Map<String, DatasetSchema> SCHEMAS = new ConcurrentHashMap<>();
    private static final ProfilePipeline PROFILER = new ProfilePipeline(EngineConfig.defaults());

    @TempDir
    Path out;

    private static DatasetSchema schema(String file) {
        return SCHEMAS.computeIfAbsent(
                file,
                f -> PROFILER.read(Datasets.DIR.resolve(f), ProgressListener.NONE)
                        .profile()
                        .schema());
    }

    private static PlanReview review(String file, String actions) {
        PlanReview review = PlanValidator.review(
                PlanReader.read("{\"explanation\": \"test\", \"actions\": " + actions + "}"), schema(file));
        assertThat(review.errors()).as("the plan is valid").isEmpty();
        return review;
    }

    private static List<PlanWarning> coded(PlanReview review, String code) {
        return review.warnings().stream().filter(w -> w.code().equals(code)).toList();
    }

    @Test
    void theTitanicSeedPlanGetsNoWordAboutItsTargetButDoesAboutCabin() {
        PlanReview review = review(
                "titanic.csv",
                PlanReader.read(Datasets.TITANIC_SEED_PLAN).actions().isEmpty()
                        ? "[]"
                        : Datasets.TITANIC_SEED_PLAN.substring(
                                Datasets.TITANIC_SEED_PLAN.indexOf('['),
                                Datasets.TITANIC_SEED_PLAN.lastIndexOf(']') + 1));

        assertThat(review.warnings()).noneMatch(w -> w.column().equals("Survived"));
        assertThat(review.warnings()).noneMatch(w -> w.severity() == Severity.CRITICAL);
        // Cabin is 687 of 891 missing with 147 names: the median fill falls back to its mode there.
        assertThat(review.warnings())
                .extracting(PlanWarning::code, PlanWarning::column)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("fills_sparse_column", "Cabin"),
                        org.assertj.core.groups.Tuple.tuple("mode_fills_many_values", "Cabin"));
        PlanWarning sparse = coded(review, "fills_sparse_column").getFirst();
        assertThat(sparse.actionIndex()).isZero();
        assertThat(sparse.action()).isEqualTo("impute");
        assertThat(sparse.message()).contains("687 of 891 cells", "77 %");
        assertThat(sparse.alternative())
                .contains("Drop columns", "Add indicator")
                .doesNotContain("drop_columns", "add_indicator");
        assertThat(coded(review, "mode_fills_many_values").getFirst().alternative())
                .contains("\"Unknown\"");
    }

    @Test
    void aSoundPlanOnPenguinsGetsNoWarningAtAll() {
        PlanReview review = review("penguins.csv", """
                [{"type": "impute", "params": {"strategy": "median", "columns": ["bill_length_mm", "body_mass_g"]}},
                 {"type": "scale", "params": {"method": "standard", "columns": []}},
                 {"type": "train_model", "params": {"target": "species"}}]""");
        assertThat(review.warnings()).isEmpty();
    }

    @Test
    void fillingEverythingLeavesTheTargetOutAndTrainsOnTheRowsWithAKnownTarget() {
        // penguins: 'sex' is missing in 11 of 344 rows.
        String plan = """
                [{"type": "impute", "params": {"strategy": "median", "columns": []}},
                 {"type": "train_model", "params": {"target": "sex", "model": "decision_tree"}}]""";
        PlanReview review = review("penguins.csv", plan);
        List<PlanWarning> target = coded(review, "target_left_unfilled");
        assertThat(target).hasSize(1);
        assertThat(target.getFirst().severity()).isEqualTo(Severity.INFO);
        assertThat(target.getFirst().message()).contains("'sex'", "11 missing values", "333 rows");
        assertThat(coded(review, "fills_target")).isEmpty();

        ApplyOutcome outcome = new ApplyPipeline(EngineConfig.defaults(), PROFILER)
                .run(
                        Datasets.DIR.resolve("penguins.csv"),
                        PlanReader.read("{\"explanation\": \"t\", \"actions\": " + plan + "}"),
                        out,
                        ProgressListener.NONE);
        var model = outcome.result().model().orElseThrow();
        assertThat(model.trainRows() + model.testRows()).isEqualTo(333);
        assertThat(model.warnings()).anyMatch(w -> w.contains("11 rows have no value in 'sex'"));
        assertThat(outcome.result().warnings()).extracting(PlanWarning::code).contains("target_left_unfilled");
    }

    @Test
    void fillingTheTargetByNameIsAllowedButCritical() {
        PlanReview review = review("penguins.csv", """
                [{"type": "impute", "params": {"strategy": "mode", "columns": ["sex"]}},
                 {"type": "train_model", "params": {"target": "sex"}}]""");
        List<PlanWarning> fills = coded(review, "fills_target");
        assertThat(fills).hasSize(1);
        assertThat(fills.getFirst().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(fills.getFirst().message()).contains("11 missing values", "'sex'");
        assertThat(fills.getFirst().alternative()).contains("333 rows whose target is known");
    }

    @Test
    void anIndicatorAnswersTheSparseFillAndAConstantTheModeFill() {
        PlanReview review = review("titanic.csv", """
                [{"type": "impute", "params": {"strategy": "constant", "value": "Unknown", "columns": ["Cabin"], "add_indicator": true}},
                 {"type": "train_model", "params": {"target": "Survived"}}]""");
        assertThat(review.warnings()).isEmpty();

        Table table = Datasets.read("titanic.csv");
        var outcome = Datasets.run(
                table,
                Datasets.step(
                        "impute",
                        "{\"strategy\": \"constant\", \"value\": \"Unknown\", \"columns\": [\"Cabin\"], \"add_indicator\": true}"));
        Table filled = outcome.table();
        assertThat(filled.intColumn("Cabin_missing").sum()).isEqualTo(687);
        assertThat(filled.column("Cabin").countMissing()).isZero();
        assertThat(outcome.steps().getFirst().columnsAdded()).containsExactly("Cabin_missing");
    }

    @Test
    void modeFillingAHighCardinalityColumnSuggestsAConstant() {
        PlanReview review = review("titanic.csv", """
                [{"type": "impute", "params": {"strategy": "mode", "columns": ["Cabin", "Embarked"]}}]""");
        List<PlanWarning> mode = coded(review, "mode_fills_many_values");
        assertThat(mode).extracting(PlanWarning::column).containsExactly("Cabin");
        assertThat(mode.getFirst().message()).contains("147 different values", "687 rows");
    }

    @Test
    void scalingEncodingClippingOrDroppingTheTargetIsCalledOut() {
        PlanReview review = review("mpg.csv", """
                [{"type": "clip_outliers", "params": {"columns": ["mpg", "weight"]}},
                 {"type": "scale", "params": {"method": "standard", "columns": ["mpg"]}},
                 {"type": "train_model", "params": {"target": "mpg"}}]""");
        assertThat(coded(review, "changes_target"))
                .extracting(PlanWarning::actionIndex, PlanWarning::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, "mpg"), org.assertj.core.groups.Tuple.tuple(1, "mpg"));

        PlanReview encode = review("penguins.csv", """
                [{"type": "encode", "params": {"method": "label", "columns": ["species", "island"]}},
                 {"type": "train_model", "params": {"target": "species"}}]""");
        assertThat(coded(encode, "changes_target"))
                .extracting(PlanWarning::column)
                .containsExactly("species");

        // Dropping the target makes train_model invalid too; the warning says which step did it.
        PlanReview drop = PlanValidator.review(PlanReader.read("""
                {"explanation": "t", "actions": [{"type": "drop_columns", "params": {"columns": ["mpg"]}},
                 {"type": "train_model", "params": {"target": "mpg"}}]}"""), schema("mpg.csv"));
        assertThat(drop.errors()).isNotEmpty();
        assertThat(coded(drop, "changes_target"))
                .extracting(PlanWarning::actionIndex)
                .containsExactly(0);

        assertThat(review("mpg.csv", """
                [{"type": "clip_outliers", "params": {"columns": []}},
                 {"type": "scale", "params": {"method": "standard", "columns": []}},
                 {"type": "train_model", "params": {"target": "mpg"}}]""").warnings()).isEmpty();
    }

    @Test
    void droppingRowsThatLoseMoreThanAThirdIsCalledOut() {
        List<PlanWarning> drops = coded(review("titanic.csv", """
                [{"type": "drop_missing_rows", "params": {"columns": []}}]"""), "drops_many_rows");
        assertThat(drops).hasSize(1);
        assertThat(drops.getFirst().column()).isEqualTo("Cabin");
        assertThat(drops.getFirst().message()).contains("at least 687 of 891 rows", "77 %");

        assertThat(review("titanic.csv", """
                [{"type": "drop_missing_rows", "params": {"columns": ["Age", "Embarked"]}}]""").warnings()).isEmpty();
    }

    @Test
    void aFeatureComputedFromTheTargetLeaks() {
        PlanReview review = review("tips.csv", """
                [{"type": "feature_engineer", "params": {"operation": "divide", "columns": ["tip", "total_bill"], "new_column": "tip_share"}},
                 {"type": "train_model", "params": {"target": "tip"}}]""");
        List<PlanWarning> leaks = coded(review, "leaking_feature");
        assertThat(leaks).extracting(PlanWarning::column).containsExactly("tip_share");
        assertThat(leaks.getFirst().actionIndex()).isEqualTo(1);
        assertThat(leaks.getFirst().severity()).isEqualTo(Severity.CRITICAL);

        assertThat(review("tips.csv", """
                [{"type": "feature_engineer", "params": {"operation": "divide", "columns": ["tip", "total_bill"], "new_column": "tip_share"}},
                 {"type": "train_model", "params": {"target": "tip", "features": ["total_bill", "size", "day"]}}]""").warnings()).isEmpty();
    }

    @Test
    void aFeatureThatMovesWithTheTargetAlmostPerfectlyLeaks() {
        // The mean perimeter of a cell nucleus is a deterministic function of its mean radius, near enough (r 0.998).
        PlanReview review = review("breast_cancer.csv", """
                [{"type": "train_model", "params": {"target": "mean radius", "task": "regression",
                  "features": ["mean perimeter", "mean texture"]}}]""");
        List<PlanWarning> leaks = coded(review, "leaking_feature");
        assertThat(leaks).extracting(PlanWarning::column).containsExactly("mean perimeter");
        assertThat(leaks.getFirst().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(leaks.getFirst().number())
                .hasValueSatisfying(r -> assertThat(Math.abs(r)).isGreaterThanOrEqualTo(0.98));
        assertThat(leaks.getFirst().message()).contains("'mean perimeter' moves with the target 'mean radius'");
        assertThat(leaks.getFirst().alternative()).contains("drop 'mean perimeter'");

        // Texture is related to the radius, not a disguise of it: no warning.
        assertThat(review("breast_cancer.csv", """
                [{"type": "train_model", "params": {"target": "mean radius", "task": "regression",
                  "features": ["mean texture", "mean smoothness"]}}]""").warnings()).isEmpty();
    }
}
