package dev.assay.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ApplyCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new ApplyCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void aPlanFileThatIsNotAPlanIsRefusedWithWhereAndWhyAndNothingIsWritten() throws Exception {
        Path plan = Files.writeString(dir.resolve("plan.json"), """
                {"explanation": "x", "actions": [{"type": "run_python", "params": {"code": "import os"}}]}""");

        int exit = run(
                "--input",
                "../examples/datasets/titanic.csv",
                "--plan",
                plan.toString(),
                "--out",
                dir.resolve("out").toString());

        assertThat(exit).isEqualTo(ApplyCommand.INVALID_PLAN);
        assertThat(err.toString())
                .contains("nothing was written")
                .contains("actions[0] type: 'run_python' is not an action; allowed: drop_columns");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aMissingPlanFileIsNamed() {
        int exit = run("--input", "x.csv", "--plan", dir.resolve("nope.json").toString(), "--out", dir.toString());

        assertThat(exit).isEqualTo(ApplyCommand.BAD_INPUT);
        assertThat(err.toString().strip()).isEqualTo(dir.resolve("nope.json") + ": no such file");
    }

    @Test
    void wrongUsageListsTheOptionsAndTheExitCodes() {
        int exit = run("--input", "x.csv");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .contains("Missing required options: '--plan=PLAN.json', '--out=DIR'")
                .contains("3   the plan does not fit the data");
    }
}
