package dev.assay.runner.cli;

import dev.assay.runner.core.ProgressListener;
import java.io.PrintWriter;

/** Progress on stderr, one line per new stage or ten percent, so logs of a Job stay readable. */
final class ConsoleProgress implements ProgressListener {

    private final PrintWriter err;
    private String lastStage = "";
    private int lastPercent = -10;

    ConsoleProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void update(int percent, String stage) {
        if (!stage.equals(lastStage) || percent >= lastPercent + 10) {
            err.printf("%3d%% %s%n", percent, stage);
            err.flush();
            lastStage = stage;
            lastPercent = percent;
        }
    }
}
