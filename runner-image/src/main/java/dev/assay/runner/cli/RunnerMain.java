package dev.assay.runner.cli;

import dev.assay.runner.apply.ApplyCommand;
import dev.assay.runner.pod.ApplyRunCommand;
import dev.assay.runner.pod.ProfileJobCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The runner CLI: the same engine the api runs in-process, for a laptop shell or a Kubernetes Job.
 * One class per subcommand, registered here.
 */
@Command(name = "runner", mixinStandardHelpOptions = true, version = "Assay runner 0.1.0",
        description = "Profile a CSV or apply a plan of whitelisted actions to it.",
        subcommands = {ProfileCommand.class, ApplyCommand.class, ProfileJobCommand.class, ApplyRunCommand.class})
public final class RunnerMain {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (for tests). */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new RunnerMain());
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            // A bug, not bad input (bad input is reported by the commands themselves): one line, details on demand.
            cl.getErr().println("error: unexpected failure: " + e + " (this is a bug; set ASSAY_DEBUG=1 for details)");
            if (System.getenv("ASSAY_DEBUG") != null) {
                e.printStackTrace(cl.getErr());
            }
            return 1;
        });
        return commandLine.execute(args);
    }
}
