package dev.assay.runner.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.runner.table.CsvExport;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link CleanedCsvWriter.Line} appends a row without the Strings {@link CsvExport} makes per cell: its lines must be
 * exactly those of the per-cell composition it replaced, whatever the cell.
 */
class CleanedLineTest {

    private static final String[] EDGES = {
        "",
        " ",
        "  ",
        "plain",
        " lead",
        "trail ",
        " both ",
        "a,b",
        "say \"hi\"",
        "\"",
        "\"\"",
        "line\nbreak",
        "cr\rhere",
        "=SUM(A1)",
        "+1",
        "-5",
        "-",
        "@me",
        "\tx",
        "\rx",
        "= ",
        "=a,b",
        "=\"q\"",
        " =x",
        "NA",
        " NA ",
        "na",
        "None",
        "null",
        "N/A",
        "Zürich",
        "日本, 東京",
        "'quoted'",
        "1.5",
        " 2 ",
        "\t3\t",
    };

    @Test
    void everyEdgeCaseIsWrittenAsThePerCellCompositionWroteIt() {
        List<String> cells = new ArrayList<>(List.of(EDGES));
        cells.add(null);
        for (boolean neutralise : new boolean[] {true, false}) {
            for (boolean text : new boolean[] {true, false}) {
                for (String cell : cells) {
                    assertSameLine(new String[] {cell}, new boolean[] {text}, neutralise);
                    assertSameLine(new String[] {cell, cell, "x"}, new boolean[] {text, !text, true}, neutralise);
                }
            }
        }
    }

    @Test
    void randomCellsFromTheTroublesomeCharacters() {
        char[] alphabet = {' ', ',', '"', '\n', '\r', '\t', '=', '+', '-', '@', '\'', 'a', 'N', 'A', 'ü', '1', '.'};
        SplittableRandom random = new SplittableRandom(18);
        for (int row = 0; row < 20_000; row++) {
            int width = 1 + random.nextInt(4);
            String[] cells = new String[width];
            boolean[] text = new boolean[width];
            for (int i = 0; i < width; i++) {
                StringBuilder cell = new StringBuilder();
                int length = random.nextInt(6);
                for (int k = 0; k < length; k++) {
                    cell.append(alphabet[random.nextInt(alphabet.length)]);
                }
                cells[i] = cell.toString();
                text[i] = random.nextBoolean();
            }
            assertSameLine(cells, text, random.nextBoolean());
        }
    }

    private static void assertSameLine(String[] cells, boolean[] text, boolean neutralise) {
        StringBuilder line = new StringBuilder("before|");
        new CleanedCsvWriter.Line(text, neutralise, Markers.DEFAULT).append(line, cells);
        assertThat(line.toString())
                .as("cells %s, text %s, neutralise %s", java.util.Arrays.toString(cells), text, neutralise)
                .isEqualTo("before|" + perCell(cells, text, neutralise));
    }

    /** The line as the writer composed it before, one String per cell. */
    private static String perCell(String[] cells, boolean[] text, boolean neutralise) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            String raw = cells[i];
            if (Markers.DEFAULT.isMissing(raw)) {
                continue;
            }
            line.append(CsvExport.field(text[i] ? CsvExport.text(raw, neutralise) : raw.strip()));
        }
        return line.append('\n').toString();
    }
}
