package dev.assay.api.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.runner.source.SourceOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class CsvSnifferTest {

    private static CsvSniffer.Shape check(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return CsvSniffer.check(bytes, true, "data.csv");
    }

    private static RefusedUploadException refused(byte[] bytes) {
        try {
            CsvSniffer.check(bytes, true, "data.csv");
        } catch (RefusedUploadException e) {
            return e;
        }
        throw new AssertionError("accepted a file that should be refused");
    }

    private static RefusedUploadException refused(byte[] bytes, SourceOptions options) {
        try {
            CsvSniffer.check(bytes, true, "data.csv", options);
        } catch (RefusedUploadException e) {
            return e;
        }
        throw new AssertionError("accepted a file that should be refused");
    }

    private static RefusedUploadException refused(String text) {
        return refused(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsTheTitanicDatasetWithQuotedCommas() throws Exception {
        byte[] titanic = Files.readAllBytes(Path.of("../examples/datasets/titanic.csv"));
        byte[] head = Arrays.copyOf(titanic, Math.min(titanic.length, CsvSniffer.SAMPLE_BYTES));

        CsvSniffer.Shape shape = CsvSniffer.check(head, titanic.length <= head.length, "titanic.csv");

        assertThat(shape.separator()).isEqualTo(',');
        assertThat(shape.columns()).isEqualTo(12);
    }

    @Test
    void acceptsSemicolonsTabsAndPipes() {
        assertThat(check("a;b;c\n1,5;2;3\n4;5;6\n").separator()).isEqualTo(';');
        assertThat(check("a\tb\n1\t2\n").separator()).isEqualTo('\t');
        assertThat(check("a|b\n1|2\n").separator()).isEqualTo('|');
    }

    @Test
    void acceptsAByteOrderMarkWindowsLineEndsAndLineBreaksInsideQuotes() {
        CsvSniffer.Shape shape = check("\uFEFFid,comment\r\n1,\"first line\r\nsecond, line\"\r\n2,plain\r\n");

        assertThat(shape.columns()).isEqualTo(2);
        assertThat(shape.sampledRows()).isEqualTo(2);
    }

    @Test
    void aSampleCutInsideAMultiByteCharacterOrARowIsNotAnError() {
        String csv = "name,city\nA,Zürich\nB,Zürich\n";
        byte[] text = csv.getBytes(StandardCharsets.UTF_8);
        int secondU = csv.indexOf('ü', csv.indexOf('ü') + 1);
        int cut = csv.substring(0, secondU).getBytes(StandardCharsets.UTF_8).length + 1; // inside the second ü

        assertThat(CsvSniffer.check(Arrays.copyOf(text, cut), false, "data.csv").columns())
                .isEqualTo(2);
    }

    @Test
    void acceptsAZipArchiveSuchAsAnExcelWorkbookForTheEngineToOpen() {
        CsvSniffer.Shape shape = CsvSniffer.check(new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0}, false, "book.xlsx");

        assertThat(shape.format()).isEqualTo("zip");
    }

    @Test
    void checksAGzipCsvByWhatItInflatesTo() throws IOException {
        CsvSniffer.Shape shape =
                CsvSniffer.check(gzip("a;b\n1;2\n3;4\n".getBytes(StandardCharsets.UTF_8)), true, "d.csv.gz");

        assertThat(shape.format()).isEqualTo("csv.gz");
        assertThat(shape.separator()).isEqualTo(';');
        assertThat(shape.columns()).isEqualTo(2);
        assertThat(refused(gzip(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0})).getMessage())
                .contains("binary data");
    }

    @Test
    void checksTheStartOfALargeGzipFile() throws IOException {
        StringBuilder csv = new StringBuilder("id,text\n");
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < 20_000; i++) {
            csv.append(i)
                    .append(',')
                    .append(Long.toHexString(random.nextLong()))
                    .append('\n');
        }
        byte[] whole = gzip(csv.toString().getBytes(StandardCharsets.UTF_8));

        CsvSniffer.Shape shape = CsvSniffer.check(Arrays.copyOf(whole, CsvSniffer.SAMPLE_BYTES), false, "big.csv.gz");

        assertThat(shape.columns()).isEqualTo(2);
        assertThat(shape.sampledRows()).isGreaterThan(10);
    }

    @Test
    void refusesCompressionBombsAndClimbingEntriesFromTheirFirstBytes() throws IOException {
        byte[] zeros = new byte[1 << 20];
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gzipped)) {
            for (int i = 0; i < 100; i++) {
                out.write(zeros);
            }
        }
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(zipped)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("data.csv"));
            for (int i = 0; i < 100; i++) {
                zip.write(zeros);
            }
        }
        ByteArrayOutputStream climbing = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(climbing)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("../../etc/data.csv"));
            zip.write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        }

        RefusedUploadException gzipBomb = refused(head(gzipped.toByteArray()));
        RefusedUploadException zipBomb = refused(head(zipped.toByteArray()));

        assertThat(gzipBomb.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(gzipBomb.getMessage()).contains("expands more than 200 times", "nothing was stored");
        assertThat(zipBomb.getMessage()).contains("expands more than 200 times", "'data.csv'");
        assertThat(refused(climbing.toByteArray()).getMessage()).contains("'../../etc/data.csv' that climbs out");
    }

    private static byte[] head(byte[] whole) {
        return Arrays.copyOf(whole, Math.min(whole.length, CsvSniffer.SAMPLE_BYTES));
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    @Test
    void refusesDocumentsImagesOldExcelAndOtherBinaryData() {
        assertThat(refused(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n'}).getMessage())
                .contains("an image");
        assertThat(refused("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)).getMessage())
                .contains("a PDF document");
        assertThat(refused(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0})
                        .getMessage())
                .contains("old Excel (.xls)", "save the sheet as .xlsx or CSV");
        assertThat(refused(new byte[] {'a', ',', 'b', '\n', '1', ',', 0, '\n'}).getMessage())
                .contains("binary data (a zero byte at offset 6)");
    }

    @Test
    void aParquetFileIsCheckedFromItsFooterAndACutOneIsRefused() {
        byte[] cut = "PAR1\u0015\u0004xxxxxx".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(CsvSniffer.check(cut, false, "cut.parquet").format()).isEqualTo("parquet");
        assertThatThrownBy(() -> CsvSniffer.parquet(
                        (offset, length) -> java.util.Arrays.copyOfRange(cut, (int) offset, (int) offset + length),
                        cut.length,
                        "cut.parquet"))
                .isInstanceOf(RefusedUploadException.class)
                .hasMessage("'cut.parquet' cannot be used: starts like a Parquet file but does not end like one (no "
                        + "closing 'PAR1'): it is incomplete or damaged, perhaps cut short while it was copied; nothing "
                        + "was stored");
        assertThatThrownBy(() -> CsvSniffer.check(
                        cut,
                        false,
                        "cut.parquet",
                        new dev.assay.runner.source.SourceOptions(
                                java.util.Optional.of("Sales"), java.util.Optional.empty())))
                .hasMessageContaining("not an Excel workbook");
    }

    /** Like a CSV of a header alone: the footer says it, so it is refused before it is stored. */
    @Test
    void aParquetFileWithoutRowsIsRefused() throws java.io.IOException {
        org.apache.parquet.format.FileMetaData meta = new org.apache.parquet.format.FileMetaData(
                1,
                java.util.List.of(
                        new org.apache.parquet.format.SchemaElement("schema").setNum_children(2),
                        new org.apache.parquet.format.SchemaElement("id")
                                .setType(org.apache.parquet.format.Type.INT32)
                                .setRepetition_type(org.apache.parquet.format.FieldRepetitionType.REQUIRED),
                        new org.apache.parquet.format.SchemaElement("name")
                                .setType(org.apache.parquet.format.Type.BYTE_ARRAY)
                                .setRepetition_type(org.apache.parquet.format.FieldRepetitionType.OPTIONAL)),
                0,
                new java.util.ArrayList<>());
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        file.write("PAR1".getBytes(StandardCharsets.US_ASCII));
        java.io.ByteArrayOutputStream footer = new java.io.ByteArrayOutputStream();
        org.apache.parquet.format.Util.writeFileMetaData(meta, footer);
        file.write(footer.toByteArray());
        file.write(java.nio.ByteBuffer.allocate(4)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putInt(footer.size())
                .array());
        file.write("PAR1".getBytes(StandardCharsets.US_ASCII));
        byte[] empty = file.toByteArray();

        assertThatThrownBy(() -> CsvSniffer.parquet(
                        (offset, length) -> java.util.Arrays.copyOfRange(empty, (int) offset, (int) offset + length),
                        empty.length,
                        "empty.parquet"))
                .isInstanceOf(RefusedUploadException.class)
                .hasMessage("'empty.parquet' cannot be used: it is a Parquet file with columns (id, name) but no rows; "
                        + "nothing was stored");
    }

    @Test
    void acceptsLatin1Windows1252AndUtf16SayingWhichEncodingItRead() {
        byte[] latin1 = "name,city\nA,Zurich\nB,Z\u00fcrich\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] windows = "name,note\nA,\u201cquoted\u201d \u20ac 5\nB,plain\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        byte[] utf16 = "\uFEFFname,city\nA,Z\u00fcrich\n".getBytes(StandardCharsets.UTF_16LE);

        assertThat(CsvSniffer.check(latin1, true, "l.csv").encoding()).isIn("ISO-8859-1", "windows-1252");
        assertThat(CsvSniffer.check(windows, true, "w.csv").encoding()).isEqualTo("windows-1252");
        CsvSniffer.Shape wide = CsvSniffer.check(utf16, true, "u.csv");
        assertThat(wide.encoding()).isEqualTo("UTF-16LE");
        assertThat(wide.columns()).isEqualTo(2);
    }

    @Test
    void aGivenEncodingIsUsedAndABadOneRefusedNamingTheLine() {
        byte[] bytes = {'a', ',', 'b', '\n', '1', ',', '2', '\n', '3', ',', (byte) 0x81, '\n'};

        RefusedUploadException e = refused(bytes, new SourceOptions(Optional.empty(), Optional.of("windows-1252")));

        assertThat(e.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(e.getMessage()).contains("not windows-1252 text", "line 3", "is the encoding given right?");
        assertThat(CsvSniffer.check(
                                "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8),
                                true,
                                "d.csv",
                                new SourceOptions(Optional.empty(), Optional.of("ISO-8859-1")))
                        .encoding())
                .isEqualTo("ISO-8859-1");
    }

    @Test
    void optionsThatCannotApplyAreRefusedAsBadRequests() {
        byte[] csv = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);

        RefusedUploadException unknown = refused(csv, new SourceOptions(Optional.empty(), Optional.of("klingon-8")));
        RefusedUploadException sheet = refused(csv, new SourceOptions(Optional.of("Sheet1"), Optional.empty()));

        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getMessage()).contains("'klingon-8' is not a known text encoding");
        assertThat(sheet.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(sheet.getMessage()).contains("a sheet was given, but the file is text");
    }

    @Test
    void refusesProseAndSingleColumns() {
        assertThat(refused("Dear team,\nplease find the numbers attached.\nThanks, and regards\n")
                        .getMessage())
                .contains("do not have the same number of fields");
        assertThat(refused("Dear team\nplease find the numbers attached\n").getMessage())
                .contains("no separator found");
        assertThat(refused("value\n1\n2\n3\n").getMessage()).contains("no separator found");
    }

    @Test
    void refusesPrettyPrintedJson() {
        assertThat(refused("{\n  \"a\": 1,\n  \"b\": 2\n}\n").getStatusCode())
                .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void refusesEmptyAndBlankFiles() {
        assertThat(refused(new byte[0]).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused("\n\n  \n").getMessage()).contains("is empty");
    }

    @Test
    void refusesAHeaderWithoutData() {
        RefusedUploadException e = refused("a,b,c\n");

        assertThat(e.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(e.getMessage()).contains("a header row but no data rows");
    }

    @Test
    void refusesAFirstLineOfNumbersBecauseColumnsNeedNames() {
        assertThat(refused("1,2.5,3\n4,5,6\n").getMessage()).contains("first line holds only numbers");
    }

    @Test
    void refusesRowsOfDifferentLengthsNamingTheFirstBadLine() {
        StringBuilder csv = new StringBuilder("a,b,c\n");
        for (int i = 0; i < 5; i++) {
            csv.append("1,2,3\n").append("1,2\n");
        }

        RefusedUploadException e = refused(csv.toString());

        assertThat(e.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(e.getMessage()).contains("the header (line 1) has 3 separated by commas, line 3 has 2");
    }

    @Test
    void toleratesAnOddRaggedRowAmongManyGoodOnes() {
        StringBuilder csv = new StringBuilder("a,b,c\n");
        for (int i = 0; i < 30; i++) {
            csv.append("1,2,3\n");
        }
        csv.append("1,2\n");

        assertThat(check(csv.toString()).columns()).isEqualTo(3);
    }

    @Test
    void refusesAQuoteThatNeverCloses() {
        assertThat(refused("a,b\n1,\"open\n2,3\n").getMessage()).contains("line 2 opens a quoted field");
    }
}
