package dev.assay.runner.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.protocol.ArtifactGrants;
import dev.assay.model.protocol.RunnerAccess;
import dev.assay.model.protocol.TaskScope;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http.Method;
import io.minio.MinioClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's store of presigned URLs against a real S3 server (s3proxy) that checks signatures: it reads and writes
 * exactly the granted keys of its namespace, and neither it nor anyone holding its URLs reaches another object.
 */
class PresignedArtifactStoreTest {

    private static final String ACCESS_KEY = "assay-test";
    private static final String SECRET_KEY = "assay-test-secret";
    private static final String BUCKET = "presigned";
    private static S3Proxy s3;
    private static MinioClient root;
    private static ArtifactStore rootStore;

    @TempDir
    Path dir;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        s3.start();
        while (!s3.getState().equals("STARTED")) {
            Thread.onSpinWait();
        }
        String endpoint = "http://127.0.0.1:" + s3.getPort();
        rootStore = S3ArtifactStore.connect(new S3Settings(endpoint, BUCKET, ACCESS_KEY, SECRET_KEY, null));
        root = MinioClient.builder()
                .endpoint(endpoint)
                .credentials(ACCESS_KEY, SECRET_KEY)
                .region("us-east-1")
                .build();
        put("team-a/samples/t.csv", "a,b\n1,2\n");
        put("team-b/samples/t.csv", "secret,of,team-b\n");
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.stop();
    }

    private static void put(String key, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        rootStore.put(key, new ByteArrayInputStream(bytes), bytes.length, "text/csv");
    }

    /** What the operator does: one URL per granted key, of the namespaced object. */
    private static RunnerAccess grant(TaskScope scope, ArtifactGrants grants, int seconds) throws Exception {
        Map<String, String> read = new LinkedHashMap<>();
        for (String key : grants.read()) {
            read.put(key, presign(Method.GET, scope.artifactKey(key), seconds));
        }
        Map<String, String> write = new LinkedHashMap<>();
        for (String key : grants.write()) {
            write.put(key, presign(Method.PUT, scope.artifactKey(key), seconds));
        }
        return new RunnerAccess(BUCKET, Instant.now().plusSeconds(seconds), read, write);
    }

    private static String presign(Method method, String object, int seconds) throws Exception {
        return root.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                .method(method)
                .bucket(BUCKET)
                .object(object)
                .expiry(seconds)
                .build());
    }

    @Test
    void readsItsSourceAndWritesItsOutputsUnderItsNamespace() throws Exception {
        RunnerAccess access =
                grant(TaskScope.namespace("team-a"), ArtifactGrants.profileJob("t", "samples/t.csv"), 600);
        PresignedArtifactStore store = new PresignedArtifactStore(RunnerAccess.fromJson(access.toJson()));

        assertThat(store.size("samples/t.csv")).contains(8L);
        Path local = dir.resolve("t.csv");
        store.download("samples/t.csv", local);
        assertThat(Files.readString(local)).isEqualTo("a,b\n1,2\n");
        Files.writeString(dir.resolve("report.html"), "<html>t</html>");
        store.put("t/report.html", dir.resolve("report.html"), "text/html");
        store.put(
                "t/profile.json",
                new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)),
                -1,
                "application/json");

        try (var in = rootStore.open("team-a/t/report.html").orElseThrow()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("<html>t</html>");
        }
        assertThat(rootStore.size("team-a/t/profile.json")).contains(2L);
        assertThat(rootStore.size("t/report.html"))
                .as("nothing outside the namespace")
                .isEmpty();
    }

    @Test
    void aMissingGrantedObjectIsAbsentNotAnError() throws Exception {
        PresignedArtifactStore store = new PresignedArtifactStore(
                grant(TaskScope.namespace("team-a"), ArtifactGrants.applyRun("u", "r1", "samples/none.csv"), 600));

        assertThat(store.size("samples/none.csv")).isEmpty();
        assertThat(store.open("u/profile.json")).isEmpty();
        assertThatThrownBy(() -> store.download("samples/none.csv", dir.resolve("x")))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("bucket 'presigned'");
    }

    @Test
    void keysOutsideTheGrantAreRefusedBeforeAnyRequest() throws Exception {
        PresignedArtifactStore store = new PresignedArtifactStore(
                grant(TaskScope.namespace("team-a"), ArtifactGrants.profileJob("t", "samples/t.csv"), 600));

        assertThatThrownBy(() -> store.open("other/profile.json"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not granted to read 'other/profile.json'");
        Files.writeString(dir.resolve("x"), "x");
        assertThatThrownBy(() -> store.put("samples/t.csv", dir.resolve("x"), "text/csv"))
                .hasMessageContaining("not granted to write 'samples/t.csv'");
        assertThatThrownBy(() -> store.list("")).hasMessageContaining("may not list");
        assertThatThrownBy(() -> store.delete("t/report.html")).hasMessageContaining("may not delete");
    }

    @Test
    void aUrlPointedAtAnotherNamespacesObjectIsRefusedByTheStore() throws Exception {
        RunnerAccess access =
                grant(TaskScope.namespace("team-a"), ArtifactGrants.profileJob("t", "samples/t.csv"), 600);
        String mine = access.read().get("samples/t.csv");
        HttpClient http = HttpClient.newHttpClient();

        String theirs = mine.replace("/team-a/", "/team-b/");
        assertThat(theirs).isNotEqualTo(mine);
        HttpResponse<String> tampered =
                http.send(HttpRequest.newBuilder(URI.create(theirs)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> anonymous = http.send(
                HttpRequest.newBuilder(URI.create(theirs.substring(0, theirs.indexOf('?'))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> putWithGet = http.send(
                HttpRequest.newBuilder(URI.create(mine))
                        .PUT(HttpRequest.BodyPublishers.ofString("overwritten"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(tampered.statusCode()).isEqualTo(403);
        assertThat(tampered.body()).doesNotContain("secret,of,team-b");
        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(putWithGet.statusCode()).as("a GET URL does not sign a PUT").isEqualTo(403);
        try (var in = rootStore.open("team-a/samples/t.csv").orElseThrow()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("a,b\n1,2\n");
        }
    }

    @Test
    void anExpiredGrantIsRefusedWithItsTime() throws Exception {
        RunnerAccess fresh = grant(TaskScope.namespace("team-a"), ArtifactGrants.profileJob("t", "samples/t.csv"), 600);
        RunnerAccess expired = new RunnerAccess(BUCKET, Instant.now().minusSeconds(1), fresh.read(), fresh.write());

        assertThatThrownBy(() -> new PresignedArtifactStore(expired).open("samples/t.csv"))
                .hasMessageContaining("expired at");
    }

    @Test
    void theDocumentNeverPrintsItsUrls() throws Exception {
        RunnerAccess access =
                grant(TaskScope.namespace("team-a"), ArtifactGrants.profileJob("t", "samples/t.csv"), 600);

        assertThat(access.toString()).doesNotContain("X-Amz").contains("samples/t.csv");
        assertThat(new PresignedArtifactStore(access).toString()).doesNotContain("X-Amz");
        assertThat(List.copyOf(RunnerAccess.fromJson(access.toJson()).write().keySet()))
                .containsExactly("t/cleaned.csv", "t/profile.json", "t/report.html");
    }
}
