package dev.assay.operator.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.crd.common.Phase;
import dev.assay.model.crd.common.Reason;
import dev.assay.model.crd.datasetjob.DatasetJob;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import org.junit.jupiter.api.Test;

/** The Prometheus text a scraper reads: resources by phase, failures by reason, reconcile latency as a histogram. */
class OperatorMetricsTest {

    private static DatasetJob dataset(String name) {
        DatasetJob job = new DatasetJob();
        job.setMetadata(
                new ObjectMetaBuilder().withNamespace("team-a").withName(name).build());
        return job;
    }

    @Test
    void theQueueSaysWhatRunsWaitFor() {
        OperatorMetrics metrics = new OperatorMetrics();
        metrics.queue(dataset("a"), java.util.Optional.of(OperatorMetrics.Queue.waiting_for_job));
        metrics.queue(dataset("b"), java.util.Optional.of(OperatorMetrics.Queue.pod_pending));
        metrics.queue(dataset("c"), java.util.Optional.of(OperatorMetrics.Queue.pod_pending));
        metrics.queue(dataset("d"), java.util.Optional.of(OperatorMetrics.Queue.pod_pending));
        metrics.queue(dataset("c"), java.util.Optional.empty());
        metrics.forget(dataset("d"));

        String text = metrics.prometheus();

        assertThat(text)
                .contains("assay_operator_queued{kind=\"DatasetJob\",waiting=\"waiting_for_job\"} 1\n")
                .contains("assay_operator_queued{kind=\"DatasetJob\",waiting=\"pod_pending\"} 1\n");
    }

    @Test
    void phasesFailuresAndLatencyAreExported() throws Exception {
        OperatorMetrics metrics = new OperatorMetrics();
        metrics.phase(dataset("a"), Phase.Running);
        metrics.phase(dataset("b"), Phase.Running);
        metrics.phase(dataset("a"), Phase.Succeeded);
        metrics.phase(dataset("c"), Phase.Failed);
        metrics.failure(dataset("c"), Reason.SourceMissing);
        metrics.forget(dataset("b"));
        metrics.timeControllerExecution(new Metrics.ControllerExecution<String>() {
            @Override
            public String name() {
                return "reconcile";
            }

            @Override
            public String controllerName() {
                return "datasetjob";
            }

            @Override
            public String successTypeName(String result) {
                return "ok";
            }

            @Override
            public io.javaoperatorsdk.operator.processing.event.ResourceID resourceID() {
                return new io.javaoperatorsdk.operator.processing.event.ResourceID("a", "team-a");
            }

            @Override
            public java.util.Map<String, Object> metadata() {
                return java.util.Map.of();
            }

            @Override
            public String execute() {
                return "done";
            }
        });

        String text = metrics.prometheus();

        assertThat(text)
                .contains("assay_operator_resources{kind=\"DatasetJob\",phase=\"Running\"} 0")
                .contains("assay_operator_resources{kind=\"DatasetJob\",phase=\"Succeeded\"} 1")
                .contains("assay_operator_resources{kind=\"DatasetJob\",phase=\"Failed\"} 1")
                .contains("assay_operator_run_failures_total{kind=\"DatasetJob\",reason=\"SourceMissing\"} 1")
                .contains("assay_operator_reconcile_seconds_count{controller=\"datasetjob\"} 1")
                .contains("assay_operator_reconcile_seconds_bucket{controller=\"datasetjob\",le=\"+Inf\"} 1");
    }
}
