package dev.assay.operator.health;

import dev.assay.model.crd.common.Phase;
import dev.assay.model.crd.common.Reason;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The operator's Prometheus metrics at /metrics (text format): reconciliations started, finished and failed per kind
 * with their latency as a histogram, resources by phase, the queue (runs waiting for their Job, and runs whose Job's
 * pod is not running yet), run failures by reason, and the JVM heap.
 */
public final class OperatorMetrics implements Metrics {

    /** Latency buckets in seconds: reconciliations wait on the API server, so milliseconds to seconds. */
    private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    /** namespace/name of each resource of a kind to its phase; the gauge counts them. */
    private final Map<String, Map<String, Phase>> phases = new ConcurrentHashMap<>();

    private final Map<String, Histogram> latency = new ConcurrentHashMap<>();
    /** namespace/name of each queued resource of a kind to where it waits. */
    private final Map<String, Map<String, Queue>> queued = new ConcurrentHashMap<>();

    /** Where a run that has not started waits. */
    public enum Queue {
        /** No Job yet: its prerequisites (an AssistantRun's DatasetJob) are not ready. */
        waiting_for_job,
        /** Its Job exists but the pod is not running: unscheduled, pulling, or starting. */
        pod_pending
    }

    private static final class Histogram {
        final LongAdder[] buckets = new LongAdder[BUCKETS.length];
        final LongAdder count = new LongAdder();
        final java.util.concurrent.atomic.DoubleAdder sum = new java.util.concurrent.atomic.DoubleAdder();

        Histogram() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void observe(double seconds) {
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    buckets[i].increment();
                }
            }
            count.increment();
            sum.add(seconds);
        }
    }

    private void count(String metric, String labels) {
        counters.computeIfAbsent(metric + "{" + labels + "}", k -> new LongAdder())
                .increment();
    }

    private static String kind(HasMetadata resource) {
        return "kind=\"" + resource.getKind() + "\"";
    }

    private static String key(HasMetadata resource) {
        return resource.getMetadata().getNamespace() + "/"
                + resource.getMetadata().getName();
    }

    @Override
    public void reconcileCustomResource(HasMetadata resource, RetryInfo retryInfo, Map<String, Object> metadata) {
        count("assay_operator_reconciliations_total", kind(resource));
        if (retryInfo != null && retryInfo.getAttemptCount() > 0) {
            count("assay_operator_retries_total", kind(resource));
        }
    }

    @Override
    public void finishedReconciliation(HasMetadata resource, Map<String, Object> metadata) {
        count("assay_operator_reconciliations_succeeded_total", kind(resource));
    }

    @Override
    public void failedReconciliation(HasMetadata resource, Exception exception, Map<String, Object> metadata) {
        count("assay_operator_reconciliations_failed_total", kind(resource));
    }

    @Override
    public <T> T timeControllerExecution(ControllerExecution<T> execution) throws Exception {
        long started = System.nanoTime();
        try {
            return execution.execute();
        } finally {
            latency.computeIfAbsent(execution.controllerName(), k -> new Histogram())
                    .observe((System.nanoTime() - started) / 1e9);
        }
    }

    /** A resource's phase changed (or was first seen). */
    public void phase(HasMetadata resource, Phase phase) {
        phases.computeIfAbsent(resource.getKind(), k -> new ConcurrentHashMap<>())
                .put(key(resource), phase);
    }

    /** Where the resource waits now, or empty when it is not queued (running or finished). */
    public void queue(HasMetadata resource, java.util.Optional<Queue> where) {
        Map<String, Queue> byName = queued.computeIfAbsent(resource.getKind(), k -> new ConcurrentHashMap<>());
        where.ifPresentOrElse(q -> byName.put(key(resource), q), () -> byName.remove(key(resource)));
    }

    /** A resource was deleted: it no longer counts in any phase or queue. */
    public void forget(HasMetadata resource) {
        Map<String, Phase> byName = phases.get(resource.getKind());
        if (byName != null) {
            byName.remove(key(resource));
        }
        Map<String, Queue> waiting = queued.get(resource.getKind());
        if (waiting != null) {
            waiting.remove(key(resource));
        }
    }

    /** A run failed, or an attempt did, for this reason. */
    public void failure(HasMetadata resource, Reason reason) {
        count("assay_operator_run_failures_total", kind(resource) + ",reason=\"" + reason.name() + "\"");
    }

    public String prometheus() {
        StringBuilder text = new StringBuilder();
        counters.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.append(e.getKey())
                        .append(' ')
                        .append(e.getValue().sum())
                        .append('\n'));
        phases.forEach((kind, byName) -> {
            for (Phase phase : Phase.values()) {
                long n = byName.values().stream().filter(p -> p == phase).count();
                text.append("assay_operator_resources{kind=\"")
                        .append(kind)
                        .append("\",phase=\"")
                        .append(phase)
                        .append("\"} ")
                        .append(n)
                        .append('\n');
            }
        });
        queued.forEach((kind, byName) -> {
            for (Queue queue : Queue.values()) {
                long n = byName.values().stream().filter(q -> q == queue).count();
                text.append("assay_operator_queued{kind=\"")
                        .append(kind)
                        .append("\",waiting=\"")
                        .append(queue)
                        .append("\"} ")
                        .append(n)
                        .append('\n');
            }
        });
        latency.forEach((controller, h) -> {
            String name = "assay_operator_reconcile_seconds";
            for (int i = 0; i < BUCKETS.length; i++) {
                text.append(name)
                        .append("_bucket{controller=\"")
                        .append(controller)
                        .append("\",le=\"")
                        .append(String.format(Locale.ROOT, "%s", BUCKETS[i]))
                        .append("\"} ")
                        .append(h.buckets[i].sum())
                        .append('\n');
            }
            text.append(name)
                    .append("_bucket{controller=\"")
                    .append(controller)
                    .append("\",le=\"+Inf\"} ")
                    .append(h.count.sum())
                    .append('\n');
            text.append(name)
                    .append("_count{controller=\"")
                    .append(controller)
                    .append("\"} ")
                    .append(h.count.sum())
                    .append('\n');
            text.append(name)
                    .append("_sum{controller=\"")
                    .append(controller)
                    .append("\"} ")
                    .append(String.format(Locale.ROOT, "%.6f", h.sum.sum()))
                    .append('\n');
        });
        Runtime runtime = Runtime.getRuntime();
        text.append("jvm_memory_used_bytes{area=\"heap\"} ")
                .append(runtime.totalMemory() - runtime.freeMemory())
                .append('\n');
        text.append("jvm_memory_max_bytes{area=\"heap\"} ")
                .append(runtime.maxMemory())
                .append('\n');
        return text.toString();
    }
}
