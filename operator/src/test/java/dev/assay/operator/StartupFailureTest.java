package dev.assay.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator process, started as the image starts it, against an API server that serves none of its custom
 * resources (the CRDs are not installed): it must exit at once with a status that is not 0 and say why, instead
 * of staying up behind a /healthz that answers 503 until a liveness probe gives up.
 */
@EnableKubernetesMockClient(crud = false)
class StartupFailureTest {

    KubernetesMockServer server;

    @Test
    void anOperatorWhoseInformersCannotStartExitsNonZeroAndSaysWhy(@TempDir Path dir) throws Exception {
        Path kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: mock
                    cluster: {server: "%s", insecure-skip-tls-verify: true}
                users:
                  - name: mock
                    user: {token: mock}
                contexts:
                  - name: mock
                    context: {cluster: mock, user: mock, namespace: assay}
                current-context: mock
                """.formatted(server.url("/")));
        Path log = dir.resolve("operator.log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        OperatorMain.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("KUBECONFIG", kubeconfig.toString());
        builder.environment().put("ASSAY_OPERATOR_NAMESPACE", "assay");
        builder.environment().put("ASSAY_OPERATOR_HEALTH_PORT", "0");
        builder.environment().remove("ASSAY_REDIS_URL");
        long start = System.nanoTime();
        Process process = builder.start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly().waitFor();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String output = Files.readString(log);
        System.out.println("operator exited after " + took.toMillis() + " ms with status "
                + (exited ? process.exitValue() : "none") + "; its log:\n" + output);
        assertThat(exited)
                .as("the operator exited within a minute; its log:\n" + output)
                .isTrue();
        assertThat(process.exitValue()).isEqualTo(OperatorMain.STARTUP_FAILED);
        assertThat(output)
                .contains("cannot start watching DatasetJobs and AssistantRuns in namespaces [assay]")
                .contains("datasetjobs.assay.dev");
    }
}
