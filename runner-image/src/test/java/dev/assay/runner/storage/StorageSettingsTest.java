package dev.assay.runner.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorageSettingsTest {

    @Test
    void withNothingSetARunnerUsesAFolderAndMemory() throws Exception {
        StorageSettings settings = StorageSettings.fromEnvironment(Map.of());

        assertThat(settings.s3()).isEmpty();
        assertThat(settings.redisUrl()).isEmpty();
        assertThat(settings.dataDir()).isEqualTo(Path.of("data"));
        assertThat(settings.openStatus()).isInstanceOf(InMemoryStatusStore.class);
    }

    @Test
    void readsTheChartsEnvironmentContract() {
        StorageSettings settings = StorageSettings.fromEnvironment(Map.of(
                "ASSAY_REDIS_URL", "redis://:pw@assay-redis.assay.svc:6379",
                "ASSAY_REDIS_TTL", "12h",
                "ASSAY_S3_ENDPOINT", "http://assay-minio.assay.svc:9000",
                "ASSAY_S3_BUCKET", "assay",
                "ASSAY_S3_REGION", "us-east-1",
                "ASSAY_S3_ACCESS_KEY", "minio",
                "ASSAY_S3_SECRET_KEY", "minio-secret"));

        assertThat(settings.redisUrl()).contains("redis://:pw@assay-redis.assay.svc:6379");
        assertThat(settings.redisTtl()).isEqualTo(Duration.ofHours(12));
        assertThat(settings.s3())
                .contains(new S3Settings(
                        "http://assay-minio.assay.svc:9000", "assay", "minio", "minio-secret", "us-east-1"));
        assertThat(settings.toString()).doesNotContain("pw@").doesNotContain("minio-secret");
    }

    @Test
    void blankValuesCountAsUnset() {
        StorageSettings settings =
                StorageSettings.fromEnvironment(Map.of("ASSAY_REDIS_URL", " ", "ASSAY_S3_ENDPOINT", ""));

        assertThat(settings.redisUrl()).isEmpty();
        assertThat(settings.s3()).isEmpty();
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        assertThat(StorageSettings.parseDuration("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(StorageSettings.parseDuration("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(StorageSettings.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(StorageSettings.parseDuration("PT2H")).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> StorageSettings.parseDuration("a week"))
                .hasMessageContaining("'a week' is not a duration");
    }
}
