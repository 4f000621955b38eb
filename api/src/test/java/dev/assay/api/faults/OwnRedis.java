package dev.assay.api.faults;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A Redis server of the test's own, on a port of its own, without persistence (as many deployments run it): the
 * test stops and starts it to cut the api off, and a restart loses everything, as a real one would.
 */
final class OwnRedis implements AutoCloseable {

    final int port;
    private final Path dir;
    private Process process;

    OwnRedis(Path dir) throws IOException {
        this.port = ApiProcess.freePort();
        this.dir = dir;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    OwnRedis start() throws IOException, InterruptedException {
        process = new ProcessBuilder(
                        "redis-server",
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--dir",
                        dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis-" + port + ".log").toFile())
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return this;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("redis-server did not start on port " + port);
    }

    /** Kills the server: every connection drops and, without persistence, every key is gone. */
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
            process = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
