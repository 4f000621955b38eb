package dev.assay.runner.storage;

import dev.assay.model.dataset.ColumnType;
import dev.assay.model.dataset.VariableKind;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.params.ActionType;
import dev.assay.model.plan.params.ModelAlgorithm;
import dev.assay.model.plan.params.ModelTask;
import dev.assay.model.profile.Alert;
import dev.assay.model.profile.AlertSeverity;
import dev.assay.model.profile.AlertType;
import dev.assay.model.profile.ProfileSummary;
import dev.assay.model.result.Comparison;
import dev.assay.model.result.Metrics;
import dev.assay.model.result.ModelReport;
import dev.assay.model.result.RunResult;
import dev.assay.model.result.StepLog;
import dev.assay.model.status.TaskKind;
import dev.assay.model.status.TaskStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Status records as the engine's callers write them, with every nested part filled in. */
final class StatusSamples {

    static final Instant T0 = Instant.parse("2026-11-24T15:00:00.123456Z");

    private StatusSamples() {}

    static TaskStatus queuedProfile(String jobId, Instant createdAt) {
        return TaskStatus.queued(jobId, TaskKind.PROFILE, jobId, "titanic.csv", createdAt);
    }

    static TaskStatus queuedRun(String jobId, String runId, Instant createdAt) {
        return TaskStatus.queued(runId, TaskKind.RUN, jobId, "impute and train", createdAt);
    }

    static ProfileSummary summary() {
        Alert alert = new Alert(
                AlertType.values()[0],
                AlertSeverity.values()[0],
                Optional.of("Age"),
                "Age is missing in 177 rows (19.9 %)",
                Optional.of(new PlanStep(ActionType.IMPUTE, Map.of("strategy", "median", "columns", List.of("Age")))));
        return new ProfileSummary(
                891,
                12,
                866,
                0.081,
                0,
                Map.of(VariableKind.NUMERIC, 6, VariableKind.CATEGORICAL, 3),
                List.of(new ProfileSummary.VariableSummary("Age", VariableKind.NUMERIC, ColumnType.DECIMAL, 177, 88)),
                List.of(alert));
    }

    static RunResult result() {
        Plan plan = new Plan(
                "Impute, encode, train.",
                List.of(
                        new PlanStep(ActionType.IMPUTE, Map.of("strategy", "median", "columns", List.of())),
                        new PlanStep(ActionType.TRAIN_MODEL, Map.of("target", "Survived", "model", "random_forest"))));
        StepLog step = new StepLog(
                0,
                ActionType.IMPUTE,
                Map.of("strategy", "median", "columns", List.of("Age")),
                891,
                891,
                12,
                12,
                177,
                866,
                689,
                List.of(),
                List.of(),
                List.of("a warning"),
                4);
        ModelReport model = new ModelReport(
                ModelTask.CLASSIFICATION,
                ModelAlgorithm.RANDOM_FOREST,
                "Survived",
                List.of("Pclass", "Age"),
                List.of(new ModelReport.FeatureNote("Name", "identifier-like")),
                List.of(),
                712,
                179,
                42,
                5,
                "accuracy",
                new Metrics(
                        Map.of("accuracy", 0.82),
                        Optional.of(new Metrics.ConfusionMatrix(
                                List.of("0", "1"), List.of(List.of(100L, 10L), List.of(22L, 47L))))),
                Map.of("accuracy", new ModelReport.MeanStd(0.81, 0.02)),
                new Metrics(Map.of("accuracy", 0.61), Optional.empty()),
                List.of(new ModelReport.FeatureImportance("Age", 0.3)),
                List.of(new ModelReport.LeaderboardEntry(
                        ModelAlgorithm.RANDOM_FOREST, new ModelReport.MeanStd(0.81, 0.02), 900)),
                List.of(),
                950);
        return new RunResult(
                plan,
                List.of(step),
                Optional.of(model),
                new Comparison(
                        new Comparison.Side(891, 12, 866, 3),
                        new Comparison.Side(891, 12, 0, 1),
                        List.of("missing Age"),
                        List.of()),
                List.of("report.html", "cleaned.csv", "model.bin", "metrics.json"),
                1200);
    }
}
