package dev.assay.runner.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.dataset.ColumnType;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.InputException;
import dev.assay.runner.core.ProgressListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class CsvIngestTest {

    @TempDir
    Path dir;

    private CsvIngest.Result read(String name, String content) throws IOException {
        return read(name, content.getBytes(StandardCharsets.UTF_8), EngineConfig.defaults());
    }

    private CsvIngest.Result read(String name, byte[] content, EngineConfig config) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return new CsvIngest(config).read(file, name, ProgressListener.NONE);
    }

    @Test
    void detectsEachSeparator() throws IOException {
        for (String separator : new String[] {",", ";", "\t", "|"}) {
            Table table = read(
                            "sep.csv",
                            String.join(separator, "a", "b", "c") + "\n" + String.join(separator, "1", "x", "2.5")
                                    + "\n" + String.join(separator, "2", "y", "3.5") + "\n")
                    .table();
            assertThat(table.columnNames()).as("separator %s", separator).containsExactly("a", "b", "c");
            assertThat(table.column("c")).isInstanceOf(DoubleColumn.class);
        }
    }

    @Test
    void quotedFieldsKeepSeparatorsDoubledQuotesAndNewlines() throws IOException {
        Table table = read(
                        "quotes.csv",
                        "id,name,note\n"
                                + "1,\"Braund, Mr. Owen Harris\",\"said \"\"hello\"\"\"\n"
                                + "2,\"Two\nlines\",plain\n")
                .table();

        assertThat(table.rowCount()).isEqualTo(2);
        assertThat(table.stringColumn("name").get(0)).isEqualTo("Braund, Mr. Owen Harris");
        assertThat(table.stringColumn("note").get(0)).isEqualTo("said \"hello\"");
        assertThat(table.stringColumn("name").get(1)).isEqualTo("Two\nlines");
    }

    @Test
    void byteOrderMarkAndBlankLinesAreIgnored() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "name,value\n\nä,1\n\n\nö,2\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, content, 0, 3);
        System.arraycopy(body, 0, content, 3, body.length);

        CsvIngest.Result result = read("bom.csv", content, EngineConfig.defaults());

        assertThat(result.table().columnNames()).containsExactly("name", "value");
        assertThat(result.table().rowCount()).isEqualTo(2);
        assertThat(result.report().bom()).isTrue();
        assertThat(result.table().stringColumn("name").asList()).containsExactly("ä", "ö");
    }

    @Test
    void missingMarkersAreMissingWhateverTheirCase() throws IOException {
        Table table = read("missing.csv", """
                id,x,y
                1,1,a
                2,NA,n/a
                3,null,NULL
                4,NaN,None
                5,-,
                6,2,b
                """).table();

        assertThat(table.column("x")).isInstanceOf(IntColumn.class);
        assertThat(table.column("x").countMissing()).isEqualTo(4);
        assertThat(table.column("y").countMissing()).isEqualTo(4);
    }

    @Test
    void infersIntegersDecimalsBooleansDatesAndDateTimes() throws IOException {
        CsvIngest.Result result = read("types.csv", """
                n,d,b,day,at,word
                1,1.5,yes,2024-01-31,2019-03-23 20:21:09,apple
                -2,2e3,no,2024-02-29,2019-03-23 20:21:10,pear
                3,-0.25,Yes,2024-03-01,2019-03-24T08:00:00,plum
                """);
        Table table = result.table();

        assertThat(table.column("n")).isInstanceOf(IntColumn.class);
        assertThat(table.column("d")).isInstanceOf(DoubleColumn.class);
        assertThat(((DoubleColumn) table.column("d")).get(1)).isEqualTo(2000.0);
        assertThat(table.column("b")).isInstanceOf(BooleanColumn.class);
        assertThat(((DateColumn) table.column("day")).get(1)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(table.column("word")).isInstanceOf(StringColumn.class);
        // Two layouts in one column: not a date column, kept as text rather than half-parsed.
        assertThat(table.column("at")).isInstanceOf(StringColumn.class);

        Table times =
                read("times.csv", "at\n2019-03-23 20:21:09\n2019-03-23 20:21\n").table();
        assertThat(((DateTimeColumn) times.column("at")).get(0)).isEqualTo(LocalDateTime.of(2019, 3, 23, 20, 21, 9));
    }

    @Test
    void codesWithLeadingZerosStayText() throws IOException {
        Table table = read("zip.csv", "zip,count\n01234,1\n00501,2\n90210,3\n").table();

        assertThat(table.column("zip")).isInstanceOf(StringColumn.class);
        assertThat(table.stringColumn("zip").get(0)).isEqualTo("01234");
    }

    @Test
    void aFewStrayValuesKeepTheColumnAsTextAndAreReported() throws IOException {
        StringBuilder csv = new StringBuilder("price\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i).append(".5\n");
        }
        csv.append("unknown\n");
        CsvIngest.Result result = read("stray.csv", csv.toString());

        assertThat(result.table().column("price")).isInstanceOf(StringColumn.class);
        assertThat(result.table().column("price").countMissing()).isZero();
        assertThat(result.stray().get("price").dominant()).isEqualTo(ColumnType.DECIMAL);
        assertThat(result.stray().get("price").examples()).containsExactly("unknown");
        assertThat(result.report().warnings())
                .anySatisfy(w -> assertThat(w).contains("price").contains("unknown"));
    }

    @Test
    void integerMinValueIsKeptAsAValueNotReadAsMissing() throws IOException {
        Table table = read("min.csv", "v\n" + Integer.MIN_VALUE + "\n5\n").table();

        assertThat(table.column("v")).isInstanceOf(LongColumn.class);
        assertThat(table.column("v").countMissing()).isZero();
        assertThat(((LongColumn) table.column("v")).get(0)).isEqualTo((long) Integer.MIN_VALUE);
    }

    @Test
    void integersThatNoLongHoldsStayTextRatherThanLoseDigits() throws IOException {
        Table table = read("big.csv", "account,edge\n12345678901234567890,-9223372036854775808\n5,1\n")
                .table();

        assertThat(table.column("account")).isInstanceOf(StringColumn.class);
        assertThat(table.stringColumn("account").get(0)).isEqualTo("12345678901234567890");
        assertThat(table.column("edge")).isInstanceOf(StringColumn.class);
        assertThat(table.stringColumn("edge").get(0)).isEqualTo("-9223372036854775808");
    }

    @Test
    void exactDuplicateRowsAreDroppedAndCounted() throws IOException {
        CsvIngest.Result result = read("dups.csv", "a,b\n1,x\n2,y\n1,x\n1, x\n2,y\n");

        assertThat(result.table().rowCount()).isEqualTo(3);
        assertThat(result.report().duplicatesDropped()).isEqualTo(2);
        assertThat(result.report().rowsRead()).isEqualTo(5);
    }

    @Test
    void blankAndRepeatedHeaderNamesAreMadeUsable() throws IOException {
        CsvIngest.Result result = read("header.csv", "a,,a\n1,2,3\n");

        assertThat(result.table().columnNames()).containsExactly("a", "column_2", "a_2");
        assertThat(result.report().warnings()).hasSize(2);
    }

    @Test
    void rowWithTheWrongNumberOfFieldsNamesTheLine() {
        assertThatThrownBy(() -> read("ragged.csv", "a,b,c\n1,2,3\n4,5\n6,7,8\n"))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.line()).isEqualTo(OptionalLong.of(3));
                    assertThat(e.getMessage())
                            .isEqualTo("ragged.csv, line 3: has 2 fields but the header has 3 "
                                    + "(check for an unquoted separator or a missing quote)");
                });
    }

    @Test
    void aQuoteThatIsNeverClosedNamesItsLineInsteadOfSwallowingTheRestOfTheFile() {
        for (String content : List.of(
                "a,b\n1,x\n2,\"y\n3,z\n4,w\n",
                "a,b\n1,x\n2,\"y\n3,z\n4,w",
                "a,b\n1,x\n2,\"y \"\"q\"\"\n3,z\r\n4,w\r\n")) {
            assertThatThrownBy(() -> read("unclosed.csv", content)).isInstanceOfSatisfying(InputException.class, e -> {
                assertThat(e.line()).isEqualTo(OptionalLong.of(3));
                assertThat(e.getMessage())
                        .startsWith("unclosed.csv, line 3: opens a quote that is never closed, "
                                + "so the 3 lines from here to the end of the file would be read as one cell");
            });
        }
    }

    @Test
    void aClosedMultiLineQuoteAndAnInchMarkAtTheEndAreData() throws IOException {
        assertThat(read("closed.csv", "a,b\n1,x\n2,\"y\n3\"")
                        .table()
                        .stringColumn("b")
                        .get(1))
                .isEqualTo("y\n3");
        assertThat(read("inches.csv", "a,b\n1,x\n2,5\" screen")
                        .table()
                        .stringColumn("b")
                        .get(1))
                .isEqualTo("5\" screen");
    }

    @Test
    void emptyAndHeaderOnlyFilesAreRefused() {
        assertThatThrownBy(() -> read("empty.csv", ""))
                .isInstanceOf(InputException.class)
                .hasMessage("empty.csv: is empty");
        assertThatThrownBy(() -> read("header.csv", "a,b\n"))
                .isInstanceOf(InputException.class)
                .hasMessage("header.csv: has a header but no data rows");
    }

    @Test
    void binaryFilesAreRefusedAndOtherEncodingsTranscoded() throws IOException {
        assertThatThrownBy(() ->
                        read("image.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1}, EngineConfig.defaults()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("image.csv: is an image");
        assertThatThrownBy(() ->
                        read("zeros.csv", new byte[] {'a', ',', 'b', '\n', '1', ',', 0, '\n'}, EngineConfig.defaults()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("binary data");
        byte[] latin1 = "name\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(read("latin1.csv", latin1, EngineConfig.defaults())
                        .table()
                        .stringColumn("name")
                        .get(0))
                .isEqualTo("caf\u00e9");
    }

    @Test
    void limitsOnFileSizeColumnsAndCellLengthAreEnforcedWithClearErrors() {
        EngineConfig small = new EngineConfig(20, 2, 10, true, true, 20);
        assertThatThrownBy(
                        () -> read("big.csv", "a,b\n1234567890,1234567890\n".getBytes(StandardCharsets.UTF_8), small))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("the limit is");

        EngineConfig narrow = new EngineConfig(1 << 20, 2, 10, true, true, 20);
        assertThatThrownBy(() -> read("wide.csv", "a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8), narrow))
                .isInstanceOf(InputException.class)
                .hasMessage("wide.csv: has 3 columns; at most 2 are allowed");
        assertThatThrownBy(() -> read(
                        "long.csv", "a,b\n1,\"this cell is far too long\"\n".getBytes(StandardCharsets.UTF_8), narrow))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.getMessage())
                            .contains("line 2")
                            .contains("longer than 10 characters")
                            .contains("shorten it");
                });
        // A quote opened and never closed swallows the next lines into one cell: that is what the person is told.
        assertThatThrownBy(() -> read(
                        "open.csv", "a,b\n1,\"abc\ndefg\nhijklmnop\nqrs\n".getBytes(StandardCharsets.UTF_8), narrow))
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> assertThat(e.getMessage()).contains("longer than 10 characters", "never closed"));
        assertThatThrownBy(() ->
                        read("line.csv", "a,b\n1,thisvalueisfartoolong\n".getBytes(StandardCharsets.UTF_8), narrow))
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> assertThat(e.getMessage()).contains("line 2", "longer than 10 characters", "shorten it"));
    }
}
