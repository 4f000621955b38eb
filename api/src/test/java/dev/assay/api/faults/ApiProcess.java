package dev.assay.api.faults;

import dev.assay.api.HttpApi;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged api jar in a process of its own, so a test can kill it as a crash would (SIGKILL) and restart it. */
final class ApiProcess implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(240);

    static final Path JAR = Path.of("target", "assay-api.jar").toAbsolutePath();

    private final Process process;
    final int port;
    final HttpApi http;
    final Path log;

    private ApiProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.http = new HttpApi(port);
        this.log = log;
    }

    /** Starts the jar with {@code --key=value} settings and waits until it answers. */
    static ApiProcess start(Path logDir, String... settings) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "--sun-misc-unsafe-memory-access=allow",
                "-jar",
                JAR.toString(),
                "--server.port=" + port));
        command.addAll(List.of(settings));
        Files.createDirectories(logDir);
        Path log = Files.createTempFile(logDir, "api-", ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ApiProcess api = new ApiProcess(process, port, log);
        // A bound on a hang, not a speed goal: on a 2-core machine under a parallel build the api has taken over 90 s.
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the api exited with " + process.exitValue() + "; log:\n" + Files.readString(log));
            }
            try {
                if (api.http.get("/actuator/health/liveness").status() == 200) {
                    return api;
                }
            } catch (RuntimeException notYet) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException(
                "the api did not start within " + START_LIMIT.toSeconds() + " s; log:\n" + Files.readString(log));
    }

    /** SIGKILL: no shutdown hook, no graceful stop, exactly what a crash or an OOM kill leaves. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
