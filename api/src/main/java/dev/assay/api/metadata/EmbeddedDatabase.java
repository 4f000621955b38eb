package dev.assay.api.metadata;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The laptop mode's PostgreSQL: the real server from the binaries shipped in the api's jar, started on a free
 * loopback port with its files under the data folder, so datasets, owners and the audit trail outlive a restart
 * just as the artifacts do. A server left running by an api that was killed ({@code kill -9} gives it no chance to
 * stop it) is stopped first, or its lock file would refuse the new one.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres server;

    private EmbeddedDatabase(EmbeddedPostgres server) {
        this.server = server;
    }

    public static EmbeddedDatabase start(Path directory) throws IOException {
        return start(directory, 0);
    }

    /** @param port the loopback port to listen on; 0: any free one */
    public static EmbeddedDatabase start(Path directory, int port) throws IOException {
        Files.createDirectories(directory);
        stopOrphan(directory);
        long started = System.nanoTime();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres server = builder.setDataDirectory(directory)
                .setCleanDataDirectory(false)
                // A loaded laptop (or CI machine) can take a while for initdb and the first start.
                .setPGStartupWait(Duration.ofSeconds(120))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        log.info(
                "embedded PostgreSQL on 127.0.0.1:{} with its files in {} ({} ms)",
                server.getPort(),
                directory,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return new EmbeddedDatabase(server);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
    }

    public String username() {
        return "postgres";
    }

    /** Stops a postmaster whose pid file names a live PostgreSQL process; a stale pid file alone is harmless. */
    static void stopOrphan(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> orphan = Files.readAllLines(pidFile).stream()
                .findFirst()
                .map(String::strip)
                .filter(line -> line.matches("\\d{1,10}"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (orphan.isPresent()) {
            log.warn(
                    "stopping the PostgreSQL (pid {}) that an api which did not shut down left running in {}",
                    orphan.get().pid(),
                    directory);
            // SIGTERM: PostgreSQL's smart shutdown; the dead api's connections are gone, so it stops at once.
            orphan.get().destroy();
            try {
                orphan.get().onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IOException(
                        "the PostgreSQL left running in " + directory + " (pid "
                                + orphan.get().pid() + ") did not stop; stop it and start the api again",
                        e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
