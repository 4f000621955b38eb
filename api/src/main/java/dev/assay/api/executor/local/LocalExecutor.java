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
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the engine in this process: a fixed pool of workers behind a bounded queue, so a burst of uploads
 * waits its turn instead of exhausting memory, and a full queue is refused (503) instead of piling up. Room is
 * {@link #reserve reserved} before the api stores anything, so a refused request leaves nothing behind. Each
 * task is run by the runner's {@link TaskRunner}, exactly as a runner pod runs it: inputs downloaded into a
 * private work folder, outputs uploaded only if the engine succeeded, failures recorded on the task's status
 * in words a person can act on. The pool keeps serving either way.
 *
 * <p>Every task it holds, queued or running, carries a lease in the status store that this process renews every
 * {@code heartbeat}; a {@link StaleTaskSweeper} (at start and then periodically) fails the tasks of processes
 * that stopped renewing, so a kill -9 or a lost machine never leaves a task "running" for good.
 */
public final class LocalExecutor implements Executor, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalExecutor.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    /** How often leases are renewed and how long silence means a process is gone. */
    public record Liveness(Duration heartbeat, Duration staleAfter) {
        public static final Liveness DEFAULT = new Liveness(Duration.ofSeconds(5), Duration.ofSeconds(30));

        public Liveness {
            if (staleAfter.compareTo(heartbeat.multipliedBy(2)) < 0) {
                throw new IllegalArgumentException(
                        "a task must be stale after at least two heartbeats (" + heartbeat + "), not " + staleAfter);
            }
        }
    }

    private final StatusStore statuses;
    private final TaskRunner tasks;
    private final Clock clock;
    private final ThreadPoolExecutor pool;
    private final Semaphore room;
    private final MeterRegistry meters;
    private final String owner;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService chores;

    public LocalExecutor(
            ArtifactStore artifacts,
            StatusStore statuses,
            TaskRunner.Profiler profiler,
            TaskRunner.Applier applier,
            int workers,
            int queueCapacity,
            Path workRoot,
            Clock clock,
            MeterRegistry meters) {
        this(artifacts, statuses, profiler, applier, workers, queueCapacity, workRoot, clock, meters, Liveness.DEFAULT);
    }

    public LocalExecutor(
            ArtifactStore artifacts,
            StatusStore statuses,
            TaskRunner.Profiler profiler,
            TaskRunner.Applier applier,
            int workers,
            int queueCapacity,
            Path workRoot,
            Clock clock,
            MeterRegistry meters,
            Liveness liveness) {
        this.statuses = statuses;
        this.clock = clock;
        this.meters = meters;
        this.owner = "api@" + hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.room = new Semaphore(workers + queueCapacity);
        AtomicInteger threads = new AtomicInteger();
        // The semaphore is the limit; the queue has room for every reserved task even while a finished worker
        // has given back its room but not yet taken the next task.
        this.pool = new ThreadPoolExecutor(
                workers,
                workers,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity + workers),
                runnable -> {
                    Thread thread = new Thread(runnable, "assay-worker-" + threads.incrementAndGet());
                    thread.setDaemon(false);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
        this.tasks = new TaskRunner(artifacts, statuses, profiler, applier, workRoot, clock, pool::isShutdown);
        Gauge.builder("assay.executor.queued", pool, p -> p.getQueue().size())
                .description("tasks waiting for a worker")
                .register(meters);
        Gauge.builder("assay.executor.active", pool, ThreadPoolExecutor::getActiveCount)
                .description("tasks running now")
                .register(meters);
        this.chores = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "assay-leases");
            thread.setDaemon(true);
            return thread;
        });
        StaleTaskSweeper sweeper = new StaleTaskSweeper(
                statuses, owner, held::contains, liveness.staleAfter(), liveness.heartbeat(), clock);
        long beat = liveness.heartbeat().toMillis();
        chores.scheduleWithFixedDelay(this::renewLeases, beat, beat, TimeUnit.MILLISECONDS);
        chores.scheduleWithFixedDelay(sweeper, 0, liveness.staleAfter().toMillis() / 2, TimeUnit.MILLISECONDS);
        log.info(
                "local executor {}: {} workers, {} waiting at most; leases renewed every {}, stale after {}",
                owner,
                workers,
                queueCapacity,
                liveness.heartbeat(),
                liveness.staleAfter());
    }

    public static LocalExecutor withEngine(
            Engine engine,
            ArtifactStore artifacts,
            StatusStore statuses,
            int workers,
            int queueCapacity,
            Path workRoot,
            Clock clock,
            MeterRegistry meters,
            Liveness liveness) {
        return new LocalExecutor(
                artifacts,
                statuses,
                engine::profile,
                engine::apply,
                workers,
                queueCapacity,
                workRoot,
                clock,
                meters,
                liveness);
    }

    /** This process's name in task leases. */
    public String owner() {
        return owner;
    }

    @Override
    public Reservation reserve() {
        if (pool.isShutdown() || !room.tryAcquire()) {
            throw new ExecutorBusyException(
                    "the server is busy: " + pool.getActiveCount() + " tasks are running and "
                            + pool.getQueue().size() + " are waiting; try again in " + RETRY_AFTER.toSeconds()
                            + " seconds",
                    RETRY_AFTER);
        }
        return new Room();
    }

    /** Whether a task reserved now would be accepted (for tests and metrics; requests use {@link #reserve}). */
    public boolean hasCapacity() {
        return !pool.isShutdown() && room.availablePermits() > 0;
    }

    private void renewLeases() {
        try {
            statuses.lease(owner, List.copyOf(held), clock.instant());
        } catch (RuntimeException e) {
            log.warn("could not renew {} task leases: {}", held.size(), e.toString());
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
        chores.shutdownNow();
        List<Runnable> waiting = pool.shutdownNow();
        for (Runnable runnable : waiting) {
            if (runnable instanceof Work work) {
                try {
                    statuses.get(work.id)
                            .ifPresent(status -> statuses.put(
                                    status.abandoned("the server stopped before this task started", clock.instant())));
                    statuses.release(work.id);
                } catch (RuntimeException e) {
                    log.warn("could not mark {} as failed on shutdown: {}", work.id, e.getMessage());
                }
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

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "localhost";
            }
        }
        return host;
    }

    /** Room for one task; submitting hands it to the task, which gives it back when it ends. */
    private final class Room implements Reservation {
        private final AtomicBoolean open = new AtomicBoolean(true);

        @Override
        public void submitProfile(ProfileTask task) {
            start(new Work(
                    task.jobId(),
                    TaskKind.PROFILE,
                    () -> tasks.profile(task.jobId(), task.sourceKey(), task.fileName(), task.options())));
        }

        @Override
        public void submitRun(RunTask task) {
            start(new Work(
                    task.runId(),
                    TaskKind.RUN,
                    () -> tasks.apply(
                            task.jobId(),
                            task.runId(),
                            TaskRunner.sourceOf(task.jobId()),
                            task.plan(),
                            task.runName().orElse(""))));
        }

        private void start(Work work) {
            if (!open.compareAndSet(true, false)) {
                throw new IllegalStateException("a reservation starts one task");
            }
            held.add(work.id);
            try {
                statuses.lease(owner, List.of(work.id), clock.instant());
                pool.execute(work);
            } catch (RuntimeException e) {
                held.remove(work.id);
                room.release();
                if (e instanceof RejectedExecutionException) {
                    throw new ExecutorBusyException("the server is stopping; try again in a minute", RETRY_AFTER);
                }
                throw e;
            }
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                room.release();
            }
        }
    }

    /** A queued task; running it records its duration and outcome (done, refused, failed) as a metric. */
    private final class Work implements Runnable {
        private final String id;
        private final TaskKind kind;
        private final Supplier<TaskRunner.Outcome> body;

        Work(String id, TaskKind kind, Supplier<TaskRunner.Outcome> body) {
            this.id = id;
            this.kind = kind;
            this.body = body;
        }

        @Override
        public void run() {
            Timer.Sample timing = Timer.start(meters);
            TaskRunner.Outcome outcome = TaskRunner.Outcome.FAILED;
            boolean recorded = false;
            try {
                outcome = body.get();
                recorded =
                        statuses.get(id).map(task -> task.status().finished()).orElse(true);
            } catch (RuntimeException e) {
                log.error("{} {}: the status store failed around the task: {}", kind, id, e.toString());
            } finally {
                timing.stop(Timer.builder("assay.tasks")
                        .description("tasks run by the local executor")
                        .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                        .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                        .register(meters));
                // A task whose end is not in the store keeps its lease: no longer held here, the sweeper fails it
                // once the store is back, instead of it showing "running" for good.
                if (recorded) {
                    try {
                        statuses.release(id);
                    } catch (RuntimeException e) {
                        log.warn("could not release the lease of {}: {}", id, e.toString());
                    }
                }
                held.remove(id);
                room.release();
            }
        }
    }
}
