package dev.assay.api;

import static org.assertj.core.api.Assertions.assertThat;

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
 * {@code api/target/e2e}.
 */
class BrowserEndToEndIT {

    private static final Path JAR = Path.of("target", "assay-api.jar").toAbsolutePath();
    private static final Path E2E = Path.of("..", "ui", "e2e").toAbsolutePath().normalize();
    private static final Path SHOTS = Path.of("target", "e2e-screenshots").toAbsolutePath();
    private static final Path LOGS = Path.of("target", "e2e").toAbsolutePath();
    /** Settings that would take the api away from its embedded defaults (an LLM key, Redis, S3, Kubernetes). */
    private static final List<String> FOREIGN = List.of("ASSAY_", "SPRING_", "GEMINI_", "GOOGLE_API_KEY", "OPENAI_");

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

    private void browse(String scriptName, String passed, Path shots, String lastShot) throws Exception {
        Path script = E2E.resolve(scriptName);
        assertThat(JAR).as("the packaged api (mvn verify packages it before the integration tests)").isRegularFile();
        assertThat(script.getParent().resolveSibling("node_modules").resolve("playwright-core"))
                .as("the ui's npm packages (the ui module runs npm ci)").isDirectory();
        assertThat(Path.of("/usr/bin/chromium")).as("Debian's chromium (apt-get install chromium)").isExecutable();
        Files.createDirectories(LOGS);
        clear(shots); // screenshots of an earlier run must not pass for this one's
        String stem = scriptName.replace(".mjs", "");
        Path apiLog = LOGS.resolve(stem + "-api.log");
        Path browserLog = LOGS.resolve(stem + "-browser.log");
        int port = freePort();

        ProcessBuilder apiProcess = new ProcessBuilder(javaCommand(), "--sun-misc-unsafe-memory-access=allow", "-Xmx1g",
                "-jar", JAR.toString(), "--server.port=" + port, "--assay.data-dir=" + work.resolve(stem + "-data"))
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(apiLog.toFile());
        embeddedDefaults(apiProcess.environment());
        Process api = apiProcess.start();
        try {
            awaitHealthy(port, api, apiLog);
            ProcessBuilder browserProcess = new ProcessBuilder("node", script.toString(), "http://127.0.0.1:" + port)
                    .directory(script.getParent().getParent().toFile())
                    .redirectErrorStream(true).redirectOutput(browserLog.toFile());
            browserProcess.environment().put("ASSAY_SCREENSHOTS", shots.toString());
            Process browser = browserProcess.start();
            browser.getOutputStream().close();
            boolean finished = browser.waitFor(6, TimeUnit.MINUTES);
            if (!finished) {
                browser.descendants().forEach(ProcessHandle::destroyForcibly);
                browser.destroyForcibly();
            }
            String output = Files.readString(browserLog);
            System.out.println(output);
            assertThat(finished).as("the browser test finished within 6 minutes:%n%s", output).isTrue();
            assertThat(browser.exitValue()).as("the browser test failed:%n%s%napi log: %s", output, apiLog).isZero();
            assertThat(output).contains(passed);
            if (lastShot != null) {
                assertThat(shots.resolve(lastShot)).as("a screenshot of the results").isNotEmptyFile();
            }
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
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static void awaitHealthy(int port, Process api, Path log) throws InterruptedException, IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!api.isAlive()) {
                throw new AssertionError("the api stopped while starting:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException starting) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the api did not become healthy within 120 s; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
