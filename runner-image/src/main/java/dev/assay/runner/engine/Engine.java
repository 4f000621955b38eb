package dev.assay.runner.engine;

import dev.assay.model.plan.Plan;
import dev.assay.runner.apply.ApplyPipeline;
import dev.assay.runner.core.ApplyOutcome;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.InputException;
import dev.assay.runner.core.ProfileOutcome;
import dev.assay.runner.core.ProgressListener;
import dev.assay.runner.profile.ProfilePipeline;
import dev.assay.runner.source.SourceOptions;
import java.nio.file.Path;

/**
 * The one entry point to the data work, used in-process by the api on a laptop and by the runner CLI in
 * a pod: nothing about the work differs between the two.
 */
public final class Engine {

    private final EngineConfig config;

    public Engine(EngineConfig config) {
        this.config = config;
    }

    /**
     * Ingests a CSV and profiles it. Writes {@code profile.json}, {@code report.html} and {@code cleaned.csv}
     * (exact duplicates dropped) into {@code outDir}.
     *
     * @throws InputException when the file cannot be read as a CSV within the configured limits
     */
    public ProfileOutcome profile(Path csv, Path outDir, ProgressListener progress) {
        return profile(csv, outDir, progress, SourceOptions.none());
    }

    /** Profiles a source of any readable format, with the sheet or encoding the person chose. */
    public ProfileOutcome profile(Path source, Path outDir, ProgressListener progress, SourceOptions options) {
        return new ProfilePipeline(config, options).run(source, outDir, progress);
    }

    /**
     * Applies a plan to a CSV (normally the job's cleaned.csv). Validates it first: nothing is written when
     * the plan is invalid. Writes {@code cleaned.csv}, {@code profile.json}, {@code report.html},
     * {@code result.json}, {@code plan.json} and, when the plan trains a model, {@code model.bin} and
     * {@code metrics.json} into {@code outDir}.
     *
     * @throws dev.assay.model.plan.validation.PlanValidationException when the plan is invalid for this data
     * @throws InputException when the data cannot be used as the plan asks
     */
    public ApplyOutcome apply(Path csv, Plan plan, Path outDir, ProgressListener progress) {
        return apply(csv, plan, outDir, progress, SourceOptions.none());
    }

    /** Applies a plan to a source read with the same sheet and encoding as when it was profiled. */
    public ApplyOutcome apply(Path source, Plan plan, Path outDir, ProgressListener progress, SourceOptions options) {
        return new ApplyPipeline(config, new ProfilePipeline(config, options)).run(source, plan, outDir, progress);
    }
}
