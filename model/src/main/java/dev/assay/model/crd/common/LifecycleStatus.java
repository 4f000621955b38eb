package dev.assay.model.crd.common;

import java.util.List;

/**
 * The lifecycle part shared by the status of both kinds (DatasetJob, AssistantRun): phase, conditions, the Job, its
 * times, the runner's progress and a message. Each status record implements it and adds its kind's results; the
 * descriptions the CRDs show for these fields are declared here once and used by both records.
 */
public interface LifecycleStatus {

    String PHASE = "Pending (waiting for its prerequisites, or for its pod: the message has the scheduler's reason), "
            + "Running (the runner container runs), Succeeded or Failed.";
    String CONDITIONS = "Conditions (types: Valid, Ready, JobCreated, Running, Retrying, Complete, Failed, "
            + "SpecChanged, Reconciled); the Failed condition's reason says why and whether it was tried again.";
    String OBSERVED_GENERATION =
            "The generation of the spec this run uses; a later change does not alter a started run.";
    String JOB_NAME = "Name of the batch/v1 Job that runs the runner (of the latest attempt).";
    String START_TIME = "When the Job started (RFC 3339).";
    String COMPLETION_TIME = "When it succeeded or failed (RFC 3339).";
    String PROGRESS = "Progress reported by the runner, 0 to 100.";
    String STAGE = "What the runner is doing now.";
    String MESSAGE = "Why it failed, or what it is waiting for, in words a person can act on.";

    Phase phase();

    List<Condition> conditions();

    Long observedGeneration();

    String jobName();

    String startTime();

    String completionTime();

    Integer progress();

    String stage();

    String message();
}
