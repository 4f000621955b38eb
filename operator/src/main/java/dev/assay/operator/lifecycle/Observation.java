package dev.assay.operator.lifecycle;

import dev.assay.model.status.TaskStatus;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the operator saw of one attempt, read at once: its Job, the Job's pods, and the runner's own status record.
 * The {@link Decider} turns it into the resource's new status; nothing here writes.
 */
public record Observation(Optional<Job> job, List<Pod> pods, Optional<TaskStatus> runner) {

    public Observation {
        pods = List.copyOf(pods);
    }

    /** The Job's newest pod (with backoffLimit 0 there is one; a deleted pod may have a successor). */
    public Optional<Pod> pod() {
        return pods.stream()
                .max(Comparator.comparing(
                        (Pod p) -> Optional.ofNullable(p.getMetadata().getCreationTimestamp())
                                .orElse("")));
    }

    /** The runner container's state in the newest pod. */
    public Optional<ContainerState> container() {
        return pod().map(Pod::getStatus)
                .map(s -> s.getContainerStatuses() == null ? List.<ContainerStatus>of() : s.getContainerStatuses())
                .flatMap(list -> list.stream().findFirst())
                .map(ContainerStatus::getState);
    }

    /** The pod's condition of a type that is False (PodScheduled False: the scheduler's reason). */
    public Optional<PodCondition> podConditionFalse(String type) {
        return pod().map(Pod::getStatus)
                .flatMap(s -> s.getConditions() == null
                        ? Optional.empty()
                        : s.getConditions().stream()
                                .filter(c -> type.equals(c.getType()) && "False".equals(c.getStatus()))
                                .findFirst());
    }

    /** The Job's condition of a type when True (Complete, Failed). */
    public Optional<JobCondition> jobCondition(String type) {
        return job.map(Job::getStatus)
                .flatMap(s -> s.getConditions() == null
                        ? Optional.empty()
                        : s.getConditions().stream()
                                .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus()))
                                .findFirst());
    }
}
