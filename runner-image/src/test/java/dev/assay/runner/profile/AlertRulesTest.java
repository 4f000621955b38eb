package dev.assay.runner.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.plan.Plan;
import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.params.ActionType;
import dev.assay.model.plan.validation.PlanValidator;
import dev.assay.model.profile.Alert;
import dev.assay.model.profile.AlertType;
import dev.assay.model.profile.Profile;
import dev.assay.runner.apply.PlanRunner;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * One crafted file with a column for every alert: each alert is raised on the column it should name, and each
 * suggested action is a plan that validates against the profile's schema and then runs on the data.
 */
class AlertRulesTest {

    private static final int ROWS = 120;

    @TempDir
    static Path dir;

    private static ProfilePipeline.Input input;

    @BeforeAll
    static void profileTheCraftedFile() throws IOException {
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder(
                "id,constant,nothing,code,age,income,debt,visits,flag,height_cm,height_in,day,price,ratio,note\n");
        for (int i = 0; i < ROWS; i++) {
            double height = 150 + random.nextInt(50);
            String row = String.join(
                    ",",
                    Integer.toString(i + 1),
                    "same",
                    "",
                    "K" + (i % 60),
                    i % 4 == 0 ? "NA" : Integer.toString(20 + random.nextInt(50)),
                    String.format(Locale.ROOT, "%.2f", Math.exp(8 + 1.5 * random.nextGaussian())),
                    String.format(Locale.ROOT, "%.2f", -Math.exp(5 + 1.5 * random.nextGaussian())),
                    Integer.toString(i % 10 < 7 ? 0 : 1 + random.nextInt(9)),
                    i % 20 == 0 ? "no" : "yes",
                    String.format(Locale.ROOT, "%.0f", height),
                    String.format(Locale.ROOT, "%.3f", height / 2.54),
                    i % 40 == 5 ? "unknown" : "2024-03-" + String.format(Locale.ROOT, "%02d", 1 + i % 28),
                    i % 50 == 3 ? "n.a." : String.format(Locale.ROOT, "%.2f", 10 + random.nextDouble() * 90),
                    i % 30 == 0 ? "inf" : String.format(Locale.ROOT, "%.3f", random.nextDouble()),
                    "note " + (i % 7));
            csv.append(row).append('\n');
            if (i == 10 || i == 11) {
                csv.append(row).append('\n');
            }
        }
        Path file = dir.resolve("crafted.csv");
        Files.writeString(file, csv);
        input = new ProfilePipeline(EngineConfig.defaults()).read(file, ProgressListener.NONE);
    }

    private static Map<AlertType, Set<String>> columnsByType() {
        return input.profile().alerts().stream()
                .collect(Collectors.groupingBy(
                        Alert::type, Collectors.mapping(a -> a.column().orElse("(table)"), Collectors.toSet())));
    }

    @Test
    void everyKindOfAlertIsRaisedOnTheColumnItConcerns() {
        Map<AlertType, Set<String>> alerts = columnsByType();

        // missing_marker needs a column mostly written with a marker word; MissingMarkerTest has one.
        assertThat(alerts.keySet()).containsAll(EnumSet.complementOf(EnumSet.of(AlertType.MISSING_MARKER)));
        assertThat(alerts.get(AlertType.UNIQUE)).contains("id");
        assertThat(alerts.get(AlertType.CONSTANT)).containsExactly("constant");
        assertThat(alerts.get(AlertType.EMPTY)).containsExactly("nothing");
        assertThat(alerts.get(AlertType.HIGH_CARDINALITY)).containsExactly("code");
        assertThat(alerts.get(AlertType.MISSING)).containsExactly("age");
        assertThat(alerts.get(AlertType.SKEWED)).contains("income", "debt");
        assertThat(alerts.get(AlertType.ZEROS)).contains("visits");
        assertThat(alerts.get(AlertType.IMBALANCE)).contains("flag");
        assertThat(alerts.get(AlertType.HIGH_CORRELATION)).contains("height_cm");
        assertThat(alerts.get(AlertType.DUPLICATES)).containsExactly("(table)");
        assertThat(alerts.get(AlertType.DATE_AS_TEXT)).containsExactly("day");
        assertThat(alerts.get(AlertType.MIXED_TYPES)).containsExactly("price");
        assertThat(alerts.get(AlertType.INFINITE)).containsExactly("ratio");
        assertThat(input.profile().ingest().duplicatesDropped()).isEqualTo(2);
    }

    @Test
    void suggestionsFitTheProblem() {
        assertThat(suggestion(AlertType.MISSING, "age"))
                .isEqualTo(new PlanStep(ActionType.IMPUTE, Map.of("strategy", "median", "columns", List.of("age"))));
        assertThat(suggestion(AlertType.UNIQUE, "id").type()).isEqualTo(ActionType.DROP_COLUMNS);
        assertThat(suggestion(AlertType.DATE_AS_TEXT, "day"))
                .isEqualTo(new PlanStep(ActionType.CAST, Map.of("columns", List.of("day"), "to", "datetime")));
        assertThat(suggestion(AlertType.MIXED_TYPES, "price"))
                .isEqualTo(new PlanStep(ActionType.CAST, Map.of("columns", List.of("price"), "to", "float")));
        // Positive and skewed: a log; with negative values a log cannot apply, so clip instead.
        assertThat(suggestion(AlertType.SKEWED, "income").type()).isEqualTo(ActionType.FEATURE_ENGINEER);
        assertThat(suggestion(AlertType.SKEWED, "debt").type()).isEqualTo(ActionType.CLIP_OUTLIERS);
        assertThat(suggestion(AlertType.HIGH_CORRELATION, "height_cm"))
                .isEqualTo(new PlanStep(ActionType.DROP_COLUMNS, Map.of("columns", List.of("height_in"))));
    }

    @Test
    void everySuggestionValidatesAndRuns() {
        Profile profile = input.profile();
        List<Alert> withAction = profile.alerts().stream()
                .filter(a -> a.suggestedAction().isPresent())
                .toList();
        assertThat(withAction).hasSizeGreaterThanOrEqualTo(10);
        for (Alert alert : withAction) {
            Plan plan =
                    new Plan(alert.message(), List.of(alert.suggestedAction().orElseThrow()));
            assertThat(PlanValidator.check(plan, profile.schema()))
                    .as(alert.message())
                    .isEmpty();

            Table table = input.table().copy();
            PlanRunner.Outcome outcome = new PlanRunner(EngineConfig.defaults())
                    .run(
                            table,
                            PlanValidator.validate(plan, profile.schema()),
                            profile.schema(),
                            ProgressListener.NONE);
            assertThat(outcome.steps()).as(alert.message()).hasSize(1);
        }
    }

    private static PlanStep suggestion(AlertType type, String column) {
        return input.profile().alerts().stream()
                .filter(a ->
                        a.type() == type && a.column().filter(column::equals).isPresent())
                .findFirst()
                .orElseThrow()
                .suggestedAction()
                .orElseThrow();
    }
}
