package dev.assay.operator.lifecycle;

import dev.assay.model.crd.common.Condition;
import dev.assay.model.crd.common.ConditionType;
import dev.assay.model.crd.common.Conditions;
import dev.assay.model.crd.common.LifecycleStatus;
import dev.assay.model.crd.common.Phase;
import dev.assay.model.crd.common.Reason;
import java.time.Instant;
import java.util.List;

/** The part of a DatasetJob's or AssistantRun's status that the lifecycle drives; the kind adds its results. */
public record RunState(
        Phase phase,
        List<Condition> conditions,
        Long observedGeneration,
        String jobName,
        String startTime,
        String completionTime,
        Integer progress,
        String stage,
        String message) {

    public RunState {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /** The lifecycle part of a resource's status, or the initial state when it has none yet. */
    public static RunState of(LifecycleStatus status) {
        return status == null
                ? initial()
                : new RunState(
                        status.phase() == null ? Phase.Pending : status.phase(),
                        status.conditions(),
                        status.observedGeneration(),
                        status.jobName(),
                        status.startTime(),
                        status.completionTime(),
                        status.progress(),
                        status.stage(),
                        status.message());
    }

    public static RunState initial() {
        return new RunState(Phase.Pending, List.of(), null, null, null, null, 0, "waiting", null);
    }

    public RunState phase(Phase newPhase, String newMessage) {
        return new RunState(
                newPhase,
                conditions,
                observedGeneration,
                jobName,
                startTime,
                completionTime,
                progress,
                stage,
                newMessage);
    }

    public RunState condition(ConditionType type, boolean status, Reason reason, String text, Instant now) {
        return new RunState(
                phase,
                Conditions.with(conditions, type, status, reason, text, now),
                observedGeneration,
                jobName,
                startTime,
                completionTime,
                progress,
                stage,
                message);
    }

    /** The condition of a type, if set. */
    public java.util.Optional<Condition> find(ConditionType type) {
        return conditions.stream().filter(c -> c.type().equals(type.name())).findFirst();
    }

    public RunState job(String name, Long generation) {
        return new RunState(phase, conditions, generation, name, startTime, completionTime, progress, stage, message);
    }

    public RunState times(String started, String completed) {
        return new RunState(
                phase, conditions, observedGeneration, jobName, started, completed, progress, stage, message);
    }

    public RunState progress(Integer percent, String newStage) {
        return new RunState(
                phase, conditions, observedGeneration, jobName, startTime, completionTime, percent, newStage, message);
    }
}
