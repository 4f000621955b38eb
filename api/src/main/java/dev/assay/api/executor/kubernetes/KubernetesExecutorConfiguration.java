package dev.assay.api.executor.kubernetes;

import dev.assay.api.config.AssayProperties;
import dev.assay.api.config.ClusterNamespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code assay.executor=kubernetes}: uploads and applies become custom resources in
 * {@code assay.kubernetes.namespace} (default: the api pod's own namespace). Runner pods report to Redis, so
 * Redis must be configured; the api refuses to start without it rather than show runs that never progress.
 * {@code assay.kubernetes.creator-annotation=true} (the chart sets it when it installs the operator's admission
 * webhook): the Kubernetes user in a kubectl-made run's {@code assay.dev/created-by} is shown as its creator.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "assay.executor", havingValue = "kubernetes")
public class KubernetesExecutorConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    KubernetesClient kubernetesClient() {
        return new KubernetesClientBuilder().build();
    }

    @Bean
    KubernetesExecutor kubernetesExecutor(
            KubernetesClient client,
            AssayProperties properties,
            @Value("${assay.kubernetes.namespace:}") String namespace,
            @Value("${assay.kubernetes.creator-annotation:false}") boolean creatorAnnotation)
            throws IOException {
        if (properties.redis().configuredUrl().isEmpty()) {
            throw new IllegalStateException("assay.executor=kubernetes needs assay.redis.url (ASSAY_REDIS_URL): runner "
                    + "pods report progress and results there");
        }
        return new KubernetesExecutor(client, ClusterNamespace.of(namespace), creatorAnnotation);
    }
}
