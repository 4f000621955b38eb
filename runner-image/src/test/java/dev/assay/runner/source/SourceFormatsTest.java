package dev.assay.runner.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.profile.SourceRead;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.InputException;
import dev.assay.runner.core.ProgressListener;
import dev.assay.runner.ingest.CsvIngest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Text encodings and compressed CSVs, each read like its UTF-8 CSV twin. */
class SourceFormatsTest {

    /** Names a European export typically holds: accents, the euro sign, curly quotes. */
    static final String TWIN = """
            name,city,price,note,when
            Zoë,Zürich,12.50,“fine”,2024-01-31
            René,Besançon,7.25,‘ok’ – fair,2024-02-29
            Jürgen,Köln,€ 3,plain,2024-03-01
            Ana,São Paulo,99.90,,2024-12-24
            """;

    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    static CsvIngest.Result read(Path file, SourceOptions options) {
        return new CsvIngest(EngineConfig.defaults())
                .read(file, file.getFileName().toString(), ProgressListener.NONE, Optional.empty(), options);
    }

    static CsvIngest.Result read(Path file) {
        return read(file, SourceOptions.none());
    }

    /** The same columns, types and values as the twin. */
    static void assertSameTable(Table actual, Table expected) {
        assertThat(actual.columnNames()).isEqualTo(expected.columnNames());
        assertThat(actual.rowCount()).isEqualTo(expected.rowCount());
        for (Column<?> column : expected.columns()) {
            Column<?> other = actual.column(column.name());
            assertThat(other.type()).as("type of %s", column.name()).isEqualTo(column.type());
            for (int i = 0; i < column.size(); i++) {
                assertThat(other.getString(i)).as("%s row %d", column.name(), i).isEqualTo(column.getString(i));
            }
        }
    }

    private Table twin() throws IOException {
        return read(file("twin.csv", TWIN.getBytes(StandardCharsets.UTF_8))).table();
    }

    private static byte[] bomAnd(byte[] bom, byte[] body) {
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        return all;
    }

    @AfterEach
    void noTemporaryFileIsLeftBehind() throws IOException {
        try (Stream<Path> left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("assay-source-"))
                            .toList())
                    .isEmpty();
        }
    }

    @Test
    void windows1252WithEuroAndCurlyQuotesIsDetectedAndReadLikeItsUtf8Twin() throws IOException {
        CsvIngest.Result result = read(file("export.csv", TWIN.getBytes(Charset.forName("windows-1252"))));

        assertSameTable(result.table(), twin());
        assertThat(result.table().stringColumn("note").get(0)).isEqualTo("“fine”");
        SourceRead read = result.report().source();
        assertThat(read.encoding()).contains("windows-1252");
        assertThat(read.encodingBasis()).contains("detected");
        assertThat(read.confidence()).hasValueSatisfying(c -> assertThat(c).isBetween(1, 100));
        assertThat(result.table().column("when").type().name())
                .isEqualTo(twin().column("when").type().name());
    }

    @Test
    void aFewAccentedNamesAreNamedWindows1252WhenTheRegionalEncodingsReadThemAlike() throws IOException {
        // ICU's statistics lean to windows-1250 on this sample, whose letters here are Windows-1252's too.
        byte[] bytes = "name,price\n“Zoë”,€ 3\nRené,4\nJürgen,5\n".getBytes(Charset.forName("windows-1252"));

        CsvIngest.Result result = read(file("short.csv", bytes));

        assertThat(result.report().source().encoding()).contains("windows-1252");
        assertThat(result.table().stringColumn("name").asList()).containsExactly("“Zoë”", "René", "Jürgen");
    }

    @Test
    void aCentralEuropeanFileKeepsItsOwnEncoding() throws IOException {
        // ł, ś, ć, ż exist in windows-1250 only: Windows-1252 would read other letters.
        String polish = "miasto,ludność\nŁódź,664000\nWrocław,641000\nGdańsk,470000\nKraków,779000\n"
                + "Częstochowa,200000\nBielsko-Biała,166000\nŚwiętochłowice,49000\n";

        CsvIngest.Result result = read(file("pl.csv", polish.getBytes(Charset.forName("windows-1250"))));

        assertThat(result.report().source().encoding().orElseThrow()).isIn("windows-1250", "ISO-8859-2");
        assertThat(result.table().stringColumn("miasto").asList()).contains("Łódź", "Wrocław", "Gdańsk");
    }

    @Test
    void latin1IsDetectedAndTranscoded() throws IOException {
        String latin =
                TWIN.replace("“fine”", "fine").replace("‘ok’ – fair", "ok").replace("€ 3", "3");

        CsvIngest.Result result = read(file("latin1.csv", latin.getBytes(StandardCharsets.ISO_8859_1)));

        assertSameTable(
                result.table(),
                read(file("latin-twin.csv", latin.getBytes(StandardCharsets.UTF_8)))
                        .table());
        assertThat(result.table().stringColumn("city").asList()).contains("Zürich", "Besançon", "São Paulo");
        // ISO-8859-1 and windows-1252 decode these bytes alike; either name is true.
        assertThat(result.report().source().encoding().orElseThrow()).isIn("ISO-8859-1", "windows-1252");
    }

    @Test
    void utf16WithEitherByteOrderMarkIsRead() throws IOException {
        CsvIngest.Result le = read(file(
                "le.csv", bomAnd(new byte[] {(byte) 0xFF, (byte) 0xFE}, TWIN.getBytes(StandardCharsets.UTF_16LE))));
        CsvIngest.Result be = read(file(
                "be.csv", bomAnd(new byte[] {(byte) 0xFE, (byte) 0xFF}, TWIN.getBytes(StandardCharsets.UTF_16BE))));

        assertSameTable(le.table(), twin());
        assertSameTable(be.table(), twin());
        assertThat(le.report().source().encoding()).contains("UTF-16LE");
        assertThat(be.report().source().encoding()).contains("UTF-16BE");
        assertThat(le.report().source().encodingBasis()).contains("byte order mark");
    }

    @Test
    void utf16WithoutAMarkIsRecognisedByItsZeroBytesAndOtherZerosAreBinary() throws IOException {
        CsvIngest.Result le = read(file("nomark.csv", TWIN.getBytes(StandardCharsets.UTF_16LE)));

        assertSameTable(le.table(), twin());
        assertThat(le.report().source().encoding()).contains("UTF-16LE");
        assertThat(le.report().source().encodingBasis()).contains("detected");
        assertThatThrownBy(() -> read(file("zeros.csv", new byte[] {'a', ',', 'b', '\n', '1', ',', 0, '\n'})))
                .isInstanceOf(InputException.class)
                .hasMessage("zeros.csv: contains binary data, not CSV text");
    }

    @Test
    void utf8IsReadAsItIsAndSaysSo() throws IOException {
        CsvIngest.Result plain = read(file("plain.csv", TWIN.getBytes(StandardCharsets.UTF_8)));
        CsvIngest.Result marked = read(file(
                "marked.csv",
                bomAnd(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, TWIN.getBytes(StandardCharsets.UTF_8))));

        assertThat(plain.report().source().describe()).isEqualTo("csv, UTF-8 (valid UTF-8)");
        assertThat(marked.report().source().describe()).isEqualTo("csv, UTF-8 (byte order mark)");
        assertSameTable(marked.table(), plain.table());
    }

    @Test
    void aGivenEncodingWinsOverDetection() throws IOException {
        // Bytes that are valid UTF-8 but were meant as windows-1252 ("Ã©" is what UTF-8 é looks like there).
        Path file = file("given.csv", "name,n\ncafé,1\n".getBytes(StandardCharsets.UTF_8));

        CsvIngest.Result result = read(file, new SourceOptions(Optional.empty(), Optional.of("windows-1252")));

        assertThat(result.table().stringColumn("name").get(0)).isEqualTo("cafÃ©");
        assertThat(result.report().source().encodingBasis()).contains("given");
    }

    @Test
    void aByteThatTheGivenEncodingCannotHoldIsRefusedWithItsLine() throws IOException {
        Path file = file("bad.csv", new byte[] {'a', ',', 'b', '\n', '1', ',', '2', '\n', '3', ',', (byte) 0x81, '\n'});

        assertThatThrownBy(() -> read(file, new SourceOptions(Optional.empty(), Optional.of("windows-1252"))))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("bad.csv, line 3")
                .hasMessageContaining("0x81")
                .hasMessageContaining("windows-1252");
    }

    @Test
    void anUnknownEncodingOrASheetForACsvIsRefused() throws IOException {
        Path file = file("plain.csv", TWIN.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> read(file, new SourceOptions(Optional.empty(), Optional.of("klingon-8"))))
                .hasMessageContaining("'klingon-8' is not a known text encoding");
        assertThatThrownBy(() -> read(file, new SourceOptions(Optional.of("Sheet1"), Optional.empty())))
                .hasMessageContaining("plain.csv: is a text file, not a workbook");
    }

    @Test
    void gzipCsvIsReadLikeItsTwin() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(TWIN.getBytes(Charset.forName("windows-1252")));
        }

        CsvIngest.Result result = read(file("data.csv.gz", bytes.toByteArray()));

        assertSameTable(result.table(), twin());
        assertThat(result.report().source().compression()).contains("gzip");
        assertThat(result.report().source().encoding()).contains("windows-1252");
        assertThat(result.report().bytes()).isEqualTo(bytes.size());
    }

    private byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void aZipWithOneCsvIsReadAndNamesTheEntry() throws IOException {
        CsvIngest.Result result = read(file("data.zip", zip("export/data.csv", TWIN, "__MACOSX/._data.csv", "junk")));

        assertSameTable(result.table(), twin());
        assertThat(result.report().source().entry()).contains("export/data.csv");
        assertThat(result.report().source().describe()).startsWith("csv (zip: export/data.csv)");
    }

    @Test
    void aZipWithSeveralFilesNamesThemAndAsksWhichOne() throws IOException {
        Path file = file("two.zip", zip("a.csv", TWIN, "b.csv", TWIN));

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(
                        "two.zip: is a zip archive holding 2 files (a.csv, b.csv); which one should be read?");
    }

    @Test
    void aZipEntryThatClimbsOutOfTheArchiveIsRefused() throws IOException {
        Path file = file("evil.zip", zip("../../etc/cron.d/data.csv", TWIN));

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("evil.zip: holds an entry named '../../etc/cron.d/data.csv' that climbs out");
        assertThat(dir.getParent().resolve("etc")).doesNotExist();
    }

    @Test
    void compressionBombsAreStoppedEarly() throws IOException {
        // 50 MB of zeros after a header compress to about 50 KB: a ratio of ~1000.
        byte[] zeros = new byte[1 << 20];
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
            zip.putNextEntry(new ZipEntry("data.csv"));
            zip.write("a,b\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 50; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(gzipped)) {
            for (int i = 0; i < 50; i++) {
                gz.write(zeros);
            }
        }

        assertThatThrownBy(() -> read(file("bomb.zip", zipped.toByteArray())))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("bomb.zip (data.csv): expands more than 200 times");
        assertThatThrownBy(() -> read(file("bomb.csv.gz", gzipped.toByteArray())))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("bomb.csv.gz: expands more than 200 times");
    }

    @Test
    void unpackingStopsAtTheEngineFileLimit() throws IOException {
        StringBuilder csv = new StringBuilder("id,text\n");
        for (int i = 0; i < 5000; i++) {
            csv.append(i).append(",row number ").append(i).append('\n');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        EngineConfig small = new EngineConfig(40_000, 1000, 100_000, true, true, 20);
        Path file = file("big.csv.gz", bytes.toByteArray());

        assertThatThrownBy(() -> new CsvIngest(small)
                        .read(file, "big.csv.gz", ProgressListener.NONE, Optional.empty(), SourceOptions.none()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("big.csv.gz: unpacks to more than");
    }

    @Test
    void documentsAndImagesAreRefusedWhateverTheirName() throws IOException {
        assertThatThrownBy(() -> read(file("report.xlsx", "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1))))
                .isInstanceOf(InputException.class)
                .hasMessage("report.xlsx: is a PDF document, not a table Assay can read "
                        + "(CSV, .csv.gz, a .zip holding one CSV, .xlsx, .parquet)");
        assertThatThrownBy(() -> read(file("data.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1})))
                .hasMessageContaining("data.csv: is an image");
        assertThatThrownBy(() -> read(file("old.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0})))
                .hasMessageContaining("old.xls: is an old Excel (.xls)");
    }
}
