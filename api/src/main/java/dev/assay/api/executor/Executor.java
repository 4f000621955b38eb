package dev.assay.api.executor;

/**
 * Runs the data work somewhere: in this process ({@link dev.assay.api.executor.local.LocalExecutor}, the
 * default) or as Kubernetes custom resources that the operator turns into Jobs
 * ({@code dev.assay.api.executor.kubernetes}, selected by {@code assay.executor=kubernetes}).
 *
 * <p>The contract is the same for both. Before {@code submit…} is called, the api has stored the task's inputs
 * under their artifact keys ({@code {job_id}/source.csv}; {@code {job_id}/runs/{run_id}/plan.json}) and written
 * the task's {@code queued} status record. The executor then owns the task: whoever runs the engine moves the
 * status through running to done or failed (the local executor itself; a runner pod on Kubernetes, with the
 * operator marking it failed if the pod dies) and stores the outputs under the task's artifact keys.
 * {@code submit…} returns quickly: it never waits for the work.
 */
public interface Executor {

    /** Profiles an uploaded dataset: writes {@code profile.json}, {@code report.html}, {@code cleaned.csv}. */
    void submitProfile(ProfileTask task);

    /** Applies a validated plan to a profiled dataset's {@code cleaned.csv}: writes the run's artifacts. */
    void submitRun(RunTask task);

    /**
     * Whether a task submitted now would be accepted. Checked before a large upload is stored, so that a full
     * queue is answered at once; {@code submit…} may still refuse with {@link ExecutorBusyException}.
     */
    default boolean hasCapacity() {
        return true;
    }
}
