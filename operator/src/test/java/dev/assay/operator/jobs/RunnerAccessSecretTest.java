package dev.assay.operator.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.crd.datasetjob.DatasetJob;
import dev.assay.model.protocol.ArtifactGrants;
import dev.assay.model.protocol.RunnerAccess;
import dev.assay.model.protocol.RunnerEnv;
import dev.assay.operator.Resources;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a runner pod is given for the object store when the operator signs for it: a Secret of its Job's own with one
 * presigned URL per granted key of its namespace, valid until the deadline plus a margin, and no credentials anywhere
 * in the pod spec.
 */
class RunnerAccessSecretTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final String ROOT_SECRET = "root-secret-key-0123456789";

    private static RunnerJobs jobs(boolean signs) {
        OperatorSettings base = Resources.settings("team-a", Optional.empty(), "assay:");
        OperatorSettings settings = new OperatorSettings(
                base.runnerImage(),
                base.runnerServiceAccount(),
                base.runnerSecret(),
                base.watchNamespaces(),
                base.redisUrl(),
                base.redisKeyPrefix(),
                base.namespace(),
                0,
                false,
                base.defaults(),
                signs
                        ? Optional.of(new ArtifactPresigner.ObjectStore(
                                "http://assay-minio.assay.svc:9000", "assay", "root", ROOT_SECRET, null))
                        : Optional.empty());
        return new RunnerJobs(settings, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static RunnerJobs.RunnerJob job(RunnerJobs jobs, Optional<Long> deadline) {
        DatasetJob owner = Resources.datasetJob("team-a", "titanic", "samples/titanic.csv");
        owner.getMetadata().setUid("uid-1");
        return jobs.job(
                owner,
                "titanic-profile",
                Map.of(RunnerJobs.LABEL_DATASET_JOB, "titanic"),
                List.of("profile-job"),
                List.of(),
                Optional.empty(),
                deadline,
                ArtifactGrants.profileJob("titanic", "samples/titanic.csv"));
    }

    @Test
    void thePodGetsItsJobsUrlsFromASecretAndNoCredentials() {
        RunnerJobs.RunnerJob planned = job(jobs(true), Optional.of(600L));
        Container runner =
                planned.job().getSpec().getTemplate().getSpec().getContainers().getFirst();
        EnvVar access = runner.getEnv().stream()
                .filter(e -> e.getName().equals(RunnerEnv.S3_ACCESS))
                .findFirst()
                .orElseThrow();

        assertThat(access.getValue()).as("not in the pod spec").isNull();
        assertThat(access.getValueFrom().getSecretKeyRef().getName()).isEqualTo("titanic-profile-access");
        assertThat(access.getValueFrom().getSecretKeyRef().getKey()).isEqualTo(RunnerAccess.SECRET_KEY);
        assertThat(runner.getEnv())
                .extracting(EnvVar::getName)
                .noneMatch(n -> List.of(RunnerEnv.S3_ACCESS_KEY, RunnerEnv.S3_SECRET_KEY, RunnerEnv.S3_ENDPOINT)
                        .contains(n));
        assertThat(planned.job().toString()).doesNotContain(ROOT_SECRET).doesNotContain("X-Amz-Signature");
    }

    @Test
    void theSecretHoldsOneUrlPerGrantedKeyOfTheNamespaceUntilTheDeadline() {
        var secret = job(jobs(true), Optional.of(600L)).access().orElseThrow();
        RunnerAccess access = RunnerAccess.fromJson(secret.getStringData().get(RunnerAccess.SECRET_KEY));

        assertThat(secret.getMetadata().getName()).isEqualTo("titanic-profile-access");
        assertThat(secret.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(o -> assertThat(o.getUid()).isEqualTo("uid-1"));
        assertThat(secret.getImmutable()).isTrue();
        assertThat(access.expires()).isEqualTo(NOW.plusSeconds(600).plus(RunnerJobs.ACCESS_MARGIN));
        assertThat(access.read().keySet()).containsExactly("samples/titanic.csv");
        assertThat(access.write().keySet())
                .containsExactly("titanic/cleaned.csv", "titanic/profile.json", "titanic/report.html");
        URI read = URI.create(access.read().get("samples/titanic.csv"));
        assertThat(read.getHost()).isEqualTo("assay-minio.assay.svc");
        assertThat(read.getPath()).isEqualTo("/assay/team-a/samples/titanic.csv");
        assertThat(read.getQuery())
                .contains("X-Amz-Expires="
                        + Duration.ofSeconds(600).plus(RunnerJobs.ACCESS_MARGIN).toSeconds())
                .contains("X-Amz-Signature=")
                .doesNotContain(ROOT_SECRET);
        assertThat(URI.create(access.write().get("titanic/report.html")).getPath())
                .isEqualTo("/assay/team-a/titanic/report.html");
    }

    @Test
    void aDeadlineBeyondWhatASignatureAllowsIsCappedAtSevenDays() {
        RunnerAccess access = RunnerAccess.fromJson(
                job(jobs(true), Optional.of(Duration.ofDays(30).toSeconds()))
                        .access()
                        .orElseThrow()
                        .getStringData()
                        .get(RunnerAccess.SECRET_KEY));

        assertThat(access.expires()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    }

    @Test
    void withoutAStoreToSignForThereIsNoSecretAndTheRunnerSecretAsBefore() {
        RunnerJobs.RunnerJob planned = job(jobs(false), Optional.empty());
        Container runner =
                planned.job().getSpec().getTemplate().getSpec().getContainers().getFirst();

        assertThat(planned.access()).isEmpty();
        assertThat(runner.getEnv()).extracting(EnvVar::getName).doesNotContain(RunnerEnv.S3_ACCESS);
        assertThat(runner.getEnvFrom())
                .singleElement()
                .satisfies(e -> assertThat(e.getSecretRef().getName()).isEqualTo("assay-runtime"));
    }
}
