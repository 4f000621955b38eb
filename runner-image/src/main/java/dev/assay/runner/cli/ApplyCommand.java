package dev.assay.runner.cli;

import dev.assay.model.plan.Plan;
import dev.assay.model.plan.validation.PlanError;
import dev.assay.model.plan.validation.PlanReader;
import dev.assay.model.plan.validation.PlanValidationException;
import dev.assay.model.result.RunResult;
import dev.assay.runner.core.ApplyOutcome;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.InputException;
import dev.assay.runner.core.ProgressListener;
import dev.assay.runner.engine.Engine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runner apply --input FILE.csv --plan PLAN.json --out DIR}. */
@Command(
        name = "apply",
        mixinStandardHelpOptions = true,
        description = {
            "Apply a plan of whitelisted actions to a CSV.",
            "Writes cleaned.csv, profile.json, report.html, result.json and plan.json to the output folder, and "
                    + "model.bin and metrics.json when the plan trains a model. The plan is validated against the "
                    + "data first: when it does not fit, every problem is listed and nothing is written."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the plan was applied",
            "2:wrong command-line usage",
            "3:the plan does not fit the data",
            "4:the input or the plan file cannot be used",
            "1:an unexpected failure (a bug)"
        })
public final class ApplyCommand implements Callable<Integer> {

    public static final int INVALID_PLAN = 3;
    public static final int BAD_INPUT = 4;

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE.csv", description = "The CSV to apply the plan to.")
    Path input;

    @Option(
            names = "--plan",
            required = true,
            paramLabel = "PLAN.json",
            description = "The plan: {\"explanation\": ..., \"actions\": [{\"type\": ..., \"params\": {...}}]}.")
    Path plan;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "Folder for the results (created if needed).")
    Path out;

    @Option(names = "--keep-formulas", description = "Do not neutralise cells of cleaned.csv that start with = + - @.")
    boolean keepFormulas;

    @Option(names = "--quiet", description = "Print no progress.")
    boolean quiet;

    @Option(
            names = "--sheet",
            paramLabel = "NAME",
            description = "Worksheet to read from an Excel workbook (default: the first).")
    String sheet;

    @Option(names = "--encoding", paramLabel = "CHARSET", description = "Text encoding of a CSV (default: detected).")
    String encoding;

    @Option(
            names = dev.assay.model.protocol.RunnerArgs.MISSING_MARKERS,
            paramLabel = "JSON",
            description =
                    "Words read as missing, as a JSON array, e.g. '[\"NA\",\"-\"]'; '[]' reads every word as a value "
                            + "(default: NA, N/A, null, NaN, None, -).")
    String missingMarkers;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        dev.assay.runner.source.SourceOptions options;
        try {
            options = dev.assay.runner.source.SourceOptions.fromArgs(sheet, encoding, missingMarkers);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        try {
            Plan parsed = PlanReader.read(readPlan());
            EngineConfig defaults = EngineConfig.defaults();
            EngineConfig config = new EngineConfig(
                    defaults.maxFileBytes(),
                    defaults.maxColumns(),
                    defaults.maxCellChars(),
                    defaults.dropDuplicates(),
                    !keepFormulas,
                    defaults.maxOneHotCategories());
            ApplyOutcome outcome = new Engine(config)
                    .apply(input, parsed, out, quiet ? ProgressListener.NONE : progress(err), options);
            summarise(outcome.result(), stdout);
            return 0;
        } catch (PlanValidationException e) {
            err.println("The plan cannot be applied to " + input.getFileName() + "; nothing was written:");
            for (PlanError error : e.errors()) {
                err.println("  - " + error.describe());
            }
            return INVALID_PLAN;
        } catch (InputException e) {
            err.println(e.getMessage());
            return BAD_INPUT;
        }
    }

    private String readPlan() {
        try {
            return Files.readString(plan);
        } catch (NoSuchFileException e) {
            throw new InputException(plan.toString(), "no such file");
        } catch (IOException e) {
            throw new InputException(plan.toString(), "cannot be read: " + e.getMessage());
        }
    }

    private static ProgressListener progress(PrintWriter err) {
        return new ProgressListener() {
            private String last = "";

            @Override
            public void update(int percent, String stage) {
                if (!stage.equals(last)) {
                    last = stage;
                    err.printf(Locale.ROOT, "[%3d%%] %s%n", percent, stage);
                    err.flush();
                }
            }
        };
    }

    private void summarise(RunResult result, PrintWriter stdout) {
        stdout.printf(
                Locale.ROOT,
                "Applied %d action%s: %d rows x %d columns -> %d rows x %d columns, missing cells %d -> %d%n",
                result.actionsApplied(),
                result.actionsApplied() == 1 ? "" : "s",
                result.comparison().before().rows(),
                result.comparison().before().columns(),
                result.comparison().after().rows(),
                result.comparison().after().columns(),
                result.comparison().before().missingCells(),
                result.comparison().after().missingCells());
        result.steps()
                .forEach(step -> step.warnings()
                        .forEach(w -> stdout.println("  warning (" + step.type().wireName() + "): " + w)));
        result.model()
                .ifPresent(model -> stdout.printf(
                        Locale.ROOT,
                        "Model: %s %s on '%s': %s %.3f on held-out rows (baseline %.3f); cross-validated %.3f ± %.3f%n",
                        model.algorithm().wireName(),
                        model.task().wireName(),
                        model.target(),
                        model.primaryMetric(),
                        model.score(),
                        model.baselineScore(),
                        model.crossValidation().get(model.primaryMetric()).mean(),
                        model.crossValidation().get(model.primaryMetric()).std()));
        stdout.println("Wrote " + String.join(", ", result.artifacts()) + " to " + out);
    }
}
