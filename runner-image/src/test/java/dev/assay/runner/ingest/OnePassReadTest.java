package dev.assay.runner.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.ProgressListener;
import dev.assay.runner.testing.Datasets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The one-pass read (types settled on the first rows) must give exactly what the two-pass read (types from all
 * values) gives: the same table, warnings, duplicate count, stray values, layouts and cleaned.csv, or the same
 * error. Checked on every example dataset with several sample sizes, and on files crafted so that a value after
 * the sample changes the column's type.
 */
class OnePassReadTest {

    private static final int SAMPLE = SampledTypes.SAMPLE_ROWS;

    @TempDir
    Path dir;

    @Test
    void everyExampleDatasetReadsTheSameWithAnySample() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(Datasets.DIR)) {
            files = list.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            for (int sample : new int[] {1, 7, 100, SAMPLE}) {
                assertSameBothWays(file, sample);
            }
        }
    }

    // Each crafted file has one twist after the sample, so that one twist sending the read back to two passes
    // cannot hide another that the one-pass read gets wrong.

    @Test
    void strayTextAfterTheSampleUnderNumbers() throws IOException {
        assertSameBothWays(crafted("stray.csv", "n,x", row -> (row == SAMPLE + 500 ? "abc" : row) + "," + row + ".5"));
        assertSameBothWays(
                crafted("straydec.csv", "n,x", row -> row + "," + (row == SAMPLE + 5 ? "n/a?" : row + ".5")));
        // Mostly text in the sample, mostly numbers overall: stray values are counted on all rows.
        assertSameBothWays(crafted("turns.csv", "t", row -> row < 50 ? "word" + row : String.valueOf(row)));
    }

    @Test
    void integersThatOutgrowIntAndLong() throws IOException {
        assertSameBothWays(crafted("int.csv", "a,b", row -> row + "," + (row == SAMPLE + 3 ? "3000000000" : row)));
        assertSameBothWays(crafted("intmin.csv", "a,b", row -> row + "," + (row == SAMPLE + 3 ? "-2147483648" : "7")));
        assertSameBothWays(
                crafted("long.csv", "a,b", row -> row + "," + (row == SAMPLE + 4 ? "99999999999999999999" : -row)));
        assertSameBothWays(crafted("longmin.csv", "a", row -> row == SAMPLE + 1 ? "-9223372036854775808" : "1"));
        assertSameBothWays(crafted("todecimal.csv", "a,b", row -> row + "," + (row == SAMPLE + 2 ? "2.5" : "2")));
        assertSameBothWays(
                crafted("digits.csv", "a,b", row -> row + "," + (row == SAMPLE + 2 ? "123456789012345678901" : "2.5")));
        assertSameBothWays(crafted("huge.csv", "a,b", row -> row + "," + (row == SAMPLE + 2 ? "1e400" : "-inf")));
    }

    @Test
    void datesWithALaterDifferentLayout() throws IOException {
        assertSameBothWays(
                crafted("dates.csv", "d,n", row -> (row == SAMPLE + 9 ? "01/02/2020" : "2020-01-02") + "," + row));
        assertSameBothWays(crafted(
                "times.csv",
                "t,n",
                row -> (row == SAMPLE + 9 ? "2020-01-02T10:00:00" : "2020-01-02 10:00:00") + "," + row));
        // Day and month order ambiguous in the sample, then settled one way or the other.
        assertSameBothWays(
                crafted("monthfirst.csv", "d,n", row -> (row == SAMPLE + 1 ? "01/13/2020" : "01/02/2020") + "," + row));
        assertSameBothWays(
                crafted("dayfirst.csv", "d,n", row -> (row == SAMPLE + 1 ? "13/01/2020" : "01/02/2020") + "," + row));
        assertSameBothWays(
                crafted("noday.csv", "d,n", row -> (row == SAMPLE + 1 ? "2020-02-30" : "2020-02-03") + "," + row));
    }

    @Test
    void missingColumnsAndLeadingZeroCodes() throws IOException {
        assertSameBothWays(crafted("empty.csv", "a,b", row -> row + ","));
        assertSameBothWays(crafted("late.csv", "a,b", row -> row + "," + (row > SAMPLE + 10 ? "5" : "NA")));
        assertSameBothWays(crafted(
                "maybe.csv", "a,b", row -> row + "," + (row == SAMPLE + 20 ? "maybe" : row % 2 == 0 ? "yes" : "no")));
        assertSameBothWays(
                crafted("code.csv", "a,b", row -> row + "," + (row == SAMPLE + 1 ? "007" : String.valueOf(row + 1))));
        assertSameBothWays(crafted("zero.csv", "a,b", row -> row + "," + (row == SAMPLE + 1 ? "0.50" : "1.25")));
        assertSameBothWays(
                crafted("text.csv", "a,b", row -> row + "," + (row == SAMPLE + 1 ? "NULL" : " x" + (row % 3) + " ")));
    }

    @Test
    void duplicatesAcrossTheSampleAndErrorsAfterIt() throws IOException {
        assertSameBothWays(crafted("dups.csv", "a,b", row -> (row % 1000) + "," + (row % 1000 == 0 ? " 1 " : "1")));
        assertSameBothWays(crafted("width.csv", "a,b", row -> row == SAMPLE + 3 ? "1,2,3" : row + ",x"));
        assertSameBothWays(crafted("quote.csv", "a,b", row -> row == SAMPLE + 3 ? "1,\"x" : row + ",x"));
        Path binary = crafted("binary.csv", "a,b", row -> row + ",x");
        byte[] bytes = Files.readAllBytes(binary);
        bytes[bytes.length - 3] = (byte) 0xFF;
        Files.write(binary, bytes);
        assertSameBothWays(binary);
    }

    @Test
    void cleanedLinesFormattedWhileParsingMatchTheWritersOwn() throws IOException {
        // After the sample the parsing thread formats each cleaned.csv line; the two-pass read's writer formats them.
        String[] tricky = {
            "\"a,b\"", "\"say \"\"hi\"\"\"", "=SUM(A1)", "\" edge \"", "-x", "@me", "NA", "", "\"two\nlines\"", "Zürich"
        };
        assertSameBothWays(crafted(
                "tricky.csv",
                "n,t,d",
                row -> row + "," + tricky[row % tricky.length] + ","
                        + (row % 7 == 0 ? " 1.5 " : row % 11 == 0 ? "NA" : row + ".25")));
        assertSameBothWays(crafted(
                "trickydups.csv", "t,n", row -> tricky[row % tricky.length] + "," + (row % 3 == 0 ? "1" : " 1")));
    }

    @Test
    void anUnwritableCleanedCsvIsReportedAsByTheTwoPassRead() throws IOException {
        Path file = crafted("fine.csv", "a,b", row -> row + ",x");
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "a file where a folder should be");
        Path cleaned = blocker.resolve("cleaned.csv");
        String[] errors = new String[2];
        int[] samples = {SAMPLE, 0};
        for (int i = 0; i < 2; i++) {
            int sample = samples[i];
            Throwable thrown = catchThrowable(() -> new CsvIngest(EngineConfig.defaults(), sample)
                    .read(file, "fine.csv", ProgressListener.NONE, Optional.of(cleaned)));
            errors[i] = thrown == null ? null : thrown.getClass().getName() + ": " + thrown.getMessage();
        }
        assertThat(errors[0]).isNotNull().isEqualTo(errors[1]);
    }

    private Path crafted(String name, String header, IntFunction<String> row) throws IOException {
        StringBuilder text = new StringBuilder(header).append('\n');
        for (int i = 0; i < SAMPLE + 2_000; i++) {
            text.append(row.apply(i)).append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private void assertSameBothWays(Path file) {
        assertSameBothWays(file, SAMPLE);
    }

    private void assertSameBothWays(Path file, int sample) {
        String what = file.getFileName() + " with a sample of " + sample;
        Path oneCsv = dir.resolve("one-pass-cleaned.csv");
        Path twoCsv = dir.resolve("two-pass-cleaned.csv");
        Outcome one = Outcome.of(
                () -> new CsvIngest(EngineConfig.defaults(), sample)
                        .read(file, file.getFileName().toString(), ProgressListener.NONE, Optional.of(oneCsv)),
                oneCsv);
        Outcome two = Outcome.of(
                () -> new CsvIngest(EngineConfig.defaults(), 0)
                        .read(file, file.getFileName().toString(), ProgressListener.NONE, Optional.of(twoCsv)),
                twoCsv);
        assertThat(one.error()).as(what).isEqualTo(two.error());
        assertThat(one.cleaned()).as(what).isEqualTo(two.cleaned());
        if (two.result() == null) {
            return;
        }
        CsvIngest.Result a = one.result();
        CsvIngest.Result b = two.result();
        assertThat(a.report().rowsRead()).as(what).isEqualTo(b.report().rowsRead());
        assertThat(a.report().duplicatesDropped()).as(what).isEqualTo(b.report().duplicatesDropped());
        assertThat(a.report().warnings()).as(what).isEqualTo(b.report().warnings());
        assertThat(a.stray()).as(what).isEqualTo(b.stray());
        assertThat(a.layouts()).as(what).isEqualTo(b.layouts());
        assertSameTable(a.table(), b.table(), what);
    }

    private static void assertSameTable(Table a, Table b, String what) {
        assertThat(a.name()).as(what).isEqualTo(b.name());
        assertThat(a.columnNames()).as(what).isEqualTo(b.columnNames());
        assertThat(a.rowCount()).as(what).isEqualTo(b.rowCount());
        for (int c = 0; c < a.columnCount(); c++) {
            Column<?> x = a.column(c);
            Column<?> y = b.column(c);
            assertThat(x.getClass()).as(what + ", column " + x.name()).isEqualTo(y.getClass());
            for (int row = 0; row < x.size(); row++) {
                if (x.isMissing(row) != y.isMissing(row) || !Objects.equals(x.get(row), y.get(row))) {
                    throw new AssertionError(what + ", column " + x.name() + ", row " + row + ": " + x.get(row)
                            + " one pass, " + y.get(row) + " two passes");
                }
            }
        }
    }

    /** A read's result or its error's type and message, and the cleaned.csv it left (null when none). */
    private record Outcome(CsvIngest.Result result, String error, String cleaned) {

        static Outcome of(java.util.function.Supplier<CsvIngest.Result> read, Path cleaned) {
            try {
                Files.deleteIfExists(cleaned);
                CsvIngest.Result[] result = new CsvIngest.Result[1];
                Throwable thrown = catchThrowable(() -> result[0] = read.get());
                String error = thrown == null ? null : thrown.getClass().getName() + ": " + thrown.getMessage();
                return new Outcome(result[0], error, Files.exists(cleaned) ? Files.readString(cleaned) : null);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
