package dev.assay.api.jobs;

import dev.assay.api.executor.Executor;
import dev.assay.api.metadata.Metadata;
import dev.assay.model.plan.Plan;
import dev.assay.model.result.RunResult;
import dev.assay.model.status.TaskState;
import dev.assay.model.status.TaskStatus;
import dev.assay.runner.storage.StatusStore;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Builds the answers of the jobs endpoints from status records; links point at the artifacts endpoint. */
@Component
public class JobViews {

    public static final String API = "/api/v1";

    private final StatusStore statuses;
    private final Jobs jobs;
    private final Metadata metadata;
    private final Executor executor;

    public JobViews(StatusStore statuses, Jobs jobs, Metadata metadata, Executor executor) {
        this.statuses = statuses;
        this.jobs = jobs;
        this.metadata = metadata;
        this.executor = executor;
    }

    public static String statusUrl(String jobId) {
        return API + "/jobs/" + jobId + "/status";
    }

    public static String artifactUrl(String jobId, String name) {
        return API + "/artifacts/" + jobId + "/" + name;
    }

    public JobStatusView status(TaskStatus job) {
        return status(job, statuses.runsOf(job.id()));
    }

    /** @param runTasks the job's runs, newest first */
    public JobStatusView status(TaskStatus job, List<TaskStatus> runTasks) {
        List<RunView> runs = runTasks.stream().map(this::run).toList();
        boolean done = job.status() == TaskState.DONE;
        return new JobStatusView(
                job.id(),
                job.name(),
                job.status(),
                job.progress(),
                job.stage(),
                job.error().orElse(null),
                job.createdAt(),
                job.updatedAt(),
                artifactUrl(job.id(), "source.csv"),
                done ? artifactUrl(job.id(), "report.html") : null,
                done ? artifactUrl(job.id(), "cleaned.csv") : null,
                done ? artifactUrl(job.id(), "profile.json") : null,
                job.profile().orElse(null),
                runs.isEmpty() ? null : runs.getFirst(),
                runs);
    }

    public JobListItem listItem(TaskStatus job) {
        return new JobListItem(
                job.id(),
                job.name(),
                job.status(),
                job.progress(),
                job.stage(),
                job.error().orElse(null),
                job.createdAt(),
                job.updatedAt(),
                job.profile().map(p -> p.rows()).orElse(null),
                job.profile().map(p -> p.columns()).orElse(null),
                job.profile()
                        .filter(p -> p.sourceBytes().isPresent())
                        .map(p -> p.sourceBytes().getAsLong())
                        .orElse(null),
                statusUrl(job.id()));
    }

    public RunView run(TaskStatus run) {
        String base = "runs/" + run.id() + "/";
        Optional<RunResult> result = run.result();
        boolean done = run.status() == TaskState.DONE && result.isPresent();
        boolean model = done && result.get().model().isPresent();
        // A finished run carries its plan in the result; for one still waiting, its plan.json tells.
        Plan plan = result.map(RunResult::plan)
                .orElseGet(() -> jobs.planOf(run.jobId(), run.id()).orElse(null));
        return new RunView(
                run.id(),
                run.jobId(),
                run.name(),
                run.status(),
                run.progress(),
                run.stage(),
                run.error().orElse(null),
                run.createdAt(),
                run.updatedAt(),
                done ? artifactUrl(run.jobId(), base + "report.html") : null,
                done ? artifactUrl(run.jobId(), base + "cleaned.csv") : null,
                done ? artifactUrl(run.jobId(), base + "profile.json") : null,
                model ? artifactUrl(run.jobId(), base + "metrics.json") : null,
                model ? artifactUrl(run.jobId(), base + "model.bin") : null,
                artifactUrl(run.jobId(), base + "plan.json"),
                plan,
                result.map(RunResult::actionsApplied).orElse(0),
                result.orElse(null),
                origin(run.id()));
    }

    /**
     * The api records every run it starts before the run is queued, so a run the database does not know was not
     * started through Assay: the executor may name the program that made it (an AssistantRun created with kubectl).
     */
    RunOrigin origin(String runId) {
        return metadata.run(runId).map(RunOrigin::of).orElseGet(() -> RunOrigin.outside(executor.creator(runId)));
    }
}
