package dev.assay.runner.ingest;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads Tablesaw's {@code Table} class on a background thread. Its static initialiser scans the whole classpath
 * with ClassGraph (about 0.5 s on the api's classpath, over 1 s in the runner's fat jar), and ingest needs the
 * class only when the file has been read: started first, the scan runs while the file is read.
 */
final class TablesawWarmUp {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private TablesawWarmUp() {}

    static void start() {
        if (STARTED.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().name("tablesaw-warm-up").start(() -> {
                try {
                    Class.forName("tech.tablesaw.api.Table");
                } catch (ClassNotFoundException | LinkageError e) {
                    // Not ours to report: the reading thread meets the same error when it first uses Table.
                }
            });
        }
    }
}
