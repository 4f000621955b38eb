package dev.assay.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.provider.TestProvider;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product as a person uses it: the packaged api jar started with its embedded defaults (local executor,
 * artifacts in a temporary folder, status in memory, built-in planner), driven in a real Chromium by
 * {@code ui/e2e/e2e.mjs}: a refused file, upload of titanic.csv, the profile and report, the assistant's plan,
 * a wrong edit flagged beside its field, apply, the model's score, a deep link after a reload, phone width.
 * Screenshots of each screen land in {@code api/target/e2e-screenshots}; the logs of both processes in
 * {@code api/target/e2e}. The cluster's sign-in is driven the same way, against a real OpenID provider in this JVM.
 */
class BrowserEndToEndIT {

    private static final Path JAR = Path.of("target", "assay-api.jar").toAbsolutePath();
    private static final Path E2E = Path.of("..", "ui", "e2e").toAbsolutePath().normalize();
    private static final Path SHOTS = Path.of("target", "e2e-screenshots").toAbsolutePath();
    private static final Path LOGS = Path.of("target", "e2e").toAbsolutePath();
    /** Settings that would take the api away from its embedded defaults (an LLM key, Redis, S3, Kubernetes). */
    private static final List<String> FOREIGN = List.of("ASSAY_", "SPRING_", "GEMINI_", "GOOGLE_API_KEY", "OPENAI_");

    /** The sign-in test's api and provider: ports kept for this test on the machines it runs on. */
    private static final int OIDC_API_PORT = 18210;

    private static final int PROVIDER_PORT = 18211;

    @TempDir
    Path work;

    @Test
    void refuseUploadAskApplyAndReadTheScoreInARealBrowser() throws Exception {
        browse("e2e.mjs", "e2e: passed", SHOTS, "07-results.png");
    }

    /** Ask, follow up twice, undo once, apply: the assistant as a conversation (ui/e2e/conversation.mjs). */
    @Test
    void aConversationWithTheAssistantAskFollowUpUndoAndApply() throws Exception {
        browse("conversation.mjs", "conversation e2e: passed", SHOTS.resolveSibling("e2e-conversation"), null);
    }

    /**
     * The cluster mode: the api signs people in through a real OpenID provider (Spring Authorization Server, in this
     * JVM) whose login page the browser fills in; then upload, ask, apply, and the Activity page shows those four
     * events and the sign-in as alice's (ui/e2e/signed-in.mjs), and sign-out ends both sessions. The audit rows of
     * the flow, as an admin reads them over the api with a bearer token, are printed.
     */
    @Test
    void signInThroughTheProvidersLoginPageWorkAndSeeItInActivity() throws Exception {
        TestProvider provider = TestProvider.start(PROVIDER_PORT);
        try {
            int port = OIDC_API_PORT;
            provider.registerApi("http://127.0.0.1:" + port);
            browse(
                    "signed-in.mjs",
                    "signed-in e2e: passed",
                    SHOTS.resolveSibling("e2e-signed-in"),
                    "04-activity.png",
                    port,
                    List.of(
                            "--assay.auth.mode=oidc",
                            "--assay.auth.issuer=" + provider.issuer(),
                            "--assay.auth.client-id=assay-web",
                            "--assay.auth.client-secret=web-secret"),
                    Map.of("ASSAY_USER", "alice", "ASSAY_PASSWORD", TestProvider.PASSWORD),
                    api -> {
                        HttpApi root = new HttpApi(port).with("Authorization", "Bearer " + provider.token("root"));
                        JsonNode events = root.get("/api/v1/audit?actor=alice&size=50")
                                .json()
                                .path("events");
                        System.out.println("audit rows of alice's flow, newest first (GET /api/v1/audit as root):");
                        events.forEach(event -> System.out.println("  " + event));
                        List<String> successes = new java.util.ArrayList<>();
                        events.forEach(event -> {
                            assertThat(event.path("actor").asText()).isEqualTo("alice");
                            if (event.path("outcome").asText().equals("success")) {
                                successes.add(event.path("action").asText());
                            }
                        });
                        assertThat(successes).contains("sign_in", "upload", "assistant", "apply");
                    });
        } finally {
            provider.close();
        }
    }

    /** What to check once the browser script passed, while the api still runs. */
    private interface AfterBrowsing {
        void check(Process api) throws Exception;
    }

    private void browse(String scriptName, String passed, Path shots, String lastShot) throws Exception {
        browse(scriptName, passed, shots, lastShot, freePort(), List.of(), Map.of(), api -> {});
    }

    private void browse(
            String scriptName,
            String passed,
            Path shots,
            String lastShot,
            int port,
            List<String> apiArguments,
            Map<String, String> browserEnvironment,
            AfterBrowsing after)
            throws Exception {
        Path script = E2E.resolve(scriptName);
        assertThat(JAR)
                .as("the packaged api (mvn verify packages it before the integration tests)")
                .isRegularFile();
        assertThat(script.getParent().resolveSibling("node_modules").resolve("playwright-core"))
                .as("the ui's npm packages (the ui module runs npm ci)")
                .isDirectory();
        assertThat(Path.of("/usr/bin/chromium"))
                .as("Debian's chromium (apt-get install chromium)")
                .isExecutable();
        Files.createDirectories(LOGS);
        clear(shots); // screenshots of an earlier run must not pass for this one's
        String stem = scriptName.replace(".mjs", "");
        Path apiLog = LOGS.resolve(stem + "-api.log");
        Path browserLog = LOGS.resolve(stem + "-browser.log");

        List<String> command = new java.util.ArrayList<>(List.of(
                javaCommand(),
                "--sun-misc-unsafe-memory-access=allow",
                "-Xmx1g",
                "-jar",
                JAR.toString(),
                "--server.port=" + port,
                "--assay.data-dir=" + work.resolve(stem + "-data")));
        command.addAll(apiArguments);
        ProcessBuilder apiProcess = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(apiLog.toFile());
        embeddedDefaults(apiProcess.environment());
        Process api = apiProcess.start();
        try {
            awaitHealthy(port, api, apiLog);
            ProcessBuilder browserProcess = new ProcessBuilder("node", script.toString(), "http://127.0.0.1:" + port)
                    .directory(script.getParent().getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(browserLog.toFile());
            browserProcess.environment().put("ASSAY_SCREENSHOTS", shots.toString());
            browserProcess.environment().putAll(browserEnvironment);
            Process browser = browserProcess.start();
            browser.getOutputStream().close();
            boolean finished = browser.waitFor(6, TimeUnit.MINUTES);
            if (!finished) {
                browser.descendants().forEach(ProcessHandle::destroyForcibly);
                browser.destroyForcibly();
            }
            String output = Files.readString(browserLog);
            System.out.println(output);
            assertThat(finished)
                    .as("the browser test finished within 6 minutes:%n%s", output)
                    .isTrue();
            assertThat(browser.exitValue())
                    .as("the browser test failed:%n%s%napi log: %s", output, apiLog)
                    .isZero();
            assertThat(output).contains(passed);
            if (lastShot != null) {
                assertThat(shots.resolve(lastShot))
                        .as("a screenshot of the last screen")
                        .isNotEmptyFile();
            }
            after.check(api);
        } finally {
            api.destroy();
            if (!api.waitFor(20, TimeUnit.SECONDS)) {
                api.destroyForcibly();
            }
        }
    }

    private static void clear(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static void embeddedDefaults(Map<String, String> environment) {
        environment.keySet().removeIf(name -> FOREIGN.stream().anyMatch(name::startsWith));
    }

    private static String javaCommand() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static void awaitHealthy(int port, Process api, Path log) throws InterruptedException, IOException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        // Generous: a first start creates the embedded PostgreSQL (initdb), slow on a busy build machine.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
        while (Instant.now().isBefore(deadline)) {
            if (!api.isAlive()) {
                throw new AssertionError("the api stopped while starting:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> answer = client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException starting) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the api did not become healthy within 240 s; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
