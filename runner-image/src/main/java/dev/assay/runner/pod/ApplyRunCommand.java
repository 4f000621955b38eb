package dev.assay.runner.pod;

import dev.assay.model.plan.Plan;
import dev.assay.model.plan.PlanReader;
import dev.assay.model.plan.validation.PlanValidationException;
import dev.assay.runner.storage.ArtifactKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code runner apply-run --job-id J --run-id R --source KEY}: what an AssistantRun's pod runs. The plan comes
 * from the environment variable ASSAY_PLAN (set once in the Job, so a later change to the custom resource cannot
 * change a started run) or from --plan-file.
 */
@Command(name = "apply-run", mixinStandardHelpOptions = true,
        description = {"Apply a plan to dataset JOB-ID as run RUN-ID (pod mode).",
                "Stores from the environment as for profile-job; the plan from ASSAY_PLAN or --plan-file."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:applied", "3:the plan or the data cannot be used (the reason is in the status)", "1:failed"})
public final class ApplyRunCommand implements Callable<Integer> {

    private final java.util.Map<String, String> env;

    public ApplyRunCommand() {
        this(System.getenv());
    }

    /** With an explicit environment (tests). */
    ApplyRunCommand(java.util.Map<String, String> env) {
        this.env = env;
    }

    @Option(names = "--job-id", required = true, description = "The dataset's id (the DatasetJob's name).")
    String jobId;

    @Option(names = "--run-id", required = true, description = "The run's id (the AssistantRun's name).")
    String runId;

    @Option(names = "--source", required = true, description = "Artifact key of the dataset's CSV.")
    String source;

    @Option(names = "--run-name", description = "A name for people.")
    String runName;

    @Option(names = "--plan-file", description = "Read the plan from this file instead of ASSAY_PLAN.")
    Path planFile;

    @Override
    public Integer call() throws IOException {
        if (!ArtifactKeys.isId(jobId) || !ArtifactKeys.isId(runId)) {
            System.err.println("error: job and run ids are lowercase letters, digits and '-', at most 63");
            return 2;
        }
        String json = planFile != null ? Files.readString(planFile) : env.get("ASSAY_PLAN");
        if (json == null || json.isBlank()) {
            System.err.println("error: no plan: set ASSAY_PLAN or pass --plan-file");
            return 2;
        }
        Plan plan;
        try {
            plan = PlanReader.read(json);
        } catch (PlanValidationException e) {
            System.err.println("error: the plan cannot be read: " + e.getMessage());
            return PodTask.REFUSED;
        }
        return PodTask.exitCode(PodTask.runner(env)
                .apply(jobId, runId, source, plan, runName == null ? runId : runName));
    }
}
