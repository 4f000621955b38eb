package dev.assay.model.status;

import dev.assay.model.profile.ProfileSummary;
import dev.assay.model.result.RunResult;
import java.time.Instant;
import java.util.Optional;

/**
 * The status record, keyed by task id, written by whoever runs the engine (the api's local executor or a
 * runner pod) and read by the api and the operator. Redis in production, memory on a laptop.
 *
 * @param jobId    the dataset's job id (equal to id for a profile task)
 * @param name     the file name for a profile, the run name for a run
 * @param progress 0 to 100
 * @param stage    what is happening now, in a few words
 * @param error    why it failed, in words a person can act on
 * @param profile  profile tasks, when done
 * @param result   run tasks, when done
 */
public record TaskStatus(
        String id,
        TaskKind kind,
        String jobId,
        String name,
        TaskState status,
        int progress,
        String stage,
        Optional<String> error,
        Instant createdAt,
        Instant updatedAt,
        Optional<ProfileSummary> profile,
        Optional<RunResult> result) {

    public static TaskStatus queued(String id, TaskKind kind, String jobId, String name, Instant now) {
        return new TaskStatus(
                id,
                kind,
                jobId,
                name,
                TaskState.QUEUED,
                0,
                "queued",
                Optional.empty(),
                now,
                now,
                Optional.empty(),
                Optional.empty());
    }

    public TaskStatus progress(int percent, String newStage, Instant now) {
        return new TaskStatus(
                id,
                kind,
                jobId,
                name,
                TaskState.RUNNING,
                Math.max(progress, Math.min(100, percent)),
                newStage,
                Optional.empty(),
                createdAt,
                now,
                profile,
                result);
    }

    public TaskStatus profiled(ProfileSummary summary, Instant now) {
        return new TaskStatus(
                id,
                kind,
                jobId,
                name,
                TaskState.DONE,
                100,
                "done",
                Optional.empty(),
                createdAt,
                now,
                Optional.of(summary),
                result);
    }

    public TaskStatus applied(RunResult runResult, Instant now) {
        return new TaskStatus(
                id,
                kind,
                jobId,
                name,
                TaskState.DONE,
                100,
                "done",
                Optional.empty(),
                createdAt,
                now,
                profile,
                Optional.of(runResult));
    }

    public TaskStatus failed(String reason, Instant now) {
        return new TaskStatus(
                id,
                kind,
                jobId,
                name,
                TaskState.FAILED,
                progress,
                stage,
                Optional.of(reason),
                createdAt,
                now,
                profile,
                result);
    }

    /**
     * Fails a task that nothing will finish (its process stopped or died), saying what the person can do: a
     * profile can only be uploaded again, a run applied again.
     */
    public TaskStatus abandoned(String why, Instant now) {
        return failed(withAdvice(why), now);
    }

    /** A reason followed by what the person can do about this kind of task. */
    public String withAdvice(String why) {
        return why + "; " + (kind == TaskKind.PROFILE ? "upload the file again" : "apply the plan again");
    }
}
