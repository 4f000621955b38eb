package dev.assay.model.crd.common;

/**
 * The reasons of conditions and of the Kubernetes Events the operator records: one word each, CamelCase, so
 * {@code kubectl describe} and alerts can match them.
 */
public enum Reason {
    SpecAccepted(false),
    InvalidSpec(true),
    DatasetNotFound(false),
    DatasetNotReady(false),
    DatasetFailed(true),
    DatasetReady(false),
    JobCreated(false),
    /** The Job has no pod yet. */
    PodPending(false),
    /** The scheduler cannot place the pod (e.g. Insufficient memory). */
    Unschedulable(true),
    /** The pod is placed; its container is not running yet (image, volumes). */
    ContainerWaiting(false),
    RunnerStarted(false),
    Succeeded(false),
    /** The runner reported a failure although its process ended normally. */
    RunnerFailed(true),
    /** The run took longer than its activeDeadlineSeconds. */
    DeadlineExceeded(true),
    PlanRefused(true),
    SourceMissing(true),
    BadInput(true),
    UsageError(true),
    OutOfMemory(true),
    /** An attempt failed for a reason of the machinery; another attempt was started. */
    InfrastructureFailure(true),
    /** Failed for reasons of the machinery on every allowed attempt. */
    RetriesExhausted(true),
    JobMissing(true),
    SpecChangedAfterStart(true),
    Reconciled(false),
    RetryingAfterError(true),
    GaveUp(true),
    /** A finished run's Jobs and pods were removed after their time to live. */
    JobsRemoved(false);

    private final boolean warning;

    Reason(boolean warning) {
        this.warning = warning;
    }

    /** Whether an Event with this reason is of type Warning (else Normal). */
    public boolean warning() {
        return warning;
    }
}
