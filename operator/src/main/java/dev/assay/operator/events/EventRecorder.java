package dev.assay.operator.events;

import dev.assay.model.crd.common.Reason;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the operator records Kubernetes Events (core/v1, which {@code kubectl describe} lists under the
 * resource): one per transition, with a {@link Reason} and a sentence. An Event that cannot be written is logged and
 * dropped; it never fails a reconciliation.
 */
public class EventRecorder {

    private static final Logger log = LoggerFactory.getLogger(EventRecorder.class);
    static final String COMPONENT = "assay-operator";

    private final KubernetesClient client;
    private final Clock clock;

    public EventRecorder(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** Records nothing (tests of other parts). */
    public static EventRecorder none() {
        return new EventRecorder(null, Clock.systemUTC()) {
            @Override
            public void record(HasMetadata resource, Reason reason, String message) {}
        };
    }

    public void record(HasMetadata resource, Reason reason, String message) {
        String now = clock.instant().toString();
        String namespace = resource.getMetadata().getNamespace();
        try {
            client.v1()
                    .events()
                    .inNamespace(namespace)
                    .resource(new EventBuilder()
                            .withNewMetadata()
                            .withName(resource.getMetadata().getName() + "."
                                    + HexFormat.of()
                                            .toHexDigits(
                                                    ThreadLocalRandom.current().nextLong()))
                            .withNamespace(namespace)
                            .endMetadata()
                            .withInvolvedObject(new ObjectReferenceBuilder()
                                    .withApiVersion(resource.getApiVersion())
                                    .withKind(resource.getKind())
                                    .withName(resource.getMetadata().getName())
                                    .withNamespace(namespace)
                                    .withUid(resource.getMetadata().getUid())
                                    .withResourceVersion(resource.getMetadata().getResourceVersion())
                                    .build())
                            .withReason(reason.name())
                            .withMessage(message.length() > 1000 ? message.substring(0, 1000) + "…" : message)
                            .withType(reason.warning() ? "Warning" : "Normal")
                            .withNewSource()
                            .withComponent(COMPONENT)
                            .endSource()
                            .withReportingComponent(COMPONENT)
                            .withFirstTimestamp(now)
                            .withLastTimestamp(now)
                            .withCount(1)
                            .build())
                    .create();
        } catch (KubernetesClientException e) {
            log.warn(
                    "could not record the event {} of {}/{}: {}",
                    reason,
                    namespace,
                    resource.getMetadata().getName(),
                    e.getMessage());
        }
    }
}
