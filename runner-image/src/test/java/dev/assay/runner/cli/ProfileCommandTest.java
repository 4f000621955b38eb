package dev.assay.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.runner.testing.Datasets;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ProfileCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = new CommandLine(new RunnerMain());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void profilesAFileWritesTheThreeOutputsAndPrintsOneLine() {
        Path outDir = dir.resolve("out");

        int code = run(
                "profile",
                "--input",
                Datasets.DIR.resolve("titanic.csv").toString(),
                "--out",
                outDir.toString(),
                "--quiet");

        assertThat(code).isZero();
        assertThat(outDir.resolve("profile.json")).isNotEmptyFile();
        assertThat(outDir.resolve("report.html")).isNotEmptyFile();
        assertThat(outDir.resolve("cleaned.csv")).isNotEmptyFile();
        assertThat(out.toString().strip().lines())
                .singleElement()
                .satisfies(
                        line -> assertThat(line).startsWith("titanic.csv: 891 rows × 12 columns, 866 missing cells"));
    }

    @Test
    void badInputExitsWithFourAndOneClearLineWithoutAStackTrace() throws IOException {
        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "a,b\n1,2\n3\n");

        int code = run(
                "profile",
                "--input",
                ragged.toString(),
                "--out",
                dir.resolve("o").toString(),
                "--quiet");

        assertThat(code).isEqualTo(ProfileCommand.BAD_INPUT);
        assertThat(err.toString().strip())
                .isEqualTo("error: ragged.csv, line 3: has 1 field but the header has 2 "
                        + "(check for an unquoted separator or a missing quote)");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void profilesAChosenSheetOfTheCommittedWorkbookAndRefusesAMissingOne() throws Exception {
        Path book =
                Path.of(getClass().getResource("/formats/openpyxl-sales.xlsx").toURI());
        Path outDir = dir.resolve("sheet");

        int code =
                run("profile", "--input", book.toString(), "--out", outDir.toString(), "--sheet", "Rates", "--quiet");
        int missing = run(
                "profile",
                "--input",
                book.toString(),
                "--out",
                dir.resolve("none").toString(),
                "--sheet",
                "Summary",
                "--quiet");

        assertThat(code).isZero();
        assertThat(out.toString().strip().lines().findFirst().orElseThrow())
                .startsWith("openpyxl-sales.xlsx: 2 rows × 2 columns");
        assertThat(Files.readString(outDir.resolve("cleaned.csv"))).startsWith("currency,rate");
        assertThat(missing).isEqualTo(ProfileCommand.BAD_INPUT);
        assertThat(err.toString().strip())
                .isEqualTo("error: openpyxl-sales.xlsx: has no sheet named 'Summary'; its "
                        + "sheets are 'Orders', 'Rates'");
    }

    @Test
    void profilesACommittedParquetFile() throws Exception {
        Path parquet =
                Path.of(getClass().getResource("/formats/duckdb-orders.parquet").toURI());
        Path outDir = dir.resolve("parquet");

        int code = run("profile", "--input", parquet.toString(), "--out", outDir.toString(), "--quiet");

        assertThat(code).isZero();
        assertThat(out.toString().strip().lines().findFirst().orElseThrow())
                .startsWith("duckdb-orders.parquet: 4 rows × 7 columns");
        assertThat(Files.readString(outDir.resolve("cleaned.csv")))
                .startsWith("order,customer,placed,shipped_at,total,qty,paid");
    }

    @Test
    void missingFileIsNamed() {
        int code = run("profile", "--input", dir.resolve("nope.csv").toString(), "--out", dir.toString());

        assertThat(code).isEqualTo(ProfileCommand.BAD_INPUT);
        assertThat(err.toString()).contains("nope.csv: no such file");
    }
}
