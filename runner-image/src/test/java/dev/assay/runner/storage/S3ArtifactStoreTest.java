package dev.assay.runner.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.UUID;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real S3 server speaking the wire protocol (s3proxy, in-process, in memory). */
class S3ArtifactStoreTest extends ArtifactStoreContract {

    private static final String ACCESS_KEY = "assay-test";
    private static final String SECRET_KEY = "assay-test-secret";
    private static S3Proxy s3;

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
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.stop();
    }

    static S3Settings settings(String bucket) {
        return new S3Settings("http://127.0.0.1:" + s3.getPort(), bucket, ACCESS_KEY, SECRET_KEY, null);
    }

    @Override
    protected ArtifactStore store() throws Exception {
        // A bucket per test keeps tests apart; connect() creates it.
        return S3ArtifactStore.connect(
                settings("t-" + UUID.randomUUID().toString().substring(0, 8)));
    }

    @Test
    void connectingTwiceToTheSameBucketKeepsItsContent() throws Exception {
        S3Settings settings = settings("shared-" + UUID.randomUUID().toString().substring(0, 8));
        put(S3ArtifactStore.connect(settings), "j-1/source.csv", "a\n1\n");

        assertThat(read(S3ArtifactStore.connect(settings), "j-1/source.csv"))
                .asString()
                .isEqualTo("a\n1\n");
    }

    @Test
    void theSecretKeyNeverAppearsInSettingsText() {
        assertThat(settings("b").toString()).doesNotContain(SECRET_KEY).contains("bucket=b");
    }
}
