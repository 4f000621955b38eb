package dev.assay.runner.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A/B comparison of the engine's CPU on one file (a main, not a test): each version's classes in a class loader of
 * their own, all in one JVM, profiled in turn (A B, then B A, ...), so that a shared machine's changing load falls
 * on every version alike. Prints each run's process CPU, wall time and the CPU of each thread by name (what is left,
 * "GC and JIT", is the JVM's own threads), then each version's median and minimum. Run it with
 * {@code scripts/ab-profile.sh}.
 *
 * <p>Arguments: {@code FILE ROUNDS DIR...}, each DIR holding a version's {@code classes} (runner-image) and
 * {@code model} (model) class folders.
 */
public final class ProfileAB {

    private ProfileAB() {}

    private record Version(String name, Object engine, Method profile, Object listener) {
        void run(Path input, Path out) throws ReflectiveOperationException {
            profile.invoke(engine, input, out, listener);
        }
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        List<Version> versions = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            versions.add(load(Path.of(args[i])));
        }
        Path titanic = Path.of("..", "examples", "datasets", "titanic.csv");
        Path out = Files.createTempDirectory("profile-ab");
        for (Version version : versions) {
            for (int k = 0; k < 5; k++) {
                version.run(titanic, out.resolve("titanic"));
            }
        }
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        Map<String, List<Double>> wall = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            List<Version> order = new ArrayList<>(versions);
            if (round % 2 == 1) {
                Collections.reverse(order);
            }
            for (Version version : order) {
                System.gc();
                Thread.sleep(500);
                String load = Files.readString(Path.of("/proc/loadavg")).substring(0, 14);
                ThreadCpu threads = ThreadCpu.start();
                long cpuBefore = cpuNanos();
                long started = System.nanoTime();
                version.run(file, out.resolve(version.name()));
                double seconds = (System.nanoTime() - started) / 1e9;
                double cpuSeconds = (cpuNanos() - cpuBefore) / 1e9;
                Map<String, Double> perThread = threads.stop();
                cpu.computeIfAbsent(version.name(), v -> new ArrayList<>()).add(cpuSeconds);
                wall.computeIfAbsent(version.name(), v -> new ArrayList<>()).add(seconds);
                StringBuilder line = new StringBuilder();
                double named = 0;
                for (Map.Entry<String, Double> e : perThread.entrySet()) {
                    line.append(String.format(Locale.ROOT, " %s %.1f,", e.getKey(), e.getValue()));
                    named += e.getValue();
                }
                line.append(String.format(Locale.ROOT, " GC and JIT %.1f", cpuSeconds - named));
                System.out.printf(
                        Locale.ROOT,
                        "round %d %-8s wall %5.1f s, CPU %5.1f s (load %s) |%s%n",
                        round,
                        version.name(),
                        seconds,
                        cpuSeconds,
                        load.strip(),
                        line);
            }
        }
        // The outputs (a cleaned.csv as large as the file per version) are not needed afterwards.
        try (var files = Files.walk(out)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        for (String name : cpu.keySet()) {
            double[] c = cpu.get(name).stream()
                    .mapToDouble(Double::doubleValue)
                    .sorted()
                    .toArray();
            double[] w = wall.get(name).stream()
                    .mapToDouble(Double::doubleValue)
                    .sorted()
                    .toArray();
            System.out.printf(
                    Locale.ROOT,
                    "%-8s CPU median %.1f s, min %.1f s | wall median %.1f s, min %.1f s | CPU of each run %s%n",
                    name,
                    c[c.length / 2],
                    c[0],
                    w[w.length / 2],
                    w[0],
                    Arrays.toString(c));
        }
    }

    /** CPU time of the whole process, the collector's and compiler's threads too. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Version load(Path dir) throws Exception {
        URLClassLoader loader = new URLClassLoader(
                new URL[] {
                    dir.resolve("classes").toUri().toURL(),
                    dir.resolve("model").toUri().toURL()
                },
                // The dependencies come from the class path; the engine's classes are not on it, so each loader
                // defines its version's own.
                ProfileAB.class.getClassLoader());
        Class<?> config = loader.loadClass("dev.assay.runner.core.EngineConfig");
        Class<?> engine = loader.loadClass("dev.assay.runner.engine.Engine");
        Class<?> listener = loader.loadClass("dev.assay.runner.core.ProgressListener");
        Object instance = engine.getConstructor(config)
                .newInstance(config.getMethod("defaults").invoke(null));
        return new Version(
                dir.getFileName().toString(),
                instance,
                engine.getMethod("profile", Path.class, Path.class, listener),
                listener.getField("NONE").get(null));
    }

    /** CPU time of each live thread during a run, sampled every 50 ms (threads end with the run), by name. */
    private static final class ThreadCpu {
        private final ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        private final Map<Long, long[]> times = new ConcurrentHashMap<>();
        private final Map<Long, String> names = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Thread sampler;

        static ThreadCpu start() {
            ThreadCpu cpu = new ThreadCpu();
            for (long id : cpu.bean.getAllThreadIds()) {
                long now = cpu.bean.getThreadCpuTime(id);
                if (now >= 0) {
                    cpu.times.put(id, new long[] {now, now});
                }
            }
            cpu.sampler =
                    Thread.ofPlatform().daemon().name("profile-ab-sampler").start(cpu::sample);
            return cpu;
        }

        private void sample() {
            long self = Thread.currentThread().threadId();
            while (running.get()) {
                for (ThreadInfo info : bean.getThreadInfo(bean.getAllThreadIds())) {
                    if (info == null || info.getThreadId() == self) {
                        continue;
                    }
                    long now = bean.getThreadCpuTime(info.getThreadId());
                    if (now >= 0) {
                        names.putIfAbsent(
                                info.getThreadId(), info.getThreadName().replaceAll("-?[0-9]+$", ""));
                        times.computeIfAbsent(info.getThreadId(), id -> new long[2])[1] = now;
                    }
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        Map<String, Double> stop() throws InterruptedException {
            running.set(false);
            sampler.join();
            Map<String, Double> byName = new TreeMap<>();
            for (Map.Entry<Long, long[]> e : times.entrySet()) {
                double seconds = (e.getValue()[1] - e.getValue()[0]) / 1e9;
                if (seconds >= 0.05) {
                    byName.merge(names.getOrDefault(e.getKey(), "?"), seconds, Double::sum);
                }
            }
            return byName;
        }
    }
}
