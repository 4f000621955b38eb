package dev.assay.runner.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every {@link ArtifactStore} promises; each implementation's test extends this. */
abstract class ArtifactStoreContract {

    @TempDir
    Path temp;

    /** A fresh, empty store. */
    protected abstract ArtifactStore store() throws Exception;

    @Test
    void storesAStreamOfKnownLengthAndReadsItBack() throws Exception {
        ArtifactStore store = store();
        byte[] csv = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);

        store.put("j-1/source.csv", new ByteArrayInputStream(csv), csv.length, "text/csv");

        assertThat(read(store, "j-1/source.csv")).isEqualTo(csv);
        assertThat(store.size("j-1/source.csv")).contains((long) csv.length);
    }

    @Test
    void storesAStreamOfUnknownLengthLargerThanOneUploadPart() throws Exception {
        ArtifactStore store = store();
        byte[] big = new byte[12 * 1024 * 1024 + 17];
        new Random(7).nextBytes(big);

        store.put("j-1/cleaned.csv", new ByteArrayInputStream(big), -1, "text/csv");

        assertThat(store.size("j-1/cleaned.csv")).contains((long) big.length);
        try (InputStream in = store.open("j-1/cleaned.csv").orElseThrow()) {
            assertThat(sha256(in)).isEqualTo(sha256(new ByteArrayInputStream(big)));
        }
    }

    @Test
    void storesAFile() throws Exception {
        ArtifactStore store = store();
        Path file = Files.writeString(temp.resolve("report.html"), "<h1>Report</h1>");

        store.put("j-1/runs/r-1/report.html", file, "text/html");

        assertThat(new String(read(store, "j-1/runs/r-1/report.html"), StandardCharsets.UTF_8))
                .isEqualTo("<h1>Report</h1>");
    }

    @Test
    void aSecondPutReplacesTheContent() throws Exception {
        ArtifactStore store = store();
        put(store, "j-1/profile.json", "{\"v\":1}");
        put(store, "j-1/profile.json", "{\"v\":2}");

        assertThat(new String(read(store, "j-1/profile.json"), StandardCharsets.UTF_8))
                .isEqualTo("{\"v\":2}");
        assertThat(store.list("j-1/")).containsExactly("j-1/profile.json");
    }

    @Test
    void aPutThatFailsMidwayLeavesTheEarlierContentAndNoTrace() throws Exception {
        ArtifactStore store = store();
        put(store, "j-1/cleaned.csv", "a\n1\n");
        InputStream failing = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served++ > 1000) {
                    throw new IOException("client went away");
                }
                return 'x';
            }
        };

        assertThatThrownBy(() -> store.put("j-1/cleaned.csv", failing, 5000, "text/csv"))
                .isInstanceOf(IOException.class);

        assertThat(new String(read(store, "j-1/cleaned.csv"), StandardCharsets.UTF_8))
                .isEqualTo("a\n1\n");
        assertThat(store.list("j-1/")).containsExactly("j-1/cleaned.csv");
    }

    @Test
    void aMissingArtifactIsEmptyNotAnError() throws Exception {
        ArtifactStore store = store();

        assertThat(store.open("j-404/report.html")).isEmpty();
        assertThat(store.size("j-404/report.html")).isEmpty();
        assertThat(store.list("j-404/")).isEmpty();
        assertThatThrownBy(() -> store.download("j-404/report.html", temp.resolve("x")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void downloadCopiesToAFileReplacingWhatWasThere() throws Exception {
        ArtifactStore store = store();
        put(store, "j-1/source.csv", "a,b\n1,2\n");
        Path target = Files.writeString(temp.resolve("source.csv"), "stale content that is longer than the artifact");

        store.download("j-1/source.csv", target);

        assertThat(Files.readString(target)).isEqualTo("a,b\n1,2\n");
    }

    @Test
    void listsKeysUnderAPrefixSortedAndNothingOfAJobWhoseIdMerelyStartsTheSame() throws Exception {
        ArtifactStore store = store();
        put(store, "j-1/source.csv", "s");
        put(store, "j-1/runs/r-2/report.html", "r2");
        put(store, "j-1/runs/r-1/report.html", "r1");
        put(store, "j-10/source.csv", "other job");

        assertThat(store.list("j-1/"))
                .containsExactly("j-1/runs/r-1/report.html", "j-1/runs/r-2/report.html", "j-1/source.csv");
        assertThat(store.list("j-1/runs/")).containsExactly("j-1/runs/r-1/report.html", "j-1/runs/r-2/report.html");
        assertThat(store.list("j-1/runs/r-2/")).containsExactly("j-1/runs/r-2/report.html");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../outside.csv",
                "j-1/../../outside.csv",
                "/etc/passwd",
                "j-1//source.csv",
                "j-1/./source.csv",
                "j-1\\source.csv",
                "",
                "j-1/source.csv/",
                "j 1/source.csv"
            })
    void refusesKeysThatAreNotArtifactKeys(String key) throws Exception {
        ArtifactStore store = store();

        assertThatThrownBy(() -> put(store, key, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.size(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.download(key, temp.resolve("x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesPrefixesThatCouldLeaveTheStore() throws Exception {
        ArtifactStore store = store();

        assertThatThrownBy(() -> store.list("../")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.list("/etc/")).isInstanceOf(IllegalArgumentException.class);
    }

    protected static void put(ArtifactStore store, String key, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        store.put(key, new ByteArrayInputStream(bytes), bytes.length, "application/octet-stream");
    }

    protected static byte[] read(ArtifactStore store, String key) throws IOException {
        try (InputStream in = store.open(key).orElseThrow()) {
            return in.readAllBytes();
        }
    }

    private static List<Byte> sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
        }
        byte[] hash = digest.digest();
        Byte[] boxed = new Byte[hash.length];
        for (int i = 0; i < hash.length; i++) {
            boxed[i] = hash[i];
        }
        return List.of(boxed);
    }

    @Test
    void deletingAPrefixRemovesThatJobsFilesOnly() throws Exception {
        ArtifactStore store = store();
        for (String key : java.util.List.of("j-1/source.csv", "j-1/runs/r-1/plan.json", "j-10/source.csv")) {
            byte[] bytes = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            store.put(key, new java.io.ByteArrayInputStream(bytes), bytes.length, "text/plain");
        }
        assertThat(store.modified("j-1/source.csv")).isPresent();

        store.deleteAll("j-1/");
        store.delete("j-1/never-there.csv");

        assertThat(store.list("")).containsExactly("j-10/source.csv");
        assertThat(store.modified("j-1/source.csv")).isEmpty();
    }
}
