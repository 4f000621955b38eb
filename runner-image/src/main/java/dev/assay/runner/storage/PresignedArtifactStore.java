package dev.assay.runner.storage;

import dev.assay.model.protocol.RunnerAccess;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The artifact store of a runner pod on a cluster: the presigned URLs the operator gave its Job ({@link RunnerAccess}),
 * over plain HTTP (java.net.http), with no object-store credentials at all. It can read exactly the keys it was granted
 * and write exactly the keys it was granted, until the grant expires; anything else is refused here, before any
 * request, with the key named, and the store itself refuses a URL changed to point at another object.
 */
public final class PresignedArtifactStore implements ArtifactStore {

    private static final Duration CONNECT = Duration.ofSeconds(10);
    /** Long enough for a large upload on a slow store; the Job's deadline bounds the whole task anyway. */
    private static final Duration REQUEST = Duration.ofMinutes(10);

    private final RunnerAccess access;
    private final HttpClient http;

    public PresignedArtifactStore(RunnerAccess access) {
        this.access = access;
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public RunnerAccess access() {
        return access;
    }

    @Override
    public void put(String key, InputStream content, long length, String contentType) throws IOException {
        // A presigned PUT needs the length up front (S3 has no chunked upload without signing each chunk).
        Path temp = Files.createTempFile("assay-put-", ".part");
        try {
            Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
            put(key, temp, contentType);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public void put(String key, Path file, String contentType) throws IOException {
        URI url = url(access.write().get(ArtifactKeys.requireSafe(key)), "write", key);
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(REQUEST)
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofFile(file))
                .build();
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8), key);
        if (response.statusCode() / 100 != 2) {
            throw refused("write", key, response.statusCode(), response.body());
        }
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        HttpResponse<InputStream> response = get(key);
        if (response.statusCode() == 404) {
            response.body().close();
            return Optional.empty();
        }
        if (response.statusCode() / 100 != 2) {
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(2000), StandardCharsets.UTF_8);
            }
            throw refused("read", key, response.statusCode(), body);
        }
        return Optional.of(response.body());
    }

    /** The object's length from a GET's headers; the body is not read (a presigned URL signs GET, not HEAD). */
    @Override
    public Optional<Long> size(String key) throws IOException {
        return headers(key).map(h -> h.firstValueAsLong("Content-Length").orElse(-1));
    }

    /** The headers of a GET of {@code key}, its body left unread; empty when the object does not exist. */
    private Optional<java.net.http.HttpHeaders> headers(String key) throws IOException {
        HttpResponse<InputStream> response = get(key);
        try (InputStream _ = response.body()) {
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() / 100 != 2) {
                throw refused("read", key, response.statusCode(), "");
            }
            return Optional.of(response.headers());
        }
    }

    @Override
    public void download(String key, Path target) throws IOException {
        Optional<InputStream> body = open(key);
        if (body.isEmpty()) {
            throw new NoSuchFileException(key, null, "no such object in bucket '" + access.bucket() + "'");
        }
        try (InputStream in = body.get()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A runner lists nothing: it knows its keys. */
    @Override
    public List<String> list(String prefix) throws IOException {
        throw new IOException("a runner pod may not list the artifact store (prefix '" + prefix
                + "'): it has URLs for its own keys only");
    }

    @Override
    public Optional<Instant> modified(String key) throws IOException {
        return headers(key)
                .flatMap(h -> h.firstValue("Last-Modified"))
                .map(value -> java.time.ZonedDateTime.parse(
                                value, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant());
    }

    @Override
    public void delete(String key) throws IOException {
        throw new IOException(
                "a runner pod may not delete '" + key + "': it was granted reads and writes of its own keys only");
    }

    private HttpResponse<InputStream> get(String key) throws IOException {
        URI url = url(access.read().get(ArtifactKeys.requireSafe(key)), "read", key);
        return send(
                HttpRequest.newBuilder(url).timeout(REQUEST).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream(),
                key);
    }

    private URI url(String url, String what, String key) throws IOException {
        if (url == null) {
            throw new IOException("this runner was not granted to " + what + " '" + key + "' (it may " + what + " only "
                    + (what.equals("read")
                            ? access.read().keySet()
                            : access.write().keySet()) + ")");
        }
        if (Instant.now().isAfter(access.expires())) {
            throw new IOException("the runner's access to the artifact store expired at " + access.expires()
                    + " (the Job's deadline had passed); cannot " + what + " '" + key + "'");
        }
        return URI.create(url);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, String key)
            throws IOException {
        try {
            return http.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reaching the artifact store for '" + key + "'");
        }
    }

    private IOException refused(String what, String key, int status, String body) {
        String code = body == null ? "" : body.replaceAll("(?s).*<Code>([^<]*)</Code>.*", "$1");
        return new IOException("the artifact store refused to " + what + " '" + key + "' in bucket '" + access.bucket()
                + "': HTTP " + status + (code.isBlank() || code.equals(body) ? "" : " " + code));
    }

    @Override
    public String toString() {
        return "presigned " + access;
    }
}
