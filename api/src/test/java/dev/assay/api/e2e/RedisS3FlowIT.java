package dev.assay.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.runner.storage.RedisStatusStore;
import dev.assay.runner.storage.S3ArtifactStore;
import dev.assay.runner.storage.StatusStore;
import java.net.URI;
import java.util.UUID;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The cluster's stores with the local executor: status in the real Redis on 127.0.0.1:6379 (under a key
 * prefix of its own, removed afterwards), artifacts in an S3 server (s3proxy, in-process).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RedisS3FlowIT extends FlowTest {

    static final String REDIS_URL = System.getProperty("assay.test.redis-url", "redis://127.0.0.1:6379");
    static final String PREFIX = "assay-test:" + UUID.randomUUID() + ":";
    static S3Proxy s3;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) throws Exception {
        s3 = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "assay", "assay-secret-key")
                .build();
        s3.start();
        registry.add("assay.s3.endpoint", () -> "http://127.0.0.1:" + s3.getPort());
        registry.add("assay.s3.access-key", () -> "assay");
        registry.add("assay.s3.secret-key", () -> "assay-secret-key");
        registry.add("assay.redis.url", () -> REDIS_URL);
        registry.add("assay.redis.key-prefix", () -> PREFIX);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try (RedisClient redis = RedisClient.create(REDIS_URL)) {
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page =
                        redis.scan(cursor, new ScanParams().match(PREFIX + "*").count(500));
                if (!page.getResult().isEmpty()) {
                    redis.del(page.getResult().toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
        s3.stop();
    }

    @Autowired
    StatusStore statuses;

    @Test
    void theStoresAreRedisAndS3() {
        assertThat(statuses).isInstanceOf(RedisStatusStore.class);
        assertThat(artifacts).isInstanceOf(S3ArtifactStore.class);
    }
}
