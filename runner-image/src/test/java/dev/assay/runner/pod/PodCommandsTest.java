package dev.assay.runner.pod;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.status.TaskState;
import dev.assay.model.status.TaskStatus;
import dev.assay.runner.cli.RunnerMain;
import dev.assay.runner.storage.RedisStatusStore;
import dev.assay.runner.storage.StatusStore;
import dev.assay.runner.testing.Datasets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The runner as a pod runs it: stores from the environment, status in the real Redis, artifacts by key. */
class PodCommandsTest {

    private static final String REDIS = "redis://127.0.0.1:6379";

    @TempDir
    Path data;

    private final String prefix = "assay-test-" + UUID.randomUUID() + ":";

    private Map<String, String> env(String... extra) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("ASSAY_DATA_DIR", data.toString(), "ASSAY_REDIS_URL", REDIS,
                "ASSAY_REDIS_KEY_PREFIX", prefix, "ASSAY_WORK_DIR", data.resolve("work").toString(),
                // the test's keys expire on their own
                "ASSAY_REDIS_TTL", "2m"));
        for (int i = 0; i < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return env;
    }

    private StatusStore redis() {
        return RedisStatusStore.connect(REDIS, prefix, java.time.Duration.ofMinutes(5));
    }

    @Test
    void profileJobThenApplyRunWriteArtifactsByKeyAndStatusToRedis() throws Exception {
        Files.createDirectories(data.resolve("samples"));
        Files.copy(Datasets.DIR.resolve("titanic.csv"), data.resolve("samples/titanic.csv"));

        int profiled = new CommandLine(new ProfileJobCommand(env()))
                .execute("--job-id", "titanic", "--source", "samples/titanic.csv");

        assertThat(profiled).isZero();
        TaskStatus job = redis().get("titanic").orElseThrow();
        assertThat(job.status()).isEqualTo(TaskState.DONE);
        assertThat(job.profile().orElseThrow().rows()).isEqualTo(891);
        assertThat(data.resolve("titanic/report.html")).isNotEmptyFile();
        assertThat(data.resolve("titanic/profile.json")).isNotEmptyFile();

        int applied = new CommandLine(new ApplyRunCommand(env("ASSAY_PLAN", Datasets.TITANIC_SEED_PLAN)))
                .execute("--job-id", "titanic", "--run-id", "seed", "--source", "samples/titanic.csv");

        assertThat(applied).isZero();
        TaskStatus run = redis().get("seed").orElseThrow();
        assertThat(run.status()).isEqualTo(TaskState.DONE);
        assertThat(run.result().orElseThrow().model().orElseThrow().target()).isEqualTo("Survived");
        assertThat(data.resolve("titanic/runs/seed/model.bin")).isNotEmptyFile();
    }

    @Test
    void anInvalidPlanIsRefusedWithItsReasonInTheStatusAndNothingWritten() throws Exception {
        Files.createDirectories(data.resolve("samples"));
        Files.copy(Datasets.DIR.resolve("titanic.csv"), data.resolve("samples/titanic.csv"));
        String plan = Datasets.step("scale", "{\"columns\": [\"Name\"]}");

        int code = new CommandLine(new ApplyRunCommand(env("ASSAY_PLAN", plan)))
                .execute("--job-id", "titanic", "--run-id", "bad", "--source", "samples/titanic.csv");

        assertThat(code).isEqualTo(PodTask.REFUSED);
        TaskStatus run = redis().get("bad").orElseThrow();
        assertThat(run.status()).isEqualTo(TaskState.FAILED);
        assertThat(run.error().orElseThrow()).contains("scale").contains("Name");
        assertThat(data.resolve("titanic/runs/bad")).doesNotExist();
    }

    @Test
    void anUnreachableStatusStoreIsNamedAsSuchNotAsABug() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = RunnerMain.commandLine(new ProfileJobCommand(env("ASSAY_REDIS_URL", "redis://127.0.0.1:1")));
        commandLine.setErr(new PrintWriter(err));

        int code = commandLine.execute("--job-id", "titanic", "--source", "samples/titanic.csv");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("error: cannot reach a store").contains("ASSAY_REDIS_URL")
                .doesNotContain("this is a bug");
    }
}
