package dev.assay.runner.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import dev.assay.runner.table.CsvExport;
import dev.assay.runner.testing.Datasets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    private final Table table = Table.create(
            "t",
            StringColumn.create(
                    "note",
                    List.of(
                            "=HYPERLINK(\"http://evil\",\"x\")",
                            "+1 555",
                            "-x",
                            "@SUM(A1)",
                            "plain, with \"quotes\"",
                            "")),
            DoubleColumn.create("amount", -5, 2.5, -0.5, 3, 4, 5));

    @Test
    void textThatASpreadsheetWouldRunIsQuotedAndNumbersAreLeftAlone() throws IOException {
        Path file = dir.resolve("cleaned.csv");

        CsvExport.write(table, file, true);

        Table back = Datasets.csv(file);
        assertThat(back.stringColumn("note").asList())
                .containsExactly(
                        "'=HYPERLINK(\"http://evil\",\"x\")",
                        "'+1 555",
                        "'-x",
                        "'@SUM(A1)",
                        "plain, with \"quotes\"",
                        "");
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

    @Test
    void columnNamesAreNeutralisedLikeCellsAndTheFileIsRfc4180() throws IOException {
        Table named = Table.create(
                "t",
                StringColumn.create("=HYPERLINK(\"http://evil.example\",\"x\")", "plain", "=1+1", "@c", ""),
                DoubleColumn.create("+b", 1.5, -5, 2, Double.NaN),
                StringColumn.create("say, \"hi\"", "a\nb", " edge ", "x", "y"));
        Path file = dir.resolve("cleaned.csv");

        CsvExport.write(named, file, true);

        assertThat(Files.readString(file, StandardCharsets.UTF_8)
                        .lines()
                        .findFirst()
                        .orElseThrow())
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",'+b,\"say, \"\"hi\"\"\"");
        CsvParserSettings settings = new CsvParserSettings();
        settings.getFormat().setLineSeparator("\n");
        settings.setIgnoreLeadingWhitespaces(false);
        settings.setIgnoreTrailingWhitespaces(false);
        List<String[]> rows = new CsvParser(settings).parseAll(file.toFile(), StandardCharsets.UTF_8);
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).containsExactly("'=HYPERLINK(\"http://evil.example\",\"x\")", "'+b", "say, \"hi\"");
        assertThat(rows.get(1)).containsExactly("plain", "1.5", "a\nb");
        assertThat(rows.get(2)).containsExactly("'=1+1", "-5.0", " edge ");
        assertThat(rows.get(3)).containsExactly("'@c", "2.0", "x");
        assertThat(rows.get(4)).containsExactly(null, null, "y");
    }
}
