package dev.assay.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** A real HTTP client against the api on loopback, with the few helpers the tests need. */
public final class HttpApi {

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final java.util.Map<String, String> headers;

    public HttpApi(int port) {
        this("http://127.0.0.1:" + port, java.util.Map.of());
    }

    private HttpApi(String base, java.util.Map<String, String> headers) {
        this.base = base;
        this.headers = headers;
    }

    /** The same api, with this header on every request (a bearer token). */
    public HttpApi with(String header, String value) {
        java.util.Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(header, value);
        return new HttpApi(base, more);
    }

    public record Answer(int status, java.net.http.HttpHeaders headers, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text(), e);
            }
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** An error answer: problem+json with a detail a person can read, and nothing of the server's insides. */
        public JsonNode problem(int expectedStatus) {
            assertThat(status).as("status of %s", text()).isEqualTo(expectedStatus);
            assertThat(header("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(text()).doesNotContain("Exception", "\tat ", "at dev.assay", "at org.springframework");
            JsonNode problem = json();
            assertThat(problem.path("status").asInt()).isEqualTo(expectedStatus);
            assertThat(problem.path("title").asText()).isNotBlank();
            assertThat(problem.path("detail").asText()).isNotBlank();
            return problem;
        }
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Answer send(HttpRequest.Builder request) {
        try {
            headers.forEach(request::header);
            HttpResponse<byte[]> response = client.send(
                    request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Answer postJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer postJson(String path, Object body) {
        return postJson(path, Json.write(body));
    }

    /** {@code multipart/form-data} with one file part, as a browser sends it. */
    public Answer upload(String partName, String fileName, byte[] content) {
        String boundary = "----assay" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + partName + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri("/api/v1/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public Answer upload(String fileName, byte[] content) {
        return upload("file", fileName, content);
    }

    /** The raw path is sent as written: encoded characters stay encoded, dot segments are not removed. */
    public URI uri(String path) {
        return URI.create(base + path);
    }

    public String base() {
        return base;
    }
}
