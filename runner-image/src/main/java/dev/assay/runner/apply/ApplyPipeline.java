package dev.assay.runner.apply;

import dev.assay.model.dataset.DatasetSchema;
import dev.assay.model.json.Json;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.validation.PlanValidator;
import dev.assay.model.plan.validation.ValidatedPlan;
import dev.assay.model.profile.Profile;
import dev.assay.model.result.Comparison;
import dev.assay.model.result.RunResult;
import dev.assay.runner.core.ApplyOutcome;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.ProgressListener;
import dev.assay.runner.table.CsvExport;
import dev.assay.runner.training.ModelFile;
import dev.assay.runner.training.TrainedModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tech.tablesaw.api.Table;

/**
 * Applies a plan to a CSV: read it, profile it, validate the plan against that profile's schema (nothing runs
 * and nothing is written when the plan is invalid), run each step with its log, profile the result, and write
 * the run's files. Files are written to a staging folder beside the output and moved in only when all of them
 * are complete, so a failure halfway leaves no half-written run behind.
 */
public final class ApplyPipeline {

    public static final String CLEANED_CSV = "cleaned.csv";
    public static final String PROFILE_JSON = "profile.json";
    public static final String REPORT_HTML = "report.html";
    public static final String RESULT_JSON = "result.json";
    public static final String PLAN_JSON = "plan.json";
    public static final String METRICS_JSON = "metrics.json";
    public static final String MODEL_BIN = "model.bin";

    /** The parts of the engine this pipeline uses but does not own: reading, profiling and the report. */
    public interface Stages {

        /** A CSV as read, and its profile (with what reading it taught: stray values, duplicates dropped). */
        record Input(Table table, Profile profile) {}

        /**
         * Reads and profiles the CSV, as the profile step does; throws
         * {@link dev.assay.runner.core.InputException} for a file that cannot be used.
         */
        Input read(Path csv, ProgressListener progress);

        /** Profiles a table that a plan produced. */
        Profile profile(Table table, String source);

        /** report.html of a profile, with the run section (the model of run.ftlh) when there is one. */
        String report(Profile profile, Optional<Map<String, Object>> runSection);
    }

    private final EngineConfig config;
    private final Stages stages;

    public ApplyPipeline(EngineConfig config, Stages stages) {
        this.config = config;
        this.stages = stages;
    }

    /**
     * @throws dev.assay.model.plan.validation.PlanValidationException when the plan does not fit the data
     * @throws dev.assay.runner.core.InputException when the data cannot be used as the plan asks
     */
    public ApplyOutcome run(Path csv, Plan plan, Path outDir, ProgressListener progress) {
        long start = System.nanoTime();
        if (config.streams(csv)) {
            // A plan works on the whole table in memory: a file above the threshold would not fit.
            throw new dev.assay.runner.core.InputException(
                    csv.getFileName().toString(),
                    "is larger than the "
                            + "streaming threshold (" + config.streamAboveBytes()
                            + " bytes), so it was profiled in streaming "
                            + "mode and a plan cannot be applied to it: apply the plan to a smaller extract of the file, or "
                            + "raise the threshold (" + EngineConfig.STREAM_ABOVE_PROPERTY
                            + ") on a machine with more memory");
        }
        Stages.Input input = stages.read(csv, progress.slice(0, 15));
        Table table = input.table();
        Profile before = input.profile();
        DatasetSchema schema = before.schema();
        ValidatedPlan validated = PlanValidator.validate(plan, schema);

        PlanRunner.Outcome outcome = new PlanRunner(config).run(table, validated, schema, progress.slice(15, 85));
        progress.update(86, "profiling the result");
        Profile after = stages.profile(outcome.table(), CLEANED_CSV);
        Comparison comparison = Comparisons.of(before, after, outcome.steps());

        List<String> artifacts =
                new ArrayList<>(List.of(CLEANED_CSV, PROFILE_JSON, REPORT_HTML, RESULT_JSON, PLAN_JSON));
        outcome.model().ifPresent(m -> artifacts.addAll(List.of(METRICS_JSON, MODEL_BIN)));
        RunResult result = new RunResult(
                plan,
                outcome.steps(),
                outcome.model().map(TrainedModel::report),
                comparison,
                artifacts,
                (System.nanoTime() - start) / 1_000_000,
                validated.warnings());

        progress.update(92, "writing the results");
        write(outDir, staging -> {
            CsvExport.write(outcome.table(), staging.resolve(CLEANED_CSV), config.neutraliseFormulas());
            Files.writeString(staging.resolve(PROFILE_JSON), Json.writePretty(after));
            Files.writeString(
                    staging.resolve(REPORT_HTML), stages.report(after, Optional.of(RunSection.model(result))));
            Files.writeString(staging.resolve(RESULT_JSON), Json.writePretty(result));
            Files.writeString(staging.resolve(PLAN_JSON), Json.writePretty(plan));
            if (outcome.model().isPresent()) {
                Files.writeString(
                        staging.resolve(METRICS_JSON),
                        Json.writePretty(outcome.model().get().report()));
                ModelFile.write(outcome.model().get().model(), staging.resolve(MODEL_BIN));
            }
        });
        progress.update(100, "done");
        return new ApplyOutcome(result, after, outDir);
    }

    @FunctionalInterface
    private interface Writer {
        void writeTo(Path staging) throws IOException;
    }

    private static void write(Path outDir, Writer writer) {
        Path staging = null;
        try {
            Files.createDirectories(outDir);
            staging = Files.createTempDirectory(outDir, ".writing-");
            writer.writeTo(staging);
            try (Stream<Path> files = Files.list(staging)) {
                for (Path file : files.toList()) {
                    Path target = outDir.resolve(file.getFileName().toString());
                    try {
                        Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run's files to " + outDir, e);
        } finally {
            if (staging != null) {
                deleteQuietly(staging);
            }
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover hidden staging folder holds no result
        }
    }
}
