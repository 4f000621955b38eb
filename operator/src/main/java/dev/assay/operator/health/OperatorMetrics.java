package dev.assay.operator.health;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Reconciliations started, finished and failed per kind, exposed at /metrics in the Prometheus text format. */
public final class OperatorMetrics implements Metrics {

    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

    private void count(String metric, HasMetadata resource) {
        counters.computeIfAbsent(metric + "{kind=\"" + resource.getKind() + "\"}", k -> new LongAdder()).increment();
    }

    @Override
    public void reconcileCustomResource(HasMetadata resource, RetryInfo retryInfo, Map<String, Object> metadata) {
        count("assay_operator_reconciliations_total", resource);
        if (retryInfo != null && retryInfo.getAttemptCount() > 0) {
            count("assay_operator_retries_total", resource);
        }
    }

    @Override
    public void finishedReconciliation(HasMetadata resource, Map<String, Object> metadata) {
        count("assay_operator_reconciliations_succeeded_total", resource);
    }

    @Override
    public void failedReconciliation(HasMetadata resource, Exception exception, Map<String, Object> metadata) {
        count("assay_operator_reconciliations_failed_total", resource);
    }

    public String prometheus() {
        StringBuilder text = new StringBuilder();
        counters.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.append(e.getKey()).append(' ').append(e.getValue().sum()).append('\n'));
        Runtime runtime = Runtime.getRuntime();
        text.append("jvm_memory_used_bytes{area=\"heap\"} ").append(runtime.totalMemory() - runtime.freeMemory()).append('\n');
        text.append("jvm_memory_max_bytes{area=\"heap\"} ").append(runtime.maxMemory()).append('\n');
        return text.toString();
    }
}
