package dev.assay.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.api.ApiOverHttp;
import dev.assay.api.HttpApi;
import dev.assay.api.TestProfiles;
import dev.assay.model.json.Json;
import dev.assay.model.status.TaskKind;
import dev.assay.model.status.TaskStatus;
import dev.assay.runner.storage.ArtifactStore;
import dev.assay.runner.storage.StatusStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Input meant to confuse or abuse the api, each refused with a problem that names what is wrong and with nothing
 * stored: lenient readings of a plan, broken multipart bodies, absurd names and ids, other sites' pages and host
 * names. Also deleting datasets and runs, which must leave nothing behind and refuse what is still running.
 */
@ApiOverHttp
class HostileInputHttpIT {

    @Value("${assay.data-dir}")
    Path data;

    @LocalServerPort
    int port;

    @Autowired
    ArtifactStore artifacts;

    @Autowired
    StatusStore statuses;

    private HttpApi api;

    @BeforeEach
    void profiledDataset() throws IOException {
        api = new HttpApi(port);
        put("j-titanic/source.csv", Files.readString(Path.of("../examples/datasets/titanic.csv")));
        put("j-titanic/profile.json", Json.write(TestProfiles.titanic()));
        statuses.put(TaskStatus.queued("j-titanic", TaskKind.PROFILE, "j-titanic", "titanic.csv", Instant.now())
                .profiled(TestProfiles.titanic().summary(), Instant.now()));
    }

    private void put(String key, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        artifacts.put(key, new ByteArrayInputStream(bytes), bytes.length, "application/octet-stream");
    }

    private HttpApi.Answer validate(String actions) {
        return api.postJson("/api/v1/plans/validate", "{\"job_id\":\"j-titanic\",\"actions\":" + actions + "}");
    }

    // ---- plans are read strictly

    @Test
    void anActionTypeIsItsNameNeverANumber() {
        assertThat(validate("[{\"type\":0,\"params\":{\"columns\":[\"Age\"]}}]")
                        .problem(400)
                        .path("detail")
                        .asText())
                .contains("actions[0].type", "'0' is not an action");
        assertThat(validate("[{\"type\":\"1\",\"params\":{}}]")
                        .problem(400)
                        .path("detail")
                        .asText())
                .contains("actions[0].type", "'1' is not an action");
    }

    @Test
    void anActionWithoutParamsIsRefusedNamingTheField() {
        assertThat(validate("[{\"type\":\"drop_duplicates\"}]")
                        .problem(400)
                        .path("detail")
                        .asText())
                .contains("missing required field 'params'");
    }

    @Test
    void anEmptyStepIsRefusedNamingIt() {
        assertThat(validate("[null]").problem(400).path("detail").asText()).contains("actions[0]", "is empty");
        assertThat(api.postJson("/api/v1/assistant/apply", "{\"job_id\":\"j-titanic\",\"actions\":[null]}")
                        .problem(400)
                        .path("detail")
                        .asText())
                .contains("actions[0]", "is empty");
    }

    @Test
    void aKeyGivenTwiceIsRefusedInsteadOfTheLastOneWinning() {
        String detail = validate("[{\"type\":\"impute\",\"type\":\"drop_columns\",\"params\":{\"columns\":[\"Age\"]}}]")
                .problem(400)
                .path("detail")
                .asText();
        assertThat(detail).contains("same key twice", "type");
    }

    // ---- multipart bodies and file names

    @Test
    void aMultipartBodyWithoutBoundaryOrEndIsA400() {
        int before = statuses.jobs(1000).size();
        HttpApi.Answer noBoundary = api.send(HttpRequest.newBuilder(api.uri("/api/v1/upload"))
                .header("Content-Type", "multipart/form-data")
                .POST(HttpRequest.BodyPublishers.ofString("a,b\n1,2\n")));
        assertThat(noBoundary.problem(400).path("detail").asText()).contains("multipart");
        HttpApi.Answer noEnd = api.send(HttpRequest.newBuilder(api.uri("/api/v1/upload"))
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofString("--xyz\r\nContent-Disposition: form-data; name=\"file\"; "
                        + "filename=\"a.csv\"\r\n\r\na,b\n1,2\n")));
        assertThat(noEnd.problem(400).path("detail").asText()).contains("malformed");
        assertThat(statuses.jobs(1000)).hasSize(before);
    }

    @Test
    void tooManyPartsIsA400ThatSaysSo() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            body.append("--xyz\r\nContent-Disposition: form-data; name=\"f")
                    .append(i)
                    .append("\"\r\n\r\nx\r\n");
        }
        body.append("--xyz--\r\n");
        HttpApi.Answer answer = api.send(HttpRequest.newBuilder(api.uri("/api/v1/upload"))
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        assertThat(answer.problem(400).path("detail").asText()).contains("too many parts");
    }

    @Test
    void aFileNameUpTo255BytesIsAcceptedAndALongerOneIsRefusedNamingIt() {
        int before = statuses.jobs(1000).size();
        byte[] csv = "a,b\n1,2\n3,4\n".getBytes(StandardCharsets.UTF_8);
        String fits = "名".repeat(80) + ".csv"; // 244 bytes in UTF-8
        String tooLong = "名".repeat(150) + ".csv"; // 454 bytes

        assertThat(api.upload(fits, csv).status()).isEqualTo(202);
        assertThat(api.upload(tooLong, csv).problem(400).path("detail").asText())
                .contains("file name is 454 bytes long", "at most 255");
        assertThat(statuses.jobs(1000)).hasSize(before + 1);
    }

    @Test
    void moreColumnsThanTheLimitAreRefusedAtUploadWithNothingStored() throws IOException {
        List<String> before = artifacts.list("");
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 1001; i++) {
            csv.append(i == 0 ? "" : ",").append("c").append(i);
        }
        csv.append('\n').append("1,".repeat(1000)).append("1\n");

        JsonNode problem = api.upload("wide.csv", csv.toString().getBytes(StandardCharsets.UTF_8))
                .problem(422);

        assertThat(problem.path("detail").asText()).contains("'wide.csv'", "1001 columns", "at most 1000");
        assertThat(artifacts.list("")).isEqualTo(before);
    }

    // ---- ids, origins and host names

    @Test
    void anAbsurdIdIsRefusedWithoutBeingEchoed() {
        String id = "j-" + "f".repeat(5000);

        HttpApi.Answer answer = api.get("/api/v1/jobs/" + id + "/status");

        assertThat(answer.problem(404).path("detail").asText()).contains("not a job id");
        assertThat(answer.text()).doesNotContain("ffffffffff").hasSizeLessThan(600);
    }

    @Test
    void aCallFromAnOriginNotAllowedIsRefusedAsProblemJson() {
        HttpApi.Answer answer = api.send(HttpRequest.newBuilder(api.uri("/api/v1/jobs"))
                .header("Origin", "http://evil.example")
                .GET());

        assertThat(answer.problem(403).path("detail").asText()).contains("assay.cors.allowed-origins");
    }

    @Test
    void aHostNameTheApiDoesNotAnswerToIsRefused() throws IOException {
        // Raw HTTP: the JDK client will not send another Host than the one it connects to.
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/jobs HTTP/1.1\r\nHost: evil.example\r\nOrigin: http://evil.example\r\n"
                            + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer)
                    .startsWith("HTTP/1.1 421")
                    .contains("application/problem+json", "does not answer to that host name");
        }
    }

    @Test
    void theUiCannotBeFramedByAnotherSiteAndRunsOnlyItsOwnScripts() {
        HttpApi.Answer page = api.get("/");

        assertThat(page.header("X-Frame-Options")).contains("DENY");
        assertThat(page.header("Content-Security-Policy"))
                .hasValueSatisfying(
                        policy -> assertThat(policy).contains("script-src 'self'", "frame-ancestors 'none'"));
    }

    // ---- delete

    @Test
    void deletingADatasetRemovesItsRunsFilesAndStatusAndARunningOneIsRefused() throws IOException {
        put("j-gone/source.csv", "a,b\n1,2\n");
        put("j-gone/runs/r-gone/plan.json", "{}");
        statuses.put(TaskStatus.queued("j-gone", TaskKind.PROFILE, "j-gone", "gone.csv", Instant.now())
                .failed("bad file", Instant.now()));
        statuses.put(TaskStatus.queued("r-gone", TaskKind.RUN, "j-gone", "run", Instant.now())
                .progress(10, "training", Instant.now()));

        HttpApi.Answer busy =
                api.send(HttpRequest.newBuilder(api.uri("/api/v1/jobs/j-gone")).DELETE());
        assertThat(busy.problem(409).path("detail").asText()).contains("run 'r-gone' is still running");
        assertThat(api.send(HttpRequest.newBuilder(api.uri("/api/v1/jobs/j-gone/runs/r-gone"))
                                .DELETE())
                        .problem(409)
                        .path("detail")
                        .asText())
                .contains("still running");

        statuses.put(statuses.get("r-gone").orElseThrow().failed("stopped", Instant.now()));
        assertThat(api.send(HttpRequest.newBuilder(api.uri("/api/v1/jobs/j-gone"))
                                .DELETE())
                        .status())
                .isEqualTo(204);

        assertThat(api.get("/api/v1/jobs/j-gone/status").status()).isEqualTo(404);
        assertThat(statuses.get("r-gone")).isEmpty();
        assertThat(artifacts.list("j-gone/")).isEmpty();
        assertThat(Files.exists(data.resolve("j-gone"))).isFalse();
        assertThat(api.send(HttpRequest.newBuilder(api.uri("/api/v1/jobs/j-gone"))
                                .DELETE())
                        .problem(404))
                .isNotNull();
        assertThat(api.get("/api/v1/jobs/j-titanic/status").status()).isEqualTo(200);
    }
}
