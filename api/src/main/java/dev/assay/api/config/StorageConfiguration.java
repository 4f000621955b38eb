package dev.assay.api.config;

import dev.assay.api.executor.kubernetes.KubernetesExecutorConfiguration;
import dev.assay.model.protocol.TaskScope;
import dev.assay.runner.storage.ArtifactStore;
import dev.assay.runner.storage.FilesystemStatusStore;
import dev.assay.runner.storage.RedisStatusStore;
import dev.assay.runner.storage.S3ArtifactStore;
import dev.assay.runner.storage.S3Settings;
import dev.assay.runner.storage.ScopedArtifactStore;
import dev.assay.runner.storage.StatusStore;
import dev.assay.runner.storage.StorageSettings;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two stores, chosen independently as the runner chooses them ({@link StorageSettings}): S3 when
 * {@code assay.s3.endpoint} is set, else files under {@code assay.data-dir}; Redis when {@code assay.redis.url}
 * is set, else memory.
 */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    StorageSettings storageSettings(AssayProperties properties) {
        AssayProperties.S3 s3 = properties.s3();
        StorageSettings settings = new StorageSettings(properties.dataDir(),
                s3.configuredEndpoint().map(endpoint -> new S3Settings(endpoint, s3.bucket(), s3.accessKey(),
                        s3.secretKey(), s3.region())),
                properties.redis().configuredUrl(), properties.redis().ttl(), properties.redis().keyPrefix());
        log.info("Stores: {}", settings);
        return settings;
    }

    /**
     * Whose keys the api uses (the runner protocol's {@link TaskScope}): on a cluster the namespace its resources go
     * to, so it reads what that namespace's runners write; on a laptop none, and keys stay as they were.
     */
    @Bean
    TaskScope taskScope(@Value("${assay.executor:local}") String executor,
                        @Value("${assay.kubernetes.namespace:}") String namespace) throws IOException {
        return "kubernetes".equals(executor) ? TaskScope.namespace(KubernetesExecutorConfiguration.namespace(namespace))
                : TaskScope.local();
    }

    @Bean
    ArtifactStore artifactStore(StorageSettings settings, TaskScope scope) throws IOException {
        return ScopedArtifactStore.of(settings.openArtifacts(), scope);
    }

    @Bean
    StatusStore statusStore(StorageSettings settings, TaskScope scope, Clock clock) throws IOException {
        StorageSettings scoped = new StorageSettings(settings.dataDir(), settings.s3(), settings.redisUrl(),
                settings.redisTtl(), scope.statusPrefix(settings.redisPrefix()));
        return scoped.openStatusKeptLocally(clock);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Readiness includes the stores: an api that cannot reach Redis or S3 should get no traffic. */
    @Bean
    HealthIndicator statusStoreHealthIndicator(StatusStore store) {
        return () -> {
            try {
                if (store instanceof RedisStatusStore redis) {
                    redis.ping();
                    return Health.up().withDetail("store", "redis").build();
                }
                return Health.up().withDetail("store", store instanceof FilesystemStatusStore ? "file" : "memory").build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("error", String.valueOf(e.getMessage())).build();
            }
        };
    }

    @Bean
    HealthIndicator artifactStoreHealthIndicator(ArtifactStore store) {
        ArtifactStore underneath = store instanceof ScopedArtifactStore scoped ? scoped.store() : store;
        String kind = underneath instanceof S3ArtifactStore s3 ? "s3 bucket " + s3.bucket() : "filesystem";
        return () -> {
            try {
                // A cheap round trip that needs the bucket (or folder) to be there and readable.
                store.size("health/probe");
                return Health.up().withDetail("store", kind).build();
            } catch (IOException | RuntimeException e) {
                return Health.down().withDetail("store", kind).withDetail("error", String.valueOf(e.getMessage())).build();
            }
        };
    }
}
