package dev.assay.operator;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.ZonedDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives up the leader-election Lease on shutdown, as client-go's ReleaseOnCancel does: the holder is cleared and the
 * duration set to one second, so a standby replica takes over at its next try instead of after the lease expires.
 * Only a Lease this replica still holds is touched, and the update is conditional on its resourceVersion.
 */
public final class LeaseRelease {

    private static final Logger log = LoggerFactory.getLogger(LeaseRelease.class);

    private LeaseRelease() {}

    /** @return whether the lease was released */
    public static boolean release(KubernetesClient client, String namespace, String name, String identity) {
        try {
            Lease lease = client.leases().inNamespace(namespace).withName(name).get();
            if (lease == null
                    || lease.getSpec() == null
                    || !identity.equals(lease.getSpec().getHolderIdentity())) {
                return false;
            }
            lease.getSpec().setHolderIdentity("");
            lease.getSpec().setLeaseDurationSeconds(1);
            lease.getSpec().setRenewTime(ZonedDateTime.now());
            client.leases().inNamespace(namespace).resource(lease).update();
            log.info("released the lease {}/{}", namespace, name);
            return true;
        } catch (KubernetesClientException e) {
            log.warn("could not release the lease {}/{}: {}", namespace, name, e.getMessage());
            return false;
        }
    }
}
