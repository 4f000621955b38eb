package dev.assay.runner.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The training run of the JVM's ahead-of-time cache (scripts/aot-train.sh): several runner command lines, separated
 * by a ";" argument, in one JVM, because the JVM records one run per cache and a Job runs either a profile or an
 * apply. Not a user command: the cache only needs the same classes loaded and the same code warmed up.
 */
public final class AotTraining {

    private AotTraining() {}

    public static void main(String[] args) {
        int failed = 0;
        for (List<String> command : commands(args)) {
            int code = RunnerMain.run(command.toArray(String[]::new));
            if (code != 0) {
                System.err.println("training command failed (" + code + "): " + String.join(" ", command));
                failed = code;
            }
        }
        System.exit(failed);
    }

    static List<List<String>> commands(String[] args) {
        List<List<String>> commands = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String arg : Arrays.asList(args)) {
            if (arg.equals(";")) {
                commands.add(current);
                current = new ArrayList<>();
            } else {
                current.add(arg);
            }
        }
        if (!current.isEmpty()) {
            commands.add(current);
        }
        return commands;
    }
}
