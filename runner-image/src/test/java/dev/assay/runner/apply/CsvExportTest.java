package dev.assay.runner.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.runner.testing.Datasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class CsvExportTest {

    @TempDir
    Path dir;

    private final Table table = Table.create("t",
            StringColumn.create("note", List.of("=HYPERLINK(\"http://evil\",\"x\")", "+1 555", "-x", "@SUM(A1)", "plain, with \"quotes\"", "")),
            DoubleColumn.create("amount", -5, 2.5, -0.5, 3, 4, 5));

    @Test
    void textThatASpreadsheetWouldRunIsQuotedAndNumbersAreLeftAlone() throws IOException {
        Path file = dir.resolve("cleaned.csv");

        CsvExport.write(table, file, true);

        Table back = Datasets.csv(file);
        assertThat(back.stringColumn("note").asList()).containsExactly(
                "'=HYPERLINK(\"http://evil\",\"x\")", "'+1 555", "'-x", "'@SUM(A1)", "plain, with \"quotes\"", "");
        assertThat(back.stringColumn("note").isMissing(5)).isTrue();
        assertThat(back.doubleColumn("amount").asList()).containsExactly(-5.0, 2.5, -0.5, 3.0, 4.0, 5.0);
        assertThat(Files.readString(file)).doesNotContain("\n=").doesNotContain(",=");
    }

    @Test
    void neutralisationCanBeSwitchedOff() {
        Path file = dir.resolve("raw.csv");

        CsvExport.write(table, file, false);

        assertThat(Datasets.csv(file).stringColumn("note").get(0)).isEqualTo("=HYPERLINK(\"http://evil\",\"x\")");
    }
}
