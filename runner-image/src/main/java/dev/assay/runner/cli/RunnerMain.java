package dev.assay.runner.cli;

import dev.assay.model.protocol.RunnerExit;
import dev.assay.runner.pod.ApplyRunCommand;
import dev.assay.runner.pod.ProfileJobCommand;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * The runner CLI: the same engine the api runs in-process, for a laptop shell or a Kubernetes Job.
 * One class per subcommand, registered here.
 */
@Command(
        name = "runner",
        mixinStandardHelpOptions = true,
        version = "Assay runner 0.1.0",
        description = "Profile a CSV or apply a plan of whitelisted actions to it.",
        subcommands = {ProfileCommand.class, ApplyCommand.class, ProfileJobCommand.class, ApplyRunCommand.class})
public final class RunnerMain {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (for tests). */
    public static int run(String... args) {
        return commandLine(new RunnerMain()).execute(args);
    }

    /** A command line for the runner or one of its commands, with the runner's way of reporting failures. */
    public static CommandLine commandLine(Object command) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            // Bad input is reported by the commands themselves; what is left is an unreachable store (a setup
            // problem the pod's last log line must name) or a bug: one line each, details on demand.
            Optional<Throwable> network = causes(e)
                    .filter(c -> c instanceof SocketException
                            || c instanceof UnknownHostException
                            || c instanceof SocketTimeoutException
                            || c instanceof JedisConnectionException)
                    .findFirst();
            if (System.getenv("ASSAY_DEBUG") != null) {
                e.printStackTrace(cl.getErr());
            }
            // The last line is the pod's termination message: the operator shows it when the status has none.
            if (network.isPresent()) {
                cl.getErr()
                        .println("error: cannot reach a store (" + network.get() + "); check ASSAY_REDIS_URL, "
                                + "ASSAY_S3_ENDPOINT and the network between this pod and them");
                return RunnerExit.STORE_UNREACHABLE.code();
            }
            cl.getErr().println("error: unexpected failure: " + e + " (this is a bug; set ASSAY_DEBUG=1 for details)");
            return RunnerExit.FAILED.code();
        });
        return commandLine;
    }

    private static Stream<Throwable> causes(Throwable e) {
        return Stream.iterate(e, Objects::nonNull, Throwable::getCause).limit(20);
    }
}
