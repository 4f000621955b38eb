package dev.assay.api.config;

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
        StorageSettings settings = new StorageSettings(
                properties.dataDir(),
                s3.configuredEndpoint()
                        .map(endpoint ->
                                new S3Settings(endpoint, s3.bucket(), s3.accessKey(), s3.secretKey(), s3.region())),
                properties.redis().configuredUrl(),
                properties.redis().ttl(),
                properties.redis().keyPrefix());
        log.info("Stores: {}", settings);
        return settings;
    }

    /**
     * Whose keys the api uses (the runner protocol's {@link TaskScope}): on a cluster the namespace its resources go
     * to, so it reads what that namespace's runners write; on a laptop none, and keys stay as they were.
     */
    @Bean
    TaskScope taskScope(
            @Value("${assay.executor:local}") String executor,
            @Value("${assay.kubernetes.namespace:}") String namespace)
            throws IOException {
        return "kubernetes".equals(executor) ? TaskScope.namespace(ClusterNamespace.of(namespace)) : TaskScope.local();
    }

    /**
     * The object store, opened without a round trip: in a cluster the api's pod often starts before the store's pod
     * answers, and an api that refused to start would only restart with growing back-off. It starts, says in its log
     * which store it cannot reach and why, and stays not ready ({@link #artifactStoreHealthIndicator}) until the
     * bucket answers.
     */
    @Bean
    ArtifactStore artifactStore(StorageSettings settings, TaskScope scope, BucketState bucket) throws IOException {
        if (settings.s3().isEmpty()) {
            return ScopedArtifactStore.of(settings.openArtifacts(), scope);
        }
        S3Settings s3 = settings.s3().get();
        S3ArtifactStore store = S3ArtifactStore.open(s3);
        try {
            store.ensureBucket();
            bucket.reached().set(true);
        } catch (IOException | RuntimeException e) {
            log.error(
                    "Artifact store not reachable: S3 bucket '{}' at {}: {} (the api runs, but readiness "
                            + "/actuator/health/readiness, component artifactStore, stays DOWN and uploads fail until it answers)",
                    s3.bucket(),
                    s3.endpoint(),
                    reason(e));
        }
        return ScopedArtifactStore.of(store, scope);
    }

    /** Whether the bucket has been reached (and created when missing) since the api started. */
    record BucketState(java.util.concurrent.atomic.AtomicBoolean reached) {}

    @Bean
    BucketState bucketState() {
        return new BucketState(new java.util.concurrent.atomic.AtomicBoolean());
    }

    @Bean
    StatusStore statusStore(StorageSettings settings, TaskScope scope, Clock clock) throws IOException {
        StorageSettings scoped = new StorageSettings(
                settings.dataDir(),
                settings.s3(),
                settings.redisUrl(),
                settings.redisTtl(),
                scope.statusPrefix(settings.redisPrefix()));
        StatusStore store = scoped.openStatusKeptLocally(clock);
        if (store instanceof RedisStatusStore redis) {
            // Jedis connects lazily: ask once now, so an unreachable Redis is named in the log at start, not at the
            // first request.
            try {
                redis.ping();
            } catch (RuntimeException e) {
                log.error(
                        "Status store not reachable: Redis at {}: {} (the api runs, but readiness "
                                + "/actuator/health/readiness, component statusStore, stays DOWN until it answers)",
                        settings.redisUrl()
                                .map(StorageConfiguration::hostAndPort)
                                .orElse("?"),
                        reason(e));
            }
        }
        return store;
    }

    /** host:port of a Redis URL, without the user and password it may carry. */
    static String hostAndPort(String url) {
        try {
            java.net.URI uri = java.net.URI.create(url);
            return uri.getHost() + ":" + (uri.getPort() < 0 ? 6379 : uri.getPort());
        } catch (IllegalArgumentException e) {
            return "(an unreadable URL)";
        }
    }

    /**
     * Why a store cannot be reached, in a line a person can act on: the innermost cause (a refused connection, a
     * name that does not resolve, a refused signature) with the wrapping messages that name the operation.
     */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String inner = root.getClass().getSimpleName() + ": " + root.getMessage();
        return root == e || e.getMessage() == null || e.getMessage().contains(String.valueOf(root.getMessage()))
                ? inner
                : e.getMessage() + " (" + inner + ")";
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
                return Health.up()
                        .withDetail("store", store instanceof FilesystemStatusStore ? "file" : "memory")
                        .build();
            } catch (RuntimeException e) {
                return Health.down()
                        .withDetail("store", "redis")
                        .withDetail("reason", reason(e))
                        .build();
            }
        };
    }

    @Bean
    HealthIndicator artifactStoreHealthIndicator(ArtifactStore store, BucketState bucket) {
        ArtifactStore underneath = store instanceof ScopedArtifactStore scoped ? scoped.store() : store;
        String kind = underneath instanceof S3ArtifactStore s3 ? "s3 bucket " + s3.bucket() : "filesystem";
        return () -> {
            try {
                if (underneath instanceof S3ArtifactStore s3
                        && !bucket.reached().get()) {
                    s3.ensureBucket();
                    bucket.reached().set(true);
                    log.info("Artifact store reachable now: S3 bucket '{}'", s3.bucket());
                }
                // A cheap round trip that needs the bucket (or folder) to be there and readable.
                store.size("health/probe");
                return Health.up().withDetail("store", kind).build();
            } catch (IOException | RuntimeException e) {
                return Health.down()
                        .withDetail("store", kind)
                        .withDetail("reason", reason(e))
                        .build();
            }
        };
    }
}
