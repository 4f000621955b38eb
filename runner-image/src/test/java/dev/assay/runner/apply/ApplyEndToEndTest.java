package dev.assay.runner.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.runner.cli.ApplyCommand;
import dev.assay.runner.cli.RunnerMain;
import dev.assay.runner.testing.Datasets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code runner apply} as a person or a Job runs it: the real CLI, engine, ingest, profiler and report. */
class ApplyEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void theSeedsTitanicExampleFromTheCommandLine() throws Exception {
        Path plan = Files.writeString(dir.resolve("plan.json"), Datasets.TITANIC_SEED_PLAN);
        Path out = dir.resolve("run");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            exit = RunnerMain.run(
                    "apply",
                    "--input",
                    Datasets.DIR.resolve("titanic.csv").toString(),
                    "--plan",
                    plan.toString(),
                    "--out",
                    out.toString(),
                    "--quiet");
        } finally {
            System.setOut(original);
        }

        assertThat(exit).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8))
                .contains("Applied 3 actions: 891 rows x 12 columns -> 891 rows x 15 columns, missing cells 866 -> 0")
                .contains("Model: random_forest classification on 'Survived': accuracy")
                .contains(
                        "Wrote cleaned.csv, profile.json, report.html, result.json, plan.json, metrics.json, model.bin");
        String report = Files.readString(out.resolve("report.html"));
        assertThat(report).contains("Plan results").contains("Before and after").contains("Model card");
        assertThat(Files.size(out.resolve("model.bin"))).isPositive();
    }

    @Test
    void aPlanThatDoesNotFitTheDataExitsWithThreeAndWritesNothing() throws Exception {
        Path plan = Files.writeString(dir.resolve("plan.json"), """
                {"explanation": "x", "actions": [{"type": "scale", "params": {"columns": ["Name"]}}]}""");
        Path out = dir.resolve("run");

        int exit = RunnerMain.run(
                "apply",
                "--input",
                Datasets.DIR.resolve("titanic.csv").toString(),
                "--plan",
                plan.toString(),
                "--out",
                out.toString(),
                "--quiet");

        assertThat(exit).isEqualTo(ApplyCommand.INVALID_PLAN);
        assertThat(out).doesNotExist();
    }
}
