package dev.assay.api.executor.local;

import dev.assay.api.config.AssayProperties;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.engine.Engine;
import dev.assay.runner.storage.ArtifactStore;
import dev.assay.runner.storage.StatusStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The default executor: the engine in this process. {@code assay.executor=kubernetes} selects another one. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "assay.executor", havingValue = "local", matchIfMissing = true)
public class LocalExecutorConfiguration {

    @Bean
    Engine engine(
            AssayProperties properties,
            @org.springframework.beans.factory.annotation.Value("${assay.profile.stream-above:}") String streamAbove) {
        EngineConfig defaults = EngineConfig.defaults();
        // The engine refuses what the api would not have accepted for upload either. Above the streaming threshold
        // an upload is profiled in streaming mode (bounded memory, estimates) and refuses plans.
        return new Engine(new EngineConfig(
                properties.upload().maxSize().toBytes(),
                defaults.maxColumns(),
                defaults.maxCellChars(),
                defaults.dropDuplicates(),
                defaults.neutraliseFormulas(),
                defaults.maxOneHotCategories(),
                streamAbove.isBlank() ? defaults.streamAboveBytes() : EngineConfig.parseSize(streamAbove)));
    }

    /** Where tasks unpack their inputs and write outputs before they are stored. */
    public static Path workRoot() {
        return Path.of(System.getProperty("java.io.tmpdir"), "assay-work");
    }

    @Bean(destroyMethod = "close")
    LocalExecutor localExecutor(
            Engine engine,
            ArtifactStore artifacts,
            StatusStore statuses,
            AssayProperties properties,
            Clock clock,
            MeterRegistry meters) {
        return LocalExecutor.withEngine(
                engine,
                artifacts,
                statuses,
                properties.executorWorkers(),
                properties.executorQueue(),
                workRoot(),
                clock,
                meters,
                new LocalExecutor.Liveness(
                        properties.tasks().heartbeat(), properties.tasks().staleAfter()));
    }
}
