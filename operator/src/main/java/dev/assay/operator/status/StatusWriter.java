package dev.assay.operator.status;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path by which the operator writes a status: an unchanged status is not written at all, and a write
 * that loses an optimistic-locking race (409) is retried on the latest version of the resource.
 */
public final class StatusWriter {

    private static final Logger log = LoggerFactory.getLogger(StatusWriter.class);
    private static final int ATTEMPTS = 5;

    private final KubernetesClient client;
    // Reconcilers run on many threads at once.
    private final LongAdder writes = new LongAdder();
    private final LongAdder skipped = new LongAdder();

    public StatusWriter(KubernetesClient client) {
        this.client = client;
    }

    /** @return whether anything was written */
    public <R extends CustomResource<?, S>, S> boolean write(R resource, S status) {
        if (Objects.equals(resource.getStatus(), status)) {
            skipped.increment();
            return false;
        }
        R current = resource;
        for (int attempt = 1; ; attempt++) {
            current.setStatus(status);
            try {
                client.resource(current).updateStatus();
                writes.increment();
                return true;
            } catch (KubernetesClientException e) {
                if (e.getCode() == 404) {
                    log.info(
                            "{} was deleted; its status is not written",
                            resource.getMetadata().getName());
                    return false;
                }
                if (e.getCode() != 409 || attempt >= ATTEMPTS) {
                    throw e;
                }
                @SuppressWarnings("unchecked")
                Class<R> type = (Class<R>) resource.getClass();
                R latest = client.resources(type)
                        .inNamespace(resource.getMetadata().getNamespace())
                        .withName(resource.getMetadata().getName())
                        .get();
                if (latest == null) {
                    log.info(
                            "{} was deleted; its status is not written",
                            resource.getMetadata().getName());
                    return false;
                }
                if (Objects.equals(latest.getStatus(), status)) {
                    return false;
                }
                current = latest;
            }
        }
    }

    public long writes() {
        return writes.sum();
    }

    public long skipped() {
        return skipped.sum();
    }
}
