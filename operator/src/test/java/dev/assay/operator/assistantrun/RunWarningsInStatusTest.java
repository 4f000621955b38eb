package dev.assay.operator.assistantrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.crd.assistantrun.AssistantRun;
import dev.assay.model.crd.assistantrun.AssistantRunStatus;
import dev.assay.model.crd.assistantrun.RunWarning;
import dev.assay.model.crd.common.Phase;
import dev.assay.model.plan.validation.PlanReader;
import dev.assay.model.plan.validation.PlanWarning;
import dev.assay.model.plan.validation.PlanWarning.Severity;
import dev.assay.model.result.Comparison;
import dev.assay.model.result.RunResult;
import dev.assay.model.status.TaskKind;
import dev.assay.model.status.TaskStatus;
import dev.assay.operator.Resources;
import dev.assay.operator.lifecycle.RunState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The plan's semantic warnings reach the AssistantRun's status: step, column, numbers and what would be better. */
class RunWarningsInStatusTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private static AssistantRunStatus statusAfter(List<PlanWarning> warnings) {
        AssistantRun run = Resources.assistantRun("team-a", "seed", "titanic", Resources.SEED_PLAN);
        RunResult result = new RunResult(
                PlanReader.read(Resources.SEED_PLAN),
                List.of(),
                Optional.empty(),
                new Comparison(
                        new Comparison.Side(891, 12, 866, 3), new Comparison.Side(891, 13, 0, 1), List.of(), List.of()),
                List.of("cleaned.csv"),
                5,
                warnings);
        TaskStatus done =
                TaskStatus.queued("seed", TaskKind.RUN, "titanic", "seed", NOW).applied(result, NOW);
        RunState succeeded = RunState.initial().phase(Phase.Succeeded, "done");
        return new AssistantRunWorkload(null, null).status(run, succeeded, Optional.of(done));
    }

    private static PlanWarning warning(int step, Severity severity, String column) {
        return new PlanWarning(
                step,
                "impute",
                column,
                severity,
                "fills_target",
                "fills 177 of 891 missing values (19.9 %) of " + column + " with the median 28",
                "drop the rows instead");
    }

    @Test
    void everyWarningIsListedWithItsStepColumnNumbersAndAlternative() {
        AssistantRunStatus status =
                statusAfter(List.of(warning(0, Severity.WARNING, "Age"), warning(2, Severity.CRITICAL, "Survived")));

        assertThat(status.warningCount()).isEqualTo(2);
        assertThat(status.warnings())
                .extracting(RunWarning::step, RunWarning::column, RunWarning::severity)
                .as("most severe first")
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "Survived", "critical"),
                        org.assertj.core.groups.Tuple.tuple(0, "Age", "warning"));
        assertThat(status.warnings().getFirst().message())
                .contains("177 of 891")
                .contains("19.9 %");
        assertThat(status.warnings().getFirst().alternative()).isEqualTo("drop the rows instead");
        assertThat(status.warnings().getFirst().code()).isEqualTo("fills_target");
    }

    @Test
    void theListIsBoundedButTheCountIsTheTotal() {
        AssistantRunStatus status = statusAfter(IntStream.range(0, 45)
                .mapToObj(i -> warning(i, Severity.INFO, "c" + i))
                .toList());

        assertThat(status.warningCount()).isEqualTo(45);
        assertThat(status.warnings()).hasSize(AssistantRunStatus.MAX_WARNINGS);
        assertThat(status.warnings().getFirst().step()).isZero();
    }

    @Test
    void aRunWithoutWarningsSaysZero() {
        AssistantRunStatus status = statusAfter(List.of());

        assertThat(status.warningCount()).isZero();
        assertThat(status.warnings()).isEmpty();
    }
}
