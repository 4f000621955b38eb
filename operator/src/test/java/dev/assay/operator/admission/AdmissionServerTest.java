package dev.assay.operator.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The webhook as the API server meets it: HTTPS with a certificate from PEM files (the key in PKCS#1, as Helm
 * writes it), trusted through the CA alone, answering an AdmissionReview POSTed to its path.
 */
class AdmissionServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void answersAReviewOverTlsWithTheCertificateFromPemFiles() throws Exception {
        TestCertificates certificates = TestCertificates.forLoopback();
        assertThat(certificates.keyPem()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        try (AdmissionServer server = AdmissionServer.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                PemTls.serverContext(certificates.certificatePem(), certificates.keyPem()))) {
            HttpClient client = HttpClient.newBuilder()
                    .sslContext(certificates.clientContext())
                    .build();
            URI uri = URI.create("https://127.0.0.1:" + server.port() + AdmissionServer.PATH);
            String review = """
                    {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview",
                     "request":{"uid":"u-1","operation":"CREATE","namespace":"team-a",
                       "userInfo":{"username":"alice","groups":["team-a"]},
                       "object":{"apiVersion":"assay.dev/v1","kind":"DatasetJob",
                         "metadata":{"name":"d1","namespace":"team-a"},"spec":{"source":"d1/source.csv"}}}}""";

            HttpResponse<String> answer = client.send(
                    HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(review))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode response = JSON.readTree(answer.body());
            assertThat(response.path("apiVersion").asText()).isEqualTo("admission.k8s.io/v1");
            assertThat(response.path("response").path("uid").asText()).isEqualTo("u-1");
            assertThat(response.path("response").path("allowed").asBoolean()).isTrue();
            String patch = new String(
                    Base64.getDecoder()
                            .decode(response.path("response").path("patch").asText()),
                    StandardCharsets.UTF_8);
            assertThat(JSON.readTree(patch)
                            .get(0)
                            .path("value")
                            .path("assay.dev/created-by")
                            .asText())
                    .isEqualTo("alice");

            HttpResponse<String> notAReview = client.send(
                    HttpRequest.newBuilder(uri)
                            .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"Pod\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(notAReview.statusCode()).isEqualTo(400);
        }
    }
}
