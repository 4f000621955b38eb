package dev.assay.runner.pod;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.protocol.RunnerExit;
import dev.assay.model.protocol.TaskScope;
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
class PodCommandsIT {

    private static final String REDIS = "redis://127.0.0.1:6379";

    @TempDir
    Path data;

    private final String prefix = "assay-test-" + UUID.randomUUID() + ":";

    private Map<String, String> env(String... extra) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "ASSAY_DATA_DIR",
                data.toString(),
                "ASSAY_REDIS_URL",
                REDIS,
                "ASSAY_REDIS_KEY_PREFIX",
                prefix,
                "ASSAY_WORK_DIR",
                data.resolve("work").toString(),
                // the test's keys expire on their own
                "ASSAY_REDIS_TTL",
                "2m"));
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

        assertThat(code).isEqualTo(RunnerExit.PLAN_REFUSED.code());
        TaskStatus run = redis().get("bad").orElseThrow();
        assertThat(run.status()).isEqualTo(TaskState.FAILED);
        assertThat(run.error().orElseThrow()).contains("scale").contains("Name");
        assertThat(data.resolve("titanic/runs/bad")).doesNotExist();
    }

    @Test
    void anUnreachableStatusStoreIsNamedAsSuchNotAsABug() {
        StringWriter err = new StringWriter();
        CommandLine commandLine =
                RunnerMain.commandLine(new ProfileJobCommand(env("ASSAY_REDIS_URL", "redis://127.0.0.1:1")));
        commandLine.setErr(new PrintWriter(err));

        int code = commandLine.execute("--job-id", "titanic", "--source", "samples/titanic.csv");

        assertThat(code).isEqualTo(RunnerExit.STORE_UNREACHABLE.code());
        assertThat(RunnerExit.STORE_UNREACHABLE.retryable()).isTrue();
        assertThat(err.toString())
                .contains("error: cannot reach a store")
                .contains("ASSAY_REDIS_URL")
                .doesNotContain("this is a bug");
    }

    @Test
    void twoNamespacesWithTheSameNamesAndDifferentFilesStayApart() throws Exception {
        for (String ns : new String[] {"team-a", "team-b"}) {
            Files.createDirectories(data.resolve(ns + "/samples"));
        }
        Files.copy(Datasets.DIR.resolve("titanic.csv"), data.resolve("team-a/samples/data.csv"));
        Files.writeString(data.resolve("team-b/samples/data.csv"), "a,b\n1,x\n2,y\n3,z\n");

        for (String ns : new String[] {"team-a", "team-b"}) {
            int code = new CommandLine(new ProfileJobCommand(env("ASSAY_NAMESPACE", ns)))
                    .execute("--job-id", "titanic", "--source", "samples/data.csv");
            assertThat(code).as(ns).isZero();
        }

        StatusStore a = RedisStatusStore.connect(
                REDIS, TaskScope.namespace("team-a").statusPrefix(prefix), java.time.Duration.ofMinutes(5));
        StatusStore b = RedisStatusStore.connect(
                REDIS, TaskScope.namespace("team-b").statusPrefix(prefix), java.time.Duration.ofMinutes(5));
        assertThat(a.get("titanic").orElseThrow().profile().orElseThrow().rows())
                .isEqualTo(891);
        assertThat(b.get("titanic").orElseThrow().profile().orElseThrow().rows())
                .isEqualTo(3);
        assertThat(redis().get("titanic"))
                .as("nothing under the unscoped (laptop) keys")
                .isEmpty();
        assertThat(data.resolve("team-a/titanic/report.html")).isNotEmptyFile();
        assertThat(Files.readString(data.resolve("team-b/titanic/cleaned.csv"))).startsWith("a,b");
        assertThat(data.resolve("titanic")).doesNotExist();
    }

    @Test
    void aMissingSourceFailsWithItsNameAndTheExitCodeThatSaysDoNotRetry() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = RunnerMain.commandLine(new ProfileJobCommand(env("ASSAY_NAMESPACE", "team-a")));
        commandLine.setErr(new PrintWriter(err));

        int code = commandLine.execute("--job-id", "gone", "--source", "samples/x.csv");

        assertThat(code).isEqualTo(RunnerExit.SOURCE_MISSING.code());
        assertThat(RunnerExit.SOURCE_MISSING.retryable()).isFalse();
        StatusStore scoped = RedisStatusStore.connect(
                REDIS, TaskScope.namespace("team-a").statusPrefix(prefix), java.time.Duration.ofMinutes(5));
        TaskStatus status = scoped.get("gone").orElseThrow();
        assertThat(status.status()).isEqualTo(TaskState.FAILED);
        assertThat(status.error().orElseThrow())
                .startsWith("source 'samples/x.csv' does not exist in folder ")
                .contains("namespace team-a")
                .doesNotContain("server log");
    }

    @Test
    void aFileThatIsNotDataExitsWithBadInput() throws Exception {
        Files.createDirectories(data.resolve("samples"));
        Files.write(data.resolve("samples/binary.csv"), new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 0, 7, 8, 9});

        int code = new CommandLine(new ProfileJobCommand(env()))
                .execute("--job-id", "binary", "--source", "samples/binary.csv");

        assertThat(code).isEqualTo(RunnerExit.BAD_INPUT.code());
        assertThat(redis().get("binary").orElseThrow().error().orElseThrow()).doesNotContain("server log");
    }

    /** The DatasetJob path: a Parquet source key is profiled as uploaded; a nested one fails as bad input. */
    @Test
    void aParquetSourceIsProfiledAndANestedOneExitsWithBadInputNamingTheColumns() throws Exception {
        Files.createDirectories(data.resolve("samples"));
        Path formats = Path.of(getClass().getResource("/formats").toURI());
        Files.copy(formats.resolve("duckdb-orders.parquet"), data.resolve("samples/orders.parquet"));
        Files.copy(formats.resolve("duckdb-nested.parquet"), data.resolve("samples/nested.parquet"));

        int profiled = new CommandLine(new ProfileJobCommand(env()))
                .execute("--job-id", "orders", "--source", "samples/orders.parquet");
        int nested = new CommandLine(new ProfileJobCommand(env()))
                .execute("--job-id", "nested", "--source", "samples/nested.parquet");

        assertThat(profiled).isZero();
        assertThat(redis().get("orders").orElseThrow().profile().orElseThrow().rows())
                .isEqualTo(4);
        assertThat(Files.readString(data.resolve("orders/cleaned.csv"))).startsWith("order,customer,placed,shipped_at");
        assertThat(Files.readString(data.resolve("orders/profile.json"))).contains("\"format\" : \"parquet\"");
        assertThat(nested).isEqualTo(RunnerExit.BAD_INPUT.code());
        assertThat(redis().get("nested").orElseThrow().error().orElseThrow())
                .contains(
                        "has nested columns",
                        "'address' (a group of address.street, address.city)",
                        "'tags' (a list of tags.list.element)");
        assertThat(data.resolve("nested/profile.json")).doesNotExist();
    }

    @Test
    void keepDuplicatesReachesTheEngine() throws Exception {
        Files.createDirectories(data.resolve("samples"));
        Files.writeString(data.resolve("samples/dups.csv"), "a,b\n1,x\n1,x\n1,x\n2,y\n");

        assertThat(new CommandLine(new ProfileJobCommand(env()))
                        .execute("--job-id", "dropped", "--source", "samples/dups.csv"))
                .isZero();
        assertThat(new CommandLine(new ProfileJobCommand(env()))
                        .execute("--job-id", "kept", "--source", "samples/dups.csv", "--keep-duplicates"))
                .isZero();

        assertThat(redis().get("dropped").orElseThrow().profile().orElseThrow().rows())
                .isEqualTo(2);
        assertThat(redis().get("kept").orElseThrow().profile().orElseThrow().rows())
                .isEqualTo(4);
    }

    @Test
    void thePodsLogShowsTheStagesAndAOneLineResult() throws Exception {
        Files.createDirectories(data.resolve("samples"));
        Files.copy(Datasets.DIR.resolve("titanic.csv"), data.resolve("samples/titanic.csv"));
        java.io.PrintStream before = System.err;
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
            code = new CommandLine(new ProfileJobCommand(env()))
                    .execute("--job-id", "logged", "--source", "samples/titanic.csv");
        } finally {
            System.setErr(before);
        }

        assertThat(code).isZero();
        String text = log.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text)
                .contains("profile-job logged: source samples/titanic.csv")
                .contains("reading the upload")
                .contains("saving the report");
        assertThat(text.strip().lines().reduce((a, b) -> b).orElseThrow())
                .isEqualTo("result: done profile logged: 891 rows × 12 columns");
    }

    @Test
    void aNamespacesRedisUserWritesItsOwnStatusAndIsRefusedAnotherNamespacesKeys() throws Exception {
        String user = "runner-test-" + UUID.randomUUID().toString().substring(0, 8);
        String password = UUID.randomUUID().toString();
        try (redis.clients.jedis.RedisClient admin =
                redis.clients.jedis.RedisClient.builder().fromURI(REDIS).build()) {
            admin.sendCommand(redis.clients.jedis.Protocol.Command.ACL, "SETUSER", user, "on", ">" + password);
            for (String rule :
                    TaskScope.namespace("team-a").redisAclRules(prefix).split(" ")) {
                admin.sendCommand(redis.clients.jedis.Protocol.Command.ACL, "SETUSER", user, rule);
            }
            admin.set(TaskScope.namespace("team-b").statusKeys(prefix).task("titanic"), "{\"team\": \"b\"}");
            try {
                Files.createDirectories(data.resolve("team-a/samples"));
                Files.copy(Datasets.DIR.resolve("titanic.csv"), data.resolve("team-a/samples/titanic.csv"));
                String url = "redis://" + user + ":" + password + "@127.0.0.1:6379";

                int code = new CommandLine(
                                new ProfileJobCommand(env("ASSAY_NAMESPACE", "team-a", "ASSAY_REDIS_URL", url)))
                        .execute("--job-id", "titanic", "--source", "samples/titanic.csv");

                assertThat(code)
                        .as("the runner works with its namespace's user")
                        .isZero();
                assertThat(admin.get(
                                TaskScope.namespace("team-a").statusKeys(prefix).task("titanic")))
                        .contains("\"rows\":891");
                try (redis.clients.jedis.RedisClient runner =
                        redis.clients.jedis.RedisClient.builder().fromURI(url).build()) {
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> runner.get(TaskScope.namespace("team-b")
                                    .statusKeys(prefix)
                                    .task("titanic")))
                            .hasMessageContaining("NOPERM");
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> runner.set(prefix + "task:titanic", "x"))
                            .hasMessageContaining("NOPERM");
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> runner.flushAll())
                            .hasMessageContaining("NOPERM");
                }
            } finally {
                admin.sendCommand(redis.clients.jedis.Protocol.Command.ACL, "DELUSER", user);
                admin.keys(prefix + "*").forEach(admin::del);
            }
        }
    }
}
