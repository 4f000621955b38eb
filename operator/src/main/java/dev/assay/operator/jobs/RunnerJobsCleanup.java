package dev.assay.operator.jobs;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What `helm uninstall` runs first (the chart's pre-delete hook, `operator delete-runner-jobs`): deletes the runner
 * Jobs, their pods and their access Secrets in the watched namespaces. They belong to the DatasetJobs and
 * AssistantRuns, which stay (Helm keeps CRDs and so the records of what ran); without the operator nobody would
 * delete the Jobs of finished runs any more, and they would outlive the release.
 */
public final class RunnerJobsCleanup {

    private static final Logger log = LoggerFactory.getLogger(RunnerJobsCleanup.class);
    private static final Map<String, String> RUNNERS =
            Map.of("app.kubernetes.io/part-of", "assay", "app.kubernetes.io/component", "runner");

    private RunnerJobsCleanup() {}

    /** Deletes and waits (at most {@code patience}) until no runner pod is left; 0 when none is left. */
    public static int run(KubernetesClient client, Set<String> namespaces, Duration patience)
            throws InterruptedException {
        for (String namespace : namespaces) {
            List<Job> jobs = client.batch()
                    .v1()
                    .jobs()
                    .inNamespace(namespace)
                    .withLabels(RUNNERS)
                    .list()
                    .getItems();
            for (Job job : jobs) {
                String name = job.getMetadata().getName();
                client.batch()
                        .v1()
                        .jobs()
                        .inNamespace(namespace)
                        .withName(name)
                        .withPropagationPolicy(DeletionPropagation.FOREGROUND)
                        .delete();
                client.secrets()
                        .inNamespace(namespace)
                        .withName(RunnerJobs.accessSecretName(name))
                        .delete();
            }
            log.info("deleted {} runner Jobs in namespace {}", jobs.size(), namespace);
        }
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            long left = namespaces.stream()
                    .mapToLong(ns -> client.pods()
                                    .inNamespace(ns)
                                    .withLabels(RUNNERS)
                                    .list()
                                    .getItems()
                                    .size()
                            + client.batch()
                                    .v1()
                                    .jobs()
                                    .inNamespace(ns)
                                    .withLabels(RUNNERS)
                                    .list()
                                    .getItems()
                                    .size())
                    .sum();
            if (left == 0) {
                return 0;
            }
            Thread.sleep(1000);
        }
        log.error("runner Jobs or pods are still there after {}", patience);
        return 1;
    }
}
