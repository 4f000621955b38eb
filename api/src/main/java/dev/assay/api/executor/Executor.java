package dev.assay.api.executor;

/**
 * Runs the data work somewhere: in this process ({@link dev.assay.api.executor.local.LocalExecutor}, the
 * default) or as Kubernetes custom resources that the operator turns into Jobs
 * ({@code dev.assay.api.executor.kubernetes}, selected by {@code assay.executor=kubernetes}).
 *
 * <p>The contract is the same for both. The api first {@link #reserve reserves} room for the task, so a busy
 * executor is answered before anything is stored; then it stores the task's inputs under their artifact keys
 * ({@code {job_id}/source.csv}; {@code {job_id}/runs/{run_id}/plan.json}), writes the task's {@code queued}
 * status record and submits through the reservation. The executor then owns the task: whoever runs the engine
 * moves the status through running to done or failed (the local executor itself; a runner pod on Kubernetes,
 * with the operator marking it failed if the pod dies) and stores the outputs under the task's artifact keys.
 * Submitting returns quickly: it never waits for the work.
 */
public interface Executor {

    /**
     * Holds room for one task until it is submitted through the reservation or the reservation is closed.
     *
     * @throws ExecutorBusyException at once when there is no room
     */
    Reservation reserve();

    /** Profiles an uploaded dataset: writes {@code profile.json}, {@code report.html}, {@code cleaned.csv}. */
    default void submitProfile(ProfileTask task) {
        try (Reservation room = reserve()) {
            room.submitProfile(task);
        }
    }

    /** Applies a validated plan to a profiled dataset's uploaded {@code source.csv}: writes the run's artifacts. */
    default void submitRun(RunTask task) {
        try (Reservation room = reserve()) {
            room.submitRun(task);
        }
    }

    /**
     * Forgets what the executor keeps of a deleted dataset (all its runs) or of one deleted run: on Kubernetes its
     * custom resources, so {@code kubectl get} no longer lists what a person deleted. The local executor keeps
     * nothing beyond the stores.
     */
    default void forget(String jobId, java.util.Optional<String> runId) {}

    /**
     * Who created a run the api did not start, when the executor can tell: on Kubernetes, the client (field manager)
     * that wrote an AssistantRun's spec, such as {@code kubectl-client-side-apply}, and the Kubernetes user when the
     * admission webhook recorded one. Empty when nothing tells, as for the local executor, which runs only what the
     * api gives it.
     */
    default java.util.Optional<Creator> creator(String runId) {
        return java.util.Optional.empty();
    }

    /**
     * Room for one task. Submitting uses it up; closing an unused one gives the room back, so a request that
     * fails between reserving and submitting (a store error, a refused plan) leaves the executor as it was.
     */
    interface Reservation extends AutoCloseable {

        /** @throws ExecutorBusyException when the executor cannot start it after all (e.g. the cluster refused) */
        void submitProfile(ProfileTask task);

        void submitRun(RunTask task);

        @Override
        void close();
    }
}
