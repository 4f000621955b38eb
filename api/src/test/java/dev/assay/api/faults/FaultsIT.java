package dev.assay.api.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.api.HttpApi;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The api under the faults a real installation meets, each with the packaged jar in a process of its own: a
 * crash (SIGKILL) in the middle of a run, the status store going away and coming back empty, a full disk, and a
 * burst of requests beyond the executor's room. In each, nothing stays "running" longer than the sweeper needs,
 * nothing accepted is lost, nothing refused is kept, and every refusal is problem+json that says why.
 */
class FaultsIT {

    static final Path DATASETS =
            Path.of("..", "examples", "datasets").toAbsolutePath().normalize();
    /** Short leases, so a dead api's tasks are swept within seconds instead of the default half minute. */
    static final String[] FAST_LEASES = {
        "--assay.tasks.heartbeat=1s", "--assay.tasks.stale-after=3s", "--assay.rebuild-check=PT2S"
    };

    static final String SEED_PLAN = """
            [{"type":"impute","params":{"strategy":"median","columns":["Age"]}},
             {"type":"encode","params":{"columns":["Sex","Embarked"],"method":"onehot"}},
             {"type":"train_model","params":{"task":"classification","target":"Survived","model":"random_forest"}}]""";
    static final String SLOW_PLAN = """
            [{"type":"train_model","params":{"task":"regression","target":"price","model":"random_forest"}}]""";

    @TempDir
    Path temp;

    @Test
    void anApiKilledMidRunHasItsRunFailedBySweeperAndTheRestartListsEverything() throws Exception {
        try (OwnRedis redis = new OwnRedis(temp).start()) {
            String[] settings =
                    settings("--assay.redis.url=" + redis.url(), "--assay.data-dir=" + temp.resolve("data"));
            String jobId;
            String runId;
            try (ApiProcess first = ApiProcess.start(temp, settings)) {
                jobId = uploadAndAwait(first.http, "diamonds.csv");
                runId = apply(first.http, jobId, SLOW_PLAN);
                awaitRun(
                        first.http,
                        jobId,
                        runId,
                        run -> run.path("status").asText().equals("running"),
                        Duration.ofSeconds(60));
                first.kill9();
            }
            try (ApiProcess second = ApiProcess.start(temp, settings)) {
                JsonNode run = awaitRun(
                        second.http,
                        jobId,
                        runId,
                        r -> r.path("status").asText().equals("failed"),
                        Duration.ofSeconds(20));
                assertThat(run.path("error").asText()).contains("stopped", "apply the plan again");
                System.out.println("after kill -9 and a restart, the run says: "
                        + run.path("error").asText());
                assertThat(jobIds(second.http)).contains(jobId);
                assertThat(second.http
                                .get("/api/v1/jobs/" + jobId + "/status")
                                .json()
                                .path("status")
                                .asText())
                        .isEqualTo("done");
            }
        }
    }

    @Test
    void aRedisThatPausesAndThenRestartsEmptyLosesNoDatasetAndStrandsNoRun() throws Exception {
        try (OwnRedis redis = new OwnRedis(temp).start();
                ApiProcess api = ApiProcess.start(
                        temp,
                        settings("--assay.redis.url=" + redis.url(), "--assay.data-dir=" + temp.resolve("data")))) {
            String jobId = uploadAndAwait(api.http, "titanic.csv");
            List<String> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(apply(api.http, jobId, SEED_PLAN));
            }
            redis.stop();
            // While Redis is away the api answers 503 with Retry-After, never a 500 or a stack trace.
            HttpApi.Answer during = api.http.get("/api/v1/jobs/" + jobId + "/status");
            assertThat(during.problem(503).path("detail").asText()).contains("try again");
            Thread.sleep(8_000);
            redis.start();

            // The listing comes back from the artifact store; every run ends, none stays queued or running.
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            JsonNode status = null;
            while (Instant.now().isBefore(deadline)) {
                HttpApi.Answer answer = api.http.get("/api/v1/jobs/" + jobId + "/status");
                if (answer.status() == 200) {
                    status = answer.json();
                    if (status.path("runs").size() == runs.size() && allFinished(status.path("runs"))) {
                        break;
                    }
                }
                Thread.sleep(500);
            }
            assertThat(status).as("the dataset is listed again").isNotNull();
            assertThat(status.path("status").asText()).isEqualTo("done");
            assertThat(status.path("summary").path("rows").asLong()).isEqualTo(891);
            List<String> listed = new ArrayList<>();
            status.path("runs").forEach(run -> listed.add(run.path("run_id").asText()));
            assertThat(listed).containsExactlyInAnyOrderElementsOf(runs);
            assertThat(allFinished(status.path("runs")))
                    .as("every run finished: %s", status.path("runs"))
                    .isTrue();
            // A request on a pooled connection from before the restart does not fail.
            for (int i = 0; i < 20; i++) {
                assertThat(api.http.get("/api/v1/jobs/" + jobId + "/status").status())
                        .isEqualTo(200);
            }
        }
    }

    @Test
    void anApiThatCannotReachItsStoresStartsSaysWhichAndWhyAndBecomesReadyWhenTheyAnswer() throws Exception {
        OwnRedis redis = new OwnRedis(temp);
        int s3Port = ApiProcess.freePort();
        String s3Endpoint = "http://127.0.0.1:" + s3Port;
        org.gaul.s3proxy.S3Proxy s3 = null;
        try (ApiProcess api = ApiProcess.start(
                temp,
                settings(
                        "--assay.redis.url=" + redis.url(),
                        "--assay.s3.endpoint=" + s3Endpoint,
                        "--assay.s3.access-key=assay-faults",
                        "--assay.s3.secret-key=assay-faults-secret",
                        "--assay.data-dir=" + temp.resolve("data")))) {
            HttpApi.Answer readiness = api.http.get("/actuator/health/readiness");
            System.out.println(
                    "readiness with neither store answering: " + readiness.status() + " " + readiness.text());
            assertThat(readiness.status()).isEqualTo(503);
            JsonNode components = readiness.json().path("components");
            assertThat(components.path("statusStore").path("status").asText()).isEqualTo("DOWN");
            assertThat(components
                            .path("statusStore")
                            .path("details")
                            .path("store")
                            .asText())
                    .isEqualTo("redis");
            assertThat(components
                            .path("statusStore")
                            .path("details")
                            .path("reason")
                            .asText())
                    .contains("Failed to connect to 127.0.0.1:" + redis.port);
            assertThat(components.path("artifactStore").path("status").asText()).isEqualTo("DOWN");
            assertThat(components
                            .path("artifactStore")
                            .path("details")
                            .path("store")
                            .asText())
                    .isEqualTo("s3 bucket assay");
            assertThat(components
                            .path("artifactStore")
                            .path("details")
                            .path("reason")
                            .asText())
                    .containsIgnoringCase("connect");
            assertThat(readiness.text()).doesNotContain("assay-faults-secret");
            String log = Files.readString(api.log);
            assertThat(log)
                    .contains("Status store not reachable: Redis at 127.0.0.1:" + redis.port)
                    .contains("Artifact store not reachable: S3 bucket 'assay' at " + s3Endpoint)
                    .doesNotContain("assay-faults-secret");
            log.lines()
                    .filter(line -> line.contains("not reachable"))
                    .forEach(line -> System.out.println("api log: " + line));

            redis.start();
            s3 = org.gaul.s3proxy.S3Proxy.builder()
                    .blobStore(new org.gaul.s3proxy.nio2blob.TransientNio2BlobStore())
                    .endpoint(java.net.URI.create(s3Endpoint))
                    .awsAuthentication(
                            org.gaul.s3proxy.auth.AuthenticationType.AWS_V2_OR_V4,
                            "assay-faults",
                            "assay-faults-secret")
                    .build();
            s3.start();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (api.http.get("/actuator/health/readiness").status() != 200
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(250);
            }
            assertThat(api.http.get("/actuator/health/readiness").status())
                    .as("ready once both answer")
                    .isEqualTo(200);
            uploadAndAwait(api.http, "tips.csv");
        } finally {
            if (s3 != null) {
                s3.stop();
            }
            redis.close();
        }
    }

    @Test
    void aFullDiskIsRefusedUpFrontWith507AndTheApiStillRestarts() throws Exception {
        Path disk = Files.createDirectories(temp.resolve("disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", disk.toString())
                .redirectErrorStream(true)
                .start();
        // A tiny file system of the test's own needs root (CI runs as root); elsewhere this case cannot be built.
        assumeThat(mount.waitFor()).as("mount a tmpfs (needs root)").isZero();
        try {
            String[] settings = settings(
                    "--assay.data-dir=" + disk.resolve("data"),
                    "--assay.disk.min-free=1MB",
                    // The metadata database lives beside the tiny disk: the test fills the artifacts' disk only.
                    "--assay.database.embedded-dir=" + temp.resolve("postgres"));
            String jobId;
            try (ApiProcess api = ApiProcess.start(temp, settings)) {
                jobId = uploadAndAwait(api.http, "tips.csv");
                fill(disk.resolve("filler"));
                assertThat(api.http.get("/actuator/health/readiness").status()).isEqualTo(503);
                HttpApi.Answer refused =
                        api.http.upload("titanic.csv", Files.readAllBytes(DATASETS.resolve("titanic.csv")));
                assertThat(refused.problem(507).path("detail").asText()).contains("disk is full");
                HttpApi.Answer apply = api.http.postJson(
                        "/api/v1/assistant/apply",
                        "{\"job_id\":\"" + jobId + "\",\"actions\":[{\"type\":\"drop_duplicates\",\"params\":{}}]}");
                assertThat(apply.problem(507).path("detail").asText()).contains("disk is full");
                assertThat(jobIds(api.http)).containsExactly(jobId);
            }
            try (ApiProcess restarted = ApiProcess.start(temp, settings)) {
                assertThat(jobIds(restarted.http)).containsExactly(jobId);
                Files.delete(disk.resolve("filler"));
                assertThat(restarted.http.get("/actuator/health/readiness").status())
                        .isEqualTo(200);
                uploadAndAwait(restarted.http, "titanic.csv");
            }
        } finally {
            new ProcessBuilder("umount", "-l", disk.toString()).start().waitFor();
        }
    }

    @Test
    void fiftyConcurrentUploadsAndAppliesAreListedExactlyAsAccepted() throws Exception {
        try (ApiProcess api = ApiProcess.start(temp, settings("--assay.data-dir=" + temp.resolve("data")))) {
            byte[] tips = Files.readAllBytes(DATASETS.resolve("tips.csv"));
            List<HttpApi.Answer> uploads = concurrently(50, () -> api.http.upload("tips.csv", tips));
            Set<String> accepted = new HashSet<>();
            for (HttpApi.Answer answer : uploads) {
                if (answer.status() == 202) {
                    accepted.add(answer.json().path("job_id").asText());
                } else {
                    assertThat(answer.problem(503).path("detail").asText()).contains("busy");
                    assertThat(answer.header("Retry-After")).isPresent();
                }
            }
            assertThat(accepted).isNotEmpty();
            awaitListed(api.http, accepted);
            System.out.printf(
                    "50 concurrent uploads: %d accepted (202), %d refused (503); datasets listed: %d%n",
                    accepted.size(),
                    uploads.size() - accepted.size(),
                    jobIds(api.http).size());
            assertThat(Files.list(temp.resolve("data"))
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .count())
                    .as("folders in the store")
                    .isEqualTo(accepted.size());

            String jobId = accepted.iterator().next();
            Instant profiled = Instant.now().plus(Duration.ofSeconds(60));
            while (!api.http
                            .get("/api/v1/jobs/" + jobId + "/status")
                            .json()
                            .path("status")
                            .asText()
                            .equals("done")
                    && Instant.now().isBefore(profiled)) {
                Thread.sleep(200);
            }
            List<HttpApi.Answer> applies = concurrently(
                    50,
                    () -> api.http.postJson(
                            "/api/v1/assistant/apply",
                            "{\"job_id\":\"" + jobId
                                    + "\",\"actions\":[{\"type\":\"drop_duplicates\",\"params\":{}}]}"));
            Set<String> runs = new HashSet<>();
            for (HttpApi.Answer answer : applies) {
                if (answer.status() == 202) {
                    runs.add(answer.json().path("run_id").asText());
                } else {
                    assertThat(answer.problem(503).path("detail").asText()).contains("busy");
                }
            }
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            JsonNode status;
            do {
                status = api.http.get("/api/v1/jobs/" + jobId + "/status").json();
                Thread.sleep(250);
            } while (!allFinished(status.path("runs")) && Instant.now().isBefore(deadline));
            Set<String> listed = new HashSet<>();
            status.path("runs").forEach(run -> listed.add(run.path("run_id").asText()));
            System.out.printf(
                    "50 concurrent applies: %d accepted (202), %d refused (503); runs listed: %d%n",
                    runs.size(), applies.size() - runs.size(), listed.size());
            assertThat(listed).isEqualTo(runs);
            assertThat(Files.list(temp.resolve("data").resolve(jobId).resolve("runs"))
                            .count())
                    .isEqualTo(runs.size());
        }
    }

    // --- helpers

    static String[] settings(String... more) {
        List<String> all = new ArrayList<>(List.of(FAST_LEASES));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    static String uploadAndAwait(HttpApi http, String dataset) throws Exception {
        HttpApi.Answer answer = http.upload(dataset, Files.readAllBytes(DATASETS.resolve(dataset)));
        assertThat(answer.status()).as("upload: %s", answer.text()).isEqualTo(202);
        String jobId = answer.json().path("job_id").asText();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = http.get("/api/v1/jobs/" + jobId + "/status").json();
            if (status.path("status").asText().equals("done")) {
                return jobId;
            }
            assertThat(status.path("status").asText())
                    .as("profile of %s: %s", dataset, status.path("error"))
                    .isNotEqualTo("failed");
            Thread.sleep(200);
        }
        throw new AssertionError("profile of " + dataset + " did not finish");
    }

    static String apply(HttpApi http, String jobId, String actions) {
        HttpApi.Answer answer =
                http.postJson("/api/v1/assistant/apply", "{\"job_id\":\"" + jobId + "\",\"actions\":" + actions + "}");
        assertThat(answer.status()).as("apply: %s", answer.text()).isEqualTo(202);
        return answer.json().path("run_id").asText();
    }

    static JsonNode awaitRun(HttpApi http, String jobId, String runId, Predicate<JsonNode> until, Duration within)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        JsonNode run = null;
        while (Instant.now().isBefore(deadline)) {
            HttpApi.Answer answer = http.get("/api/v1/jobs/" + jobId + "/runs/" + runId);
            if (answer.status() == 200) {
                run = answer.json();
                if (until.test(run)) {
                    return run;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run " + runId + " never reached the state awaited; last: " + run);
    }

    static boolean allFinished(JsonNode runs) {
        for (JsonNode run : runs) {
            String state = run.path("status").asText();
            if (!state.equals("done") && !state.equals("failed")) {
                return false;
            }
        }
        return true;
    }

    static List<String> jobIds(HttpApi http) {
        List<String> ids = new ArrayList<>();
        http.get("/api/v1/jobs?limit=500")
                .json()
                .forEach(job -> ids.add(job.path("job_id").asText()));
        return ids;
    }

    static void awaitListed(HttpApi http, Set<String> expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline) && !new HashSet<>(jobIds(http)).equals(expected)) {
            Thread.sleep(250);
        }
        assertThat(new HashSet<>(jobIds(http))).isEqualTo(expected);
    }

    static List<HttpApi.Answer> concurrently(int count, java.util.concurrent.Callable<HttpApi.Answer> request)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<HttpApi.Answer>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(request));
            }
            List<HttpApi.Answer> answers = new ArrayList<>();
            for (Future<HttpApi.Answer> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Writes until the file system says no more. */
    static void fill(Path file) {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // ENOSPC: the disk is full, as wanted.
        }
    }
}
