package dev.assay.api.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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

        assertThat(CsvSniffer.check(Arrays.copyOf(text, cut), false, "data.csv").columns()).isEqualTo(2);
    }

    @Test
    void refusesAnExcelWorkbookSayingHowToExportIt() {
        RefusedUploadException e = refused(new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0});

        assertThat(e.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(e.getMessage()).contains("'data.csv' is not a CSV file", "Excel", "export the sheet as CSV UTF-8");
    }

    @Test
    void refusesImagesAndOtherBinaryData() {
        assertThat(refused(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n'}).getMessage()).contains("an image");
        assertThat(refused(new byte[] {'a', ',', 'b', '\n', '1', ',', 0, '\n'}).getMessage())
                .contains("binary data (a zero byte at offset 6)");
    }

    @Test
    void refusesTextThatIsNotUtf8NamingTheLine() {
        byte[] latin1 = "name,city\nA,Zurich\nB,Z\u00fcrich\n".getBytes(StandardCharsets.ISO_8859_1);

        RefusedUploadException e = refused(latin1);

        assertThat(e.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(e.getMessage()).contains("not UTF-8 text", "line 3", "save it as CSV UTF-8");
    }

    @Test
    void refusesProseAndSingleColumns() {
        assertThat(refused("Dear team,\nplease find the numbers attached.\nThanks, and regards\n").getMessage())
                .contains("do not have the same number of fields");
        assertThat(refused("Dear team\nplease find the numbers attached\n").getMessage()).contains("no separator found");
        assertThat(refused("value\n1\n2\n3\n").getMessage()).contains("no separator found");
    }

    @Test
    void refusesPrettyPrintedJson() {
        assertThat(refused("{\n  \"a\": 1,\n  \"b\": 2\n}\n").getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
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
