package dev.assay.api.executor.local;

import dev.assay.api.executor.Executor;
import dev.assay.api.executor.ExecutorBusyException;
import dev.assay.api.executor.ProfileTask;
import dev.assay.api.executor.RunTask;
import dev.assay.model.status.TaskKind;
import dev.assay.runner.engine.Engine;
import dev.assay.runner.storage.ArtifactStore;
import dev.assay.runner.storage.StatusStore;
import dev.assay.runner.task.TaskRunner;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the engine in this process: a fixed pool of workers behind a bounded queue, so a burst of uploads
 * waits its turn instead of exhausting memory, and a full queue is refused (503) instead of piling up. Each
 * task is run by the runner's {@link TaskRunner}, exactly as a runner pod runs it: inputs downloaded into a
 * private work folder, outputs uploaded only if the engine succeeded, failures recorded on the task's status
 * in words a person can act on. The pool keeps serving either way.
 */
public final class LocalExecutor implements Executor, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalExecutor.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final StatusStore statuses;
    private final TaskRunner tasks;
    private final Clock clock;
    private final ThreadPoolExecutor pool;
    private final MeterRegistry meters;

    public LocalExecutor(ArtifactStore artifacts, StatusStore statuses, TaskRunner.Profiler profiler,
                         TaskRunner.Applier applier, int workers, int queueCapacity, Path workRoot, Clock clock,
                         MeterRegistry meters) {
        this.statuses = statuses;
        this.clock = clock;
        this.meters = meters;
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), runnable -> {
                    Thread thread = new Thread(runnable, "assay-worker-" + threads.incrementAndGet());
                    thread.setDaemon(false);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.tasks = new TaskRunner(artifacts, statuses, profiler, applier, workRoot, clock, pool::isShutdown);
        Gauge.builder("assay.executor.queued", pool, p -> p.getQueue().size())
                .description("tasks waiting for a worker").register(meters);
        Gauge.builder("assay.executor.active", pool, ThreadPoolExecutor::getActiveCount)
                .description("tasks running now").register(meters);
    }

    public static LocalExecutor withEngine(Engine engine, ArtifactStore artifacts, StatusStore statuses, int workers,
                                           int queueCapacity, Path workRoot, Clock clock, MeterRegistry meters) {
        return new LocalExecutor(artifacts, statuses, engine::profile, engine::apply, workers, queueCapacity, workRoot,
                clock, meters);
    }

    @Override
    public void submitProfile(ProfileTask task) {
        submit(new Work(task.jobId(), TaskKind.PROFILE,
                () -> tasks.profile(task.jobId(), task.sourceKey(), task.fileName(), task.options())));
    }

    @Override
    public void submitRun(RunTask task) {
        submit(new Work(task.runId(), TaskKind.RUN, () -> tasks.apply(task.jobId(), task.runId(),
                TaskRunner.sourceOf(task.jobId()), task.plan(), task.runName().orElse(""))));
    }

    @Override
    public boolean hasCapacity() {
        return !pool.isShutdown() && (pool.getQueue().remainingCapacity() > 0 || pool.getActiveCount() < pool.getMaximumPoolSize());
    }

    private void submit(Work work) {
        try {
            pool.execute(work);
        } catch (RejectedExecutionException e) {
            throw new ExecutorBusyException("the server is busy: " + pool.getActiveCount() + " tasks are running and "
                    + pool.getQueue().size() + " are waiting; try again in " + RETRY_AFTER.toSeconds() + " seconds",
                    RETRY_AFTER);
        }
    }

    /** Kept for tests and messages: how an uploaded name becomes a local file name. */
    static String localName(String fileName) {
        return TaskRunner.localName(fileName);
    }

    /**
     * Stops taking work. Tasks still waiting are marked failed (they would otherwise stay "queued" forever);
     * running tasks get a few seconds to finish.
     */
    @Override
    public void close() {
        List<Runnable> waiting = pool.shutdownNow();
        for (Runnable runnable : waiting) {
            if (runnable instanceof Work work) {
                statuses.get(work.id()).ifPresent(status -> {
                    try {
                        statuses.put(status.failed("the server stopped before this task started; submit it again",
                                clock.instant()));
                    } catch (RuntimeException e) {
                        log.warn("could not mark {} as failed on shutdown: {}", work.id(), e.getMessage());
                    }
                });
            }
        }
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("tasks still running at shutdown: {}", pool.getActiveCount());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A queued task; running it records its duration and outcome (done, refused, failed) as a metric. */
    private final class Work implements Runnable {
        private final String id;
        private final TaskKind kind;
        private final java.util.function.Supplier<TaskRunner.Outcome> body;

        Work(String id, TaskKind kind, java.util.function.Supplier<TaskRunner.Outcome> body) {
            this.id = id;
            this.kind = kind;
            this.body = body;
        }

        String id() {
            return id;
        }

        @Override
        public void run() {
            Timer.Sample timing = Timer.start(meters);
            TaskRunner.Outcome outcome = TaskRunner.Outcome.FAILED;
            try {
                outcome = body.get();
            } finally {
                timing.stop(Timer.builder("assay.tasks").description("tasks run by the local executor")
                        .tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
                        .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)).register(meters));
            }
        }
    }

}
