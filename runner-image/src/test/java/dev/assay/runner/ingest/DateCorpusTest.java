package dev.assay.runner.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.dataset.ColumnType;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.ProgressListener;
import dev.assay.runner.table.TableSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Dates in the forms people write them: every column of the corpus (src/test/resources/dates/corpus.tsv) is read
 * as the product reads a CSV, and must come out as a date with the right first value, or, for the codes and
 * numbers of the corpus, as anything but a date. Prints the detection rate.
 */
class DateCorpusTest {

    @TempDir
    Path dir;

    record Entry(String expected, List<String> values) {}

    static List<Entry> corpus() throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (var in = DateCorpusTest.class.getResourceAsStream("/dates/corpus.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                entries.add(new Entry(parts[0].strip(), List.of(parts[1].split(" \\| "))));
            }
        }
        return entries;
    }

    private CsvIngest.Result read(List<String> values) throws IOException {
        Path file = dir.resolve("dates.csv");
        StringBuilder csv = new StringBuilder("when,n\n");
        for (int i = 0; i < values.size(); i++) {
            csv.append('"')
                    .append(values.get(i).strip())
                    .append("\",")
                    .append(i)
                    .append('\n');
        }
        Files.writeString(file, csv);
        return new CsvIngest(EngineConfig.defaults()).read(file, "dates.csv", ProgressListener.NONE);
    }

    @Test
    void readsAtLeast95PercentOfTheCorpusAndNoCodeAsADate() throws IOException {
        int dates = 0;
        int found = 0;
        List<String> missed = new ArrayList<>();
        List<String> falseDates = new ArrayList<>();
        for (Entry entry : corpus()) {
            Column<?> column = read(entry.values()).table().column("when");
            boolean temporal = TableSchema.typeOf(column).isTemporal();
            if (entry.expected().equals("-")) {
                if (temporal) {
                    falseDates.add(entry.values().getFirst() + " read as " + column.getString(0));
                }
                continue;
            }
            dates++;
            String first = temporal ? String.valueOf(column.get(0)) : "";
            if (temporal && first.equals(entry.expected())) {
                found++;
            } else {
                missed.add(entry.values().getFirst() + (temporal ? " read as " + first : " not read as a date"));
            }
        }
        double rate = (double) found / dates;
        System.out.printf(
                Locale.ROOT,
                "date corpus: %d of %d date columns read right (%.1f %%); %d false dates%n",
                found,
                dates,
                100 * rate,
                falseDates.size());
        missed.forEach(m -> System.out.println("  missed: " + m));
        assertThat(falseDates).as("codes and numbers read as dates").isEmpty();
        assertThat(rate).as("missed: %s", missed).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void dayAndMonthOrderIsDecidedFromTheValuesOrSaidToBeAmbiguous() throws IOException {
        Table european = read(List.of("03/04/2020", "25/04/2020")).table();
        assertThat(european.column("when").get(0)).hasToString("2020-04-03");

        Table american = read(List.of("03/04/2020", "04/25/2020")).table();
        assertThat(american.column("when").get(0)).hasToString("2020-03-04");

        CsvIngest.Result ambiguous = read(List.of("03/04/2020", "05/06/2020"));
        assertThat(TableSchema.typeOf(ambiguous.table().column("when"))).isEqualTo(ColumnType.DATE);
        assertThat(ambiguous.report().warnings()).anyMatch(w -> w.contains("ambiguous"));
    }
}
