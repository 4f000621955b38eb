package dev.assay.runner.pod;

import dev.assay.model.plan.Plan;
import dev.assay.model.plan.validation.PlanReader;
import dev.assay.model.plan.validation.PlanValidationException;
import dev.assay.model.protocol.RunnerArgs;
import dev.assay.model.protocol.RunnerEnv;
import dev.assay.model.protocol.RunnerExit;
import dev.assay.model.status.TaskKind;
import dev.assay.runner.storage.ArtifactKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code runner apply-run --job-id J --run-id R --source KEY}: what an AssistantRun's pod runs
 * ({@link RunnerArgs#applyRun}). The plan comes from the environment variable ASSAY_PLAN (set once in the Job, so a
 * later change to the custom resource cannot change a started run) or from --plan-file.
 */
@Command(
        name = RunnerArgs.APPLY_RUN,
        mixinStandardHelpOptions = true,
        description = {
            "Apply a plan to dataset JOB-ID as run RUN-ID (pod mode).",
            "Stores from the environment as for profile-job; the plan from ASSAY_PLAN or --plan-file."
        },
        exitCodeListHeading = "%nExit codes (RunnerExit):%n",
        exitCodeList = {
            "0:applied",
            "1:failed unexpectedly (tried again)",
            "2:wrong usage",
            "3:the plan was refused",
            "4:the source does not exist",
            "5:the file cannot be used",
            "6:a store could not be reached (tried again)"
        })
public final class ApplyRunCommand implements Callable<Integer> {

    private final java.util.Map<String, String> env;

    public ApplyRunCommand() {
        this(System.getenv());
    }

    /** With an explicit environment (tests). */
    ApplyRunCommand(java.util.Map<String, String> env) {
        this.env = env;
    }

    @Option(names = RunnerArgs.JOB_ID, required = true, description = "The dataset's id (the DatasetJob's name).")
    String jobId;

    @Option(names = RunnerArgs.RUN_ID, required = true, description = "The run's id (the AssistantRun's name).")
    String runId;

    @Option(names = RunnerArgs.SOURCE, required = true, description = "Artifact key of the dataset's CSV.")
    String source;

    @Option(names = RunnerArgs.RUN_NAME, description = "A name for people.")
    String runName;

    @Option(
            names = RunnerArgs.KEEP_DUPLICATES,
            description = "Keep exact duplicate rows, as the dataset's profile did.")
    boolean keepDuplicates;

    @Option(names = RunnerArgs.PLAN_FILE, description = "Read the plan from this file instead of ASSAY_PLAN.")
    Path planFile;

    @Override
    public Integer call() throws IOException {
        if (!ArtifactKeys.isId(jobId) || !ArtifactKeys.isId(runId)) {
            System.err.println("error: job and run ids are lowercase letters, digits and '-', at most 63");
            return RunnerExit.USAGE.code();
        }
        String json = planFile != null ? Files.readString(planFile) : env.get(RunnerEnv.PLAN);
        if (json == null || json.isBlank()) {
            System.err.println("error: no plan: set " + RunnerEnv.PLAN + " or pass " + RunnerArgs.PLAN_FILE);
            return RunnerExit.USAGE.code();
        }
        String name = runName == null ? runId : runName;
        System.err.println("apply-run " + runId + " on dataset " + jobId + ": source " + source);
        PodTask task = PodTask.open(env);
        Plan plan;
        try {
            plan = PlanReader.read(json);
        } catch (PlanValidationException e) {
            task.refuse(runId, TaskKind.RUN, jobId, name, "the plan cannot be read: " + e.getMessage());
            return RunnerExit.PLAN_REFUSED.code();
        }
        Optional<RunnerExit> missing = task.checkSource(runId, TaskKind.RUN, jobId, name, source);
        if (missing.isPresent()) {
            return missing.get().code();
        }
        return PodTask.exitCode(task.runner(!keepDuplicates).apply(jobId, runId, source, plan, name));
    }
}
