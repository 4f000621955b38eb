package dev.assay.runner.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.assay.model.profile.Profile;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.ProgressListener;
import dev.assay.runner.engine.Engine;
import dev.assay.runner.testing.Datasets;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Benchmark of the profile (a main, not a test: this machine is shared and its speed varies, so the figures are
 * printed, never asserted). Run it with {@code scripts/bench-profile.sh}; docs/benchmarks.md says what it
 * measures and holds the last figures.
 *
 * <ol>
 *   <li>Titanic end to end, warm: {@link Engine#profile} writing profile.json, report.html and cleaned.csv.</li>
 *   <li>A generated CSV of 10 million rows × 10 mixed columns (about 1 GB, written once into the output folder
 *       and reused): wall time, rows/s, peak heap, and the time of each stage.</li>
 *   <li>DuckDB's {@code SUMMARIZE} over the same file in the same run, and the ratio.</li>
 *   <li>The streaming profile of the same file, forced, against the exact one: the rank errors of its quantiles
 *       and the relative errors of its distinct counts, beside the bounds the profile states.</li>
 *   <li>With {@code --streaming FILE} only: the profile of FILE as the engine chooses it with this JVM's heap
 *       (streaming above a quarter of it), wall time, rows/s and peak heap; the script runs it in a second JVM with
 *       a heap a fifth of the file's size or less.</li>
 * </ol>
 *
 * Arguments: {@code [--dir DIR] [--rows N] [--titanic-runs N] [--skip-big] [--skip-duckdb] [--skip-errors]
 * [--streaming FILE]}.
 */
public final class ProfileBenchmark {

    /** Bump when the generator changes, so an old file is not reused. */
    private static final int GENERATOR_VERSION = 2;

    private ProfileBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("target", "bench");
        long rows = 10_000_000;
        int titanicRuns = 30;
        boolean big = true;
        boolean duckdb = true;
        boolean errors = true;
        Path streaming = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[++i]);
                case "--rows" -> rows = Long.parseLong(args[++i].replace("_", ""));
                case "--titanic-runs" -> titanicRuns = Integer.parseInt(args[++i]);
                case "--skip-big" -> big = false;
                case "--skip-duckdb" -> duckdb = false;
                case "--skip-errors" -> errors = false;
                case "--streaming" -> streaming = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Files.createDirectories(dir);
        System.out.printf(
                Locale.ROOT,
                "JVM: %s, %d processors, max heap %s%n",
                Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                mb(Runtime.getRuntime().maxMemory()));
        if (streaming != null) {
            StreamingBenchmark.run(streaming, dir.resolve("streaming-out"));
            return;
        }

        titanic(dir, titanicRuns);
        if (big) {
            Path csv = generate(dir, rows);
            Timing ours = profileBig(csv, dir.resolve("big-out"), rows);
            if (duckdb) {
                Timing theirs = duckdb(csv);
                System.out.printf(
                        Locale.ROOT,
                        "ratio Assay / DuckDB SUMMARIZE: %.2f in wall time, %.2f in CPU time (goal ≤ 2)%n",
                        ours.wall() / theirs.wall(),
                        ours.cpu() / theirs.cpu());
            }
            if (errors) {
                StreamingBenchmark.errors(csv, dir.resolve("errors-out"), ours.profile());
            }
        }
    }

    private static void titanic(Path dir, int runs) {
        Engine engine = new Engine(EngineConfig.defaults());
        Path input = Datasets.DIR.resolve("titanic.csv");
        Path out = dir.resolve("titanic-out");
        for (int i = 0; i < runs; i++) {
            engine.profile(input, out, ProgressListener.NONE);
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            engine.profile(input, out, ProgressListener.NONE);
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf(
                Locale.ROOT,
                "titanic.csv end to end (warm, %d runs after %d warm-up): median %.0f ms, "
                        + "fastest %.0f ms, slowest %.0f ms (goal ≤ 350 ms)%n",
                runs,
                runs,
                millis[runs / 2],
                millis[0],
                millis[runs - 1]);
    }

    // ---------------------------------------------------------------- the generated file

    private static final String[] CITIES = {
        "Amsterdam",
        "Athens",
        "Barcelona",
        "Berlin",
        "Bern",
        "Bratislava",
        "Brussels",
        "Bucharest",
        "Budapest",
        "Copenhagen",
        "Dublin",
        "Edinburgh",
        "Florence",
        "Geneva",
        "Hamburg",
        "Helsinki",
        "Kraków",
        "Lisbon",
        "Ljubljana",
        "London",
        "Luxembourg",
        "Lyon",
        "Madrid",
        "Milan",
        "Munich",
        "Naples",
        "Nice",
        "Oslo",
        "Paris",
        "Porto",
        "Prague",
        "Reykjavík",
        "Riga",
        "Rome",
        "Seville",
        "Sofia",
        "Stockholm",
        "Tallinn",
        "Vienna",
        "Zürich"
    };
    private static final String[] ADJECTIVES = {
        "fast",
        "late",
        "friendly",
        "damaged",
        "perfect",
        "slow",
        "cheap",
        "pricey",
        "lovely",
        "broken",
        "great",
        "poor",
        "quick",
        "careful",
        "missing",
        "noisy",
        "quiet",
        "clean",
        "dirty",
        "fine"
    };
    private static final String[] NOUNS = {
        "delivery",
        "parcel",
        "service",
        "driver",
        "packaging",
        "item",
        "order",
        "refund",
        "support",
        "courier",
        "box",
        "label",
        "invoice",
        "return",
        "pickup",
        "receipt",
        "product",
        "size",
        "colour",
        "price"
    };

    /** 10 columns of the kinds people upload: an id, categories, money, counts, dates, a flag, codes and text. */
    static Path generate(Path dir, long rows) throws IOException {
        Path csv = dir.resolve("profile-bench-" + rows + "-v" + GENERATOR_VERSION + ".csv");
        if (Files.isRegularFile(csv)) {
            System.out.printf(Locale.ROOT, "reusing %s (%s)%n", csv, mb(Files.size(csv)));
            return csv;
        }
        long started = System.nanoTime();
        SplittableRandom random = new SplittableRandom(42);
        LocalDate firstDay = LocalDate.of(2015, 1, 1);
        StringBuilder line = new StringBuilder(256);
        Path partial = dir.resolve(csv.getFileName() + ".partial");
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            out.write("id,city,amount,quantity,score,created,updated_at,active,customer,comment\n");
            for (long row = 1; row <= rows; row++) {
                line.setLength(0);
                line.append(row).append(',');
                double u = random.nextDouble();
                line.append(CITIES[(int) (u * u * CITIES.length)]).append(',');
                double amount = Math.exp(3 + random.nextGaussian());
                if (random.nextInt(50) != 0) {
                    appendFixed(line, amount, 2);
                }
                line.append(',');
                line.append(random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(50)).append(',');
                appendFixed(line, 0.5 * Math.log(amount) + random.nextGaussian(), 4);
                line.append(',');
                LocalDate created = firstDay.plusDays(random.nextInt(3653));
                line.append(created).append(',');
                LocalDateTime updated = created.atStartOfDay().plusSeconds(random.nextLong(365L * 24 * 3600));
                appendDateTime(line, updated);
                line.append(',');
                line.append(random.nextInt(5) == 0 ? "false" : "true").append(',');
                line.append('C');
                String customer = Integer.toString(random.nextInt(1_000_000));
                line.append("0".repeat(7 - customer.length())).append(customer).append(',');
                if (random.nextInt(20) == 0) {
                    line.append("NA");
                } else {
                    String adjective = ADJECTIVES[random.nextInt(ADJECTIVES.length)];
                    line.append('"')
                            .append(Character.toUpperCase(adjective.charAt(0)))
                            .append(adjective, 1, adjective.length())
                            .append(' ')
                            .append(NOUNS[random.nextInt(NOUNS.length)])
                            .append(", ref ")
                            .append(random.nextInt(1000))
                            .append('"');
                }
                line.append('\n');
                out.append(line);
            }
        }
        Files.move(partial, csv);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                Locale.ROOT, "generated %s: %,d rows, %s in %.1f s%n", csv, rows, mb(Files.size(csv)), seconds);
        return csv;
    }

    private static void appendFixed(StringBuilder line, double value, int decimals) {
        long scale = decimals == 2 ? 100 : 10_000;
        long scaled = Math.round(value * scale);
        if (scaled < 0) {
            line.append('-');
            scaled = -scaled;
        }
        line.append(scaled / scale).append('.');
        String fraction = Long.toString(scaled % scale);
        line.append("0".repeat(decimals - fraction.length())).append(fraction);
    }

    private static void appendDateTime(StringBuilder line, LocalDateTime t) {
        line.append(t.toLocalDate()).append(' ');
        two(line, t.getHour()).append(':');
        two(line, t.getMinute()).append(':');
        two(line, t.getSecond());
    }

    private static StringBuilder two(StringBuilder line, int value) {
        return line.append(value < 10 ? "0" : "").append(value);
    }

    // ---------------------------------------------------------------- Assay

    /** Seconds of wall time and of CPU time (and the profile, for Assay's run). */
    private record Timing(double wall, double cpu, Profile profile) {
        Timing(double wall, double cpu) {
            this(wall, cpu, null);
        }
    }

    private static Timing profileBig(Path csv, Path out, long rows) {
        Engine engine = new Engine(EngineConfig.defaults());
        Stages stages = new Stages();
        System.gc();
        HeapWatch heap = HeapWatch.start();
        long cpu = cpuNanos();
        long started = System.nanoTime();
        Profile profile = engine.profile(csv, out, stages).profile();
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (cpuNanos() - cpu) / 1e9;
        stages.update(100, "end");
        heap.stop();
        long fileBytes = size(csv);
        System.out.printf(
                Locale.ROOT,
                "Assay profile of %s: %,d rows × %d columns in %.1f s (%.1f s of CPU): %,.0f rows/s, " + "%.0f MB/s%n",
                csv.getFileName(),
                profile.table().rows(),
                profile.table().columns(),
                seconds,
                cpuSeconds,
                rows / seconds,
                fileBytes / 1e6 / seconds);
        System.out.printf(
                Locale.ROOT,
                "  heap: peak used %s (sampled every 10 ms), peak live after a GC %s, max %s%n",
                mb(heap.peakUsed()),
                mb(heap.peakLive()),
                mb(Runtime.getRuntime().maxMemory()));
        System.out.printf(
                Locale.ROOT,
                "  peak live after a young, mixed or full collection %s (%.2f× the file; a remark pause's figure "
                        + "counts the young generation uncollected)%n",
                mb(heap.peakCollected()),
                heap.peakCollected() / (double) fileBytes);
        System.out.println("  where the time goes:");
        stages.print(started);
        System.out.printf(Locale.ROOT, "  kinds: %s%n", profile.table().types());
        return new Timing(seconds, cpuSeconds, profile);
    }

    /** Records when each stage of the engine's progress starts. */
    static final class Stages implements ProgressListener {
        private final Map<String, Long> starts = new LinkedHashMap<>();

        @Override
        public synchronized void update(int percent, String stage) {
            starts.putIfAbsent(stage, System.nanoTime());
        }

        synchronized void print(long started) {
            List<Map.Entry<String, Long>> list = new ArrayList<>(starts.entrySet());
            long previous = started;
            String name = "start";
            for (Map.Entry<String, Long> entry : list) {
                if (entry.getValue() - previous > 1_000_000) {
                    System.out.printf(Locale.ROOT, "    %-28s %7.2f s%n", name, (entry.getValue() - previous) / 1e9);
                }
                previous = entry.getValue();
                name = entry.getKey();
            }
        }
    }

    /** The heap's peak: sampled used memory, and the live set measured right after each collection. */
    static final class HeapWatch {
        private final AtomicLong peakUsed = new AtomicLong();
        private final AtomicLong peakLive = new AtomicLong();
        private final AtomicLong peakCollected = new AtomicLong();
        private volatile boolean running = true;
        private Thread sampler;

        static HeapWatch start() {
            HeapWatch watch = new HeapWatch();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc)
                        .addNotificationListener(
                                (notification, handback) -> {
                                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                                            notification.getType())) {
                                        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                                                (CompositeData) notification.getUserData());
                                        long live = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                                                .mapToLong(MemoryUsage::getUsed)
                                                .sum();
                                        watch.peakLive.accumulateAndGet(live, Math::max);
                                        // G1's remark and cleanup pauses ("G1 Concurrent GC") evacuate nothing:
                                        // their "after" holds the young generation as it was, garbage included.
                                        if (!info.getGcName().contains("Concurrent")) {
                                            watch.peakCollected.accumulateAndGet(live, Math::max);
                                        }
                                    }
                                },
                                null,
                                null);
            }
            watch.sampler = Thread.ofPlatform().daemon().start(() -> {
                while (watch.running) {
                    watch.peakUsed.accumulateAndGet(
                            ManagementFactory.getMemoryMXBean()
                                    .getHeapMemoryUsage()
                                    .getUsed(),
                            Math::max);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            return watch;
        }

        void stop() {
            running = false;
        }

        long peakUsed() {
            return peakUsed.get();
        }

        long peakLive() {
            return peakLive.get();
        }

        /** As {@link #peakLive}, after the collections that evacuate the young generation (young, mixed, full). */
        long peakCollected() {
            return peakCollected.get();
        }
    }

    // ---------------------------------------------------------------- DuckDB

    private static Timing duckdb(Path csv) throws Exception {
        Class.forName("org.duckdb.DuckDBDriver");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            String path = csv.toAbsolutePath().toString().replace("'", "''");
            long cpu = cpuNanos();
            long started = System.nanoTime();
            long columns = 0;
            long count = 0;
            try (ResultSet result = statement.executeQuery("SUMMARIZE SELECT * FROM read_csv('" + path + "')")) {
                while (result.next()) {
                    columns++;
                    count = result.getLong("count");
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (cpuNanos() - cpu) / 1e9;
            try (ResultSet threads = statement.executeQuery("SELECT current_setting('threads')")) {
                threads.next();
                System.out.printf(
                        Locale.ROOT,
                        "DuckDB %s SUMMARIZE of the same file: %,d rows × %d columns in %.1f s "
                                + "(%.1f s of CPU, %d threads)%n",
                        connection.getMetaData().getDatabaseProductVersion(),
                        count,
                        columns,
                        seconds,
                        cpuSeconds,
                        threads.getLong(1));
            }
            return new Timing(seconds, cpuSeconds);
        }
    }

    /** CPU time of the whole process (every thread, DuckDB's native ones too): steadier than wall time on a busy machine. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MB", bytes / (1024.0 * 1024.0));
    }
}
