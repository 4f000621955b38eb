package dev.assay.api.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.api.ApiOverHttp;
import dev.assay.api.HttpApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Files as people have them, over real HTTP with the engine in process: the upload's sheet and encoding fields. */
@ApiOverHttp
class FormatsUploadHttpIT {

    @Value("${assay.data-dir}")
    Path data;

    @LocalServerPort
    int port;

    private HttpApi api;

    @BeforeEach
    void client() {
        api = new HttpApi(port);
    }

    /** {@code multipart/form-data} with the file part and plain fields, as a browser form sends them. */
    private HttpApi.Answer upload(String fileName, byte[] content, Map<String, String> fields) {
        String boundary = "----assay" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.send(HttpRequest.newBuilder(api.uri("/api/v1/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private JsonNode profiled(HttpApi.Answer accepted) {
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        String jobId = accepted.json().path("job_id").asText();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    String status = api.get("/api/v1/jobs/" + jobId + "/status")
                            .json()
                            .path("status")
                            .asText();
                    return status.equals("done") || status.equals("failed");
                });
        JsonNode status = api.get("/api/v1/jobs/" + jobId + "/status").json();
        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("done");
        return api.get("/api/v1/artifacts/" + jobId + "/profile.json").json();
    }

    @Test
    void aChosenSheetOfAWorkbookIsProfiledAndTheProfileSaysSo() throws IOException {
        byte[] workbook = Files.readAllBytes(Path.of("../runner-image/src/test/resources/formats/openpyxl-sales.xlsx"));

        JsonNode profile = profiled(upload("sales.xlsx", workbook, Map.of("sheet", "Rates")));

        assertThat(profile.path("table").path("rows").asInt()).isEqualTo(2);
        assertThat(profile.path("variables").has("currency")).isTrue();
        assertThat(profile.path("ingest").path("source").path("format").asText())
                .isEqualTo("xlsx");
        assertThat(profile.path("ingest").path("source").path("sheet").asText()).isEqualTo("Rates");
    }

    @Test
    void aGzippedWindows1252CsvIsProfiledWithItsEncodingReported() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write("name,price\n“Zoë”,€ 3\nRené,4\nJürgen,5\n".getBytes(Charset.forName("windows-1252")));
        }

        JsonNode source = profiled(upload("prices.csv.gz", gz.toByteArray(), Map.of()))
                .path("ingest")
                .path("source");

        assertThat(source.path("compression").asText()).isEqualTo("gzip");
        assertThat(source.path("encoding").asText()).isEqualTo("windows-1252");
        assertThat(source.path("encoding_basis").asText()).isEqualTo("detected");
        assertThat(source.path("confidence").asInt()).isBetween(1, 100);
    }

    private static byte[] fixture(String name) throws IOException {
        return Files.readAllBytes(Path.of("../runner-image/src/test/resources/formats/" + name));
    }

    @Test
    void aParquetFileIsProfiledAndTheProfileSaysSo() throws IOException {
        JsonNode profile = profiled(upload("orders.parquet", fixture("duckdb-orders.parquet"), Map.of()));

        assertThat(profile.path("ingest").path("source").path("format").asText())
                .isEqualTo("parquet");
        assertThat(profile.path("table").path("rows").asLong()).isEqualTo(4);
        assertThat(profile.path("variables").path("placed").path("storage").asText())
                .isEqualTo("date");
        assertThat(profile.path("variables").path("customer").path("missing").asLong())
                .isEqualTo(1);
    }

    @Test
    void aNestedACutAndARenamedParquetFileAreRefusedAndNothingIsStored() throws IOException {
        long before = entries();
        byte[] orders = fixture("duckdb-orders.parquet");

        JsonNode nested = upload("nested.parquet", fixture("duckdb-nested.parquet"), Map.of())
                .problem(422);
        JsonNode cut = upload("cut.parquet", java.util.Arrays.copyOf(orders, orders.length - 40), Map.of())
                .problem(422);
        JsonNode pdf = upload("report.parquet", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), Map.of())
                .problem(415);
        JsonNode sheet =
                upload("orders.parquet", orders, Map.of("sheet", "Sales")).problem(400);

        assertThat(nested.path("detail").asText())
                .isEqualTo("'nested.parquet' cannot be used: has nested columns, "
                        + "which Assay does not read: 'address' (a group of address.street, address.city); 'tags' (a list of "
                        + "tags.list.element). Assay reads flat tables: flatten these columns (or drop them) and export again; "
                        + "nothing was read; nothing was stored");
        assertThat(cut.path("detail").asText())
                .contains("'cut.parquet' cannot be used: starts like a Parquet file but " + "does not end like one");
        assertThat(pdf.path("detail").asText()).isEqualTo("'report.parquet' is not a CSV file: it is a PDF document");
        assertThat(sheet.path("detail").asText()).contains("the file is a Parquet file, not an Excel workbook");
        assertThat(entries()).isEqualTo(before);
    }

    /** Issue 17's hostile files over HTTP: each refused with what it is, and nothing stored. */
    @Test
    void aRenamedPdfAZipBombAndAClimbingZipEntryAreRefusedAndNothingIsStored() throws IOException {
        long before = entries();
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bomb)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("data.csv"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 100; i++) {
                zip.write(zeros);
            }
        }
        ByteArrayOutputStream climbing = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(climbing)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("../../etc/data.csv"));
            zip.write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        }

        JsonNode pdf = upload("report.xlsx", "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1), Map.of())
                .problem(415);
        JsonNode zipBomb = upload("data.zip", bomb.toByteArray(), Map.of()).problem(422);
        JsonNode traversal =
                upload("data.zip", climbing.toByteArray(), Map.of()).problem(422);

        assertThat(pdf.path("detail").asText()).isEqualTo("'report.xlsx' is not a CSV file: it is a PDF document");
        assertThat(zipBomb.path("detail").asText()).contains("expands more than 200 times", "nothing was stored");
        assertThat(traversal.path("detail").asText()).contains("'../../etc/data.csv' that climbs out");
        assertThat(entries()).isEqualTo(before);
    }

    @Test
    void anUnknownEncodingIsABadRequestAndNothingIsStored() throws IOException {
        long before = entries();

        JsonNode problem = upload(
                        "data.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), Map.of("encoding", "klingon-8"))
                .problem(400);

        assertThat(problem.path("detail").asText()).contains("'klingon-8' is not a known text encoding");
        assertThat(entries()).isEqualTo(before);
    }

    @Test
    void theMissingMarkersGivenWithTheUploadAreTheOnesReadAndTheProfileSaysSo() {
        String csv = "id,damage,cost\n1,None,?\n2,None,3\n3,minor,4\n4,None,5\n";

        JsonNode profile = profiled(
                upload("damage.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of("missingMarkers", "[\"?\"]")));

        JsonNode markers = profile.path("ingest").path("missing_markers");
        assertThat(markers.path("words").toString()).isEqualTo("[\"?\"]");
        assertThat(markers.path("given").asBoolean()).isTrue();
        // "None" is a value now, "?" the one gap of a numeric column.
        assertThat(profile.path("variables").path("damage").path("missing").asInt())
                .isZero();
        assertThat(profile.path("variables").path("cost").path("missing").asInt())
                .isEqualTo(1);
        assertThat(profile.path("variables").path("cost").path("numeric").isObject())
                .isTrue();
    }

    @Test
    void missingMarkersThatAreNotAListOfShortWordsAreABadRequestNamingTheField() throws IOException {
        long before = entries();
        byte[] csv = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);

        assertThat(upload("data.csv", csv, Map.of("missingMarkers", "NA,-"))
                        .problem(400)
                        .path("detail")
                        .asText())
                .contains("missingMarkers must be a JSON array of words");
        assertThat(upload("data.csv", csv, Map.of("missingMarkers", "[\"" + "x".repeat(41) + "\"]"))
                        .problem(400)
                        .path("detail")
                        .asText())
                .contains("missingMarkers[0] is 41 characters long; at most 40");
        assertThat(upload("data.csv", csv, Map.of("missingMarkers", "[" + "\"x\",".repeat(40) + "\"y\"]"))
                        .problem(400)
                        .path("detail")
                        .asText())
                .contains("missingMarkers has 41 words; at most 32");
        assertThat(entries()).isEqualTo(before);
    }

    private long entries() throws IOException {
        try (var stored = Files.walk(data)) {
            return stored.count();
        }
    }
}
