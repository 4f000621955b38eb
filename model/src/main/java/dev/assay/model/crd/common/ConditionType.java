package dev.assay.model.crd.common;

/**
 * The condition types the operator writes on a DatasetJob or AssistantRun, and nothing else: {@code kubectl explain}
 * and the CRD's descriptions list exactly these.
 */
public enum ConditionType {
    /** The spec passed the operator's checks. */
    Valid,
    /** What the run needs exists (an AssistantRun's DatasetJob has succeeded). */
    Ready,
    /** The runner's Job was created. */
    JobCreated,
    /** The runner container is running. */
    Running,
    /** An attempt failed for a reason of the machinery and another was started (or none is left). */
    Retrying,
    /** The run succeeded. */
    Complete,
    /** The run failed; the reason says why and whether it was tried again. */
    Failed,
    /** The spec changed after the run started; the run keeps its original spec. */
    SpecChanged,
    /** The operator's last reconciliation succeeded, or failed and is retried. */
    Reconciled
}
