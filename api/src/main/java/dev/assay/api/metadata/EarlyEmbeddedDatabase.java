package dev.assay.api.metadata;

import dev.assay.api.config.AssayProperties;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the laptop mode's embedded PostgreSQL on a thread of its own as soon as the settings are known (the
 * environment is prepared, before the context is even made), so that locating its binaries, initdb and the server's
 * own start run while Spring builds the context instead of after most of it: on a fresh data folder, as in a new
 * container, that start was about a third of the api's time to readiness (docs/cold-start.md). Nothing else changes:
 * the DataSource waits for this server ({@link DatabaseConfiguration} takes it from the context, or starts one itself
 * when there is none or the settings changed meanwhile), Flyway migrates before anything reads it, and readiness
 * follows the refreshed context as before.
 *
 * <p>Added by the api's {@code main} only, not through {@code spring.factories}: a test's context, or another Spring
 * application in the same JVM (the tests' OpenID provider), must not start a PostgreSQL it never uses.
 */
public final class EarlyEmbeddedDatabase implements ApplicationListener<SpringApplicationEvent> {

    private static final Logger log = LoggerFactory.getLogger(EarlyEmbeddedDatabase.class);

    /** Bean name of the {@link Start} in the context. */
    static final String BEAN = "earlyEmbeddedDatabase";

    private Optional<Start> start = Optional.empty();

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        switch (event) {
            case ApplicationEnvironmentPreparedEvent prepared -> begin(prepared.getEnvironment());
            case ApplicationPreparedEvent contextReady -> start.ifPresent(s -> hand(s, contextReady));
            // Whether or not the context got it, a failed start must not leave the server running; one taken or
            // stopped already is not stopped twice.
            case ApplicationFailedEvent failed -> start.ifPresent(Start::close);
            default -> {}
        }
    }

    private void begin(ConfigurableEnvironment environment) {
        Optional<DatabaseConfiguration.EmbeddedSettings> settings;
        try {
            Binder binder = Binder.get(environment);
            settings = DatabaseConfiguration.embeddedSettings(
                    binder.bindOrCreate("assay.database", DatabaseProperties.class),
                    binder.bindOrCreate("assay", AssayProperties.class));
        } catch (RuntimeException e) {
            // Settings the context will refuse with its own message when it binds them; the DataSource's
            // configuration then starts the server itself, if at all.
            log.info("embedded PostgreSQL not started early: {}", e.getMessage());
            return;
        }
        start = settings.map(Start::begin);
    }

    private static void hand(Start start, ApplicationPreparedEvent event) {
        if (event.getApplicationContext().getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
            registry.registerSingleton(BEAN, start);
            // A context that fails before its DataSource is made never takes the server: stop it with the context.
            registry.registerDisposableBean(BEAN, start::close);
        } else {
            start.close();
        }
    }

    /** A start under way; the first {@link #take()} owns the server from then on. */
    static final class Start {

        private final DatabaseConfiguration.EmbeddedSettings settings;
        private final CompletableFuture<EmbeddedDatabase> server = new CompletableFuture<>();
        private final AtomicBoolean taken = new AtomicBoolean();

        private Start(DatabaseConfiguration.EmbeddedSettings settings) {
            this.settings = settings;
        }

        static Start begin(DatabaseConfiguration.EmbeddedSettings settings) {
            Start start = new Start(settings);
            // Not a daemon: a JVM that exits while initdb runs would leave a half-made data folder behind.
            Thread.ofPlatform().name("embedded-postgres-start").start(() -> {
                try {
                    start.server.complete(EmbeddedDatabase.start(settings.directory(), settings.port()));
                } catch (Throwable e) {
                    // Whatever ends the start, the DataSource waiting in take() must hear of it.
                    start.server.completeExceptionally(e);
                }
            });
            return start;
        }

        /** Where and on which port it starts. */
        DatabaseConfiguration.EmbeddedSettings settings() {
            return settings;
        }

        /** Waits for the server; a failed start throws what the start threw. */
        EmbeddedDatabase take() throws IOException {
            taken.set(true);
            try {
                return server.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the embedded PostgreSQL started", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IOException(e.getCause());
            }
        }

        /** Stops the server if nothing took it (after its start ends, should it still be running). */
        void close() {
            if (taken.getAndSet(true)) {
                return;
            }
            try {
                server.get().close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | IOException e) {
                log.warn("embedded PostgreSQL started early and not used: {}", e.getMessage());
            }
        }
    }
}
