package dev.assay.runner.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which stores to use, decided the same way in the api (Spring properties {@code assay.*}) and in runner pods
 * (environment {@code ASSAY_*}): S3 when an endpoint is set, else a folder; Redis when a URL is set, else
 * memory. Each part switches independently.
 *
 * @param dataDir     root of the filesystem store when there is no S3 endpoint
 * @param redisTtl    how long a task's status outlives its last change
 * @param redisPrefix prefix of every Redis key, so several installations can share one Redis
 */
public record StorageSettings(
        Path dataDir, Optional<S3Settings> s3, Optional<String> redisUrl, Duration redisTtl, String redisPrefix) {

    public static final Path DEFAULT_DATA_DIR = Path.of("data");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    public StorageSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        redisUrl = redisUrl.filter(url -> !url.isBlank());
        redisTtl = redisTtl == null ? RedisStatusStore.DEFAULT_TTL : redisTtl;
        redisPrefix = redisPrefix == null || redisPrefix.isBlank() ? RedisStatusStore.DEFAULT_PREFIX : redisPrefix;
    }

    /**
     * From the runner's environment: {@code ASSAY_DATA_DIR}, {@code ASSAY_S3_ENDPOINT}, {@code ASSAY_S3_BUCKET},
     * {@code ASSAY_S3_ACCESS_KEY}, {@code ASSAY_S3_SECRET_KEY}, {@code ASSAY_S3_REGION}, {@code ASSAY_REDIS_URL},
     * {@code ASSAY_REDIS_TTL} (e.g. {@code 7d}, {@code 12h} or ISO-8601 {@code P7D}), {@code ASSAY_REDIS_KEY_PREFIX}.
     */
    public static StorageSettings fromEnvironment(Map<String, String> env) {
        Optional<S3Settings> s3 = value(env, "ASSAY_S3_ENDPOINT")
                .map(endpoint -> new S3Settings(
                        endpoint,
                        env.get("ASSAY_S3_BUCKET"),
                        env.get("ASSAY_S3_ACCESS_KEY"),
                        env.get("ASSAY_S3_SECRET_KEY"),
                        env.get("ASSAY_S3_REGION")));
        return new StorageSettings(
                value(env, "ASSAY_DATA_DIR").map(Path::of).orElse(DEFAULT_DATA_DIR),
                s3,
                value(env, "ASSAY_REDIS_URL"),
                value(env, "ASSAY_REDIS_TTL")
                        .map(StorageSettings::parseDuration)
                        .orElse(RedisStatusStore.DEFAULT_TTL),
                env.get("ASSAY_REDIS_KEY_PREFIX"));
    }

    public ArtifactStore openArtifacts() throws IOException {
        return s3.isPresent() ? S3ArtifactStore.connect(s3.get()) : new FilesystemArtifactStore(dataDir);
    }

    public StatusStore openStatus() {
        return redisUrl.<StatusStore>map(url -> RedisStatusStore.connect(url, redisPrefix, redisTtl))
                .orElseGet(InMemoryStatusStore::new);
    }

    /**
     * For a process that runs every task itself (the api on a laptop): Redis when set, else a journal under the
     * data folder ({@code .status/}), so the list of datasets and runs survives a restart as the files do.
     */
    public StatusStore openStatusKeptLocally(Clock clock) throws IOException {
        if (redisUrl.isPresent()) {
            return openStatus();
        }
        return FilesystemStatusStore.open(dataDir.resolve(".status"), clock);
    }

    /** {@code 7d}, {@code 12h}, {@code 30m}, {@code 45s}, {@code 500ms}, or ISO-8601 such as {@code PT12H}. */
    public static Duration parseDuration(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Matcher shortForm = SHORT_DURATION.matcher(value);
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            return switch (shortForm.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write for example 7d, 12h or PT30M");
        }
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** Never prints credentials (the Redis URL may carry a password). */
    @Override
    public String toString() {
        return "StorageSettings[artifacts=" + s3.map(Object::toString).orElse("folder " + dataDir.toAbsolutePath())
                + ", status="
                + (redisUrl.isPresent() ? "redis (prefix " + redisPrefix + ", ttl " + redisTtl + ")" : "memory")
                + "]";
    }
}
