package dev.assay.runner.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.params.ActionType;
import dev.assay.model.profile.Alert;
import dev.assay.model.profile.AlertSeverity;
import dev.assay.model.profile.AlertType;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each column is offered one fix: no Drop beside a Fill of the same column, no Drop twice, no mode for a title. */
class OneFixPerColumnTest {

    private static Alert alert(
            AlertType type, AlertSeverity severity, String column, ActionType action, Map<String, Object> params) {
        return new Alert(
                type, severity, Optional.of(column), type + " " + column, Optional.of(new PlanStep(action, params)));
    }

    @Test
    void dropWinsOverFillAndIsOfferedOnceAndOtherColumnsKeepTheirFix() {
        List<Alert> alerts = List.of(
                alert(
                        AlertType.MISSING,
                        AlertSeverity.WARNING,
                        "Name",
                        ActionType.IMPUTE,
                        Map.of("strategy", "mode", "columns", List.of("Name"))),
                alert(
                        AlertType.UNIQUE,
                        AlertSeverity.WARNING,
                        "Name",
                        ActionType.DROP_COLUMNS,
                        Map.of("columns", List.of("Name"))),
                alert(
                        AlertType.HIGH_CORRELATION,
                        AlertSeverity.INFO,
                        "Ticket",
                        ActionType.DROP_COLUMNS,
                        Map.of("columns", List.of("Name"))),
                alert(
                        AlertType.MISSING,
                        AlertSeverity.INFO,
                        "Age",
                        ActionType.IMPUTE,
                        Map.of("strategy", "median", "columns", List.of("Age"))));

        List<Alert> fixed = AlertRules.oneFixPerColumn(alerts);

        assertThat(fixed)
                .extracting(Alert::message)
                .containsExactly("MISSING Name", "UNIQUE Name", "HIGH_CORRELATION Ticket", "MISSING Age");
        assertThat(fixed.get(0).suggestedAction())
                .as("no Fill beside a Drop of Name")
                .isEmpty();
        assertThat(fixed.get(1).suggestedAction()).map(PlanStep::type).contains(ActionType.DROP_COLUMNS);
        assertThat(fixed.get(2).suggestedAction()).as("Drop Name offered once").isEmpty();
        assertThat(fixed.get(3).suggestedAction()).map(PlanStep::inWords).contains("Fill missing · median · Age");
    }

    @Test
    void anAlmostUniqueTextWithGapsIsNotFilledWithItsCommonestValue(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("title,budget\n");
        for (int i = 0; i < 200; i++) {
            csv.append(i % 20 == 0 ? "" : "Film number " + (i % 190 == 7 ? 7 : i))
                    .append(',')
                    .append(1000 + i)
                    .append('\n');
        }
        Path file = dir.resolve("films.csv");
        Files.writeString(file, csv);

        List<Alert> alerts = new ProfilePipeline(EngineConfig.defaults())
                .read(file, ProgressListener.NONE)
                .profile()
                .alerts();

        Alert missing = alerts.stream()
                .filter(a -> a.type() == AlertType.MISSING && a.column().equals(Optional.of("title")))
                .findFirst()
                .orElseThrow();
        assertThat(missing.suggestedAction()).isEmpty();
        assertThat(missing.message()).contains("no value can stand in for the missing ones");
        assertThat(alerts)
                .noneMatch(a -> a.suggestedAction()
                        .map(s -> s.params().get("strategy"))
                        .filter("mode"::equals)
                        .isPresent());
    }
}
