package dev.assay.api.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Everything a person may set, with defaults that run the whole product in one process on a laptop. Each
 * property has an environment twin by Spring's relaxed binding ({@code assay.redis.url} is
 * {@code ASSAY_REDIS_URL}), which is how the Helm chart configures the api.
 *
 * @param dataDir         folder of the filesystem artifact store, used when {@code s3.endpoint} is not set
 * @param executor        {@code local} (the engine runs in this process) or {@code kubernetes} (custom resources)
 * @param executorWorkers tasks the local executor runs at once
 * @param executorQueue   tasks the local executor keeps waiting before it answers 503
 * @param tasks           how the local executor shows it is alive, and when silence means a task is lost
 * @param retentionDays   datasets (with their runs and files) untouched for this many days are deleted; 0 keeps them
 * @param disk            free space the filesystem stores need before they take an upload
 * @param allowedHosts    Host names this api answers to ({@code *}: any); others get 421, which stops DNS
 *                        rebinding from turning a page elsewhere into a same-origin caller
 */
@Validated
@ConfigurationProperties("assay")
public record AssayProperties(
        @DefaultValue("data") @NotNull Path dataDir,

        @DefaultValue("local") @Pattern(regexp = "local|kubernetes", message = "must be local or kubernetes")
        String executor,

        @DefaultValue("2") @Min(1) @Max(64) int executorWorkers,
        @DefaultValue("32") @Min(1) @Max(10_000) int executorQueue,
        @DefaultValue @Valid Redis redis,
        @DefaultValue @Valid S3 s3,
        @DefaultValue @Valid Upload upload,
        @DefaultValue @Valid Cors cors,
        @DefaultValue @Valid Tasks tasks,
        @DefaultValue("0") @Min(0) @Max(36_500) int retentionDays,
        @DefaultValue @Valid Disk disk,
        @DefaultValue({"localhost", "127.0.0.1", "[::1]"}) List<String> allowedHosts) {

    /** Whether a request's Host names this api ({@code *} in {@code allowed-hosts} allows any). */
    public boolean allowsHost(String host) {
        if (allowedHosts.contains("*")) {
            return true;
        }
        if (host == null) {
            return false;
        }
        String name = host.startsWith("[")
                ? host.substring(0, host.indexOf(']') + 1)
                : host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
        return allowedHosts.stream().anyMatch(allowed -> allowed.equalsIgnoreCase(name));
    }

    /**
     * @param heartbeat  how often this api renews the leases of the tasks it holds
     * @param staleAfter a task whose lease was not renewed for this long is failed by the sweeper
     */
    public record Tasks(
            @DefaultValue("5s") @NotNull Duration heartbeat,
            @DefaultValue("30s") @NotNull Duration staleAfter) {}

    /**
     * @param minFree below this much free space in the data folder (or the work folder) readiness is DOWN and
     *                uploads are refused with 507
     */
    public record Disk(@DefaultValue("256MB") @NotNull DataSize minFree) {}

    /**
     * @param url       {@code redis://[:password@]host:port}; unset or blank: status journalled under the data folder ({@code .status/})
     * @param ttl       how long a task's status outlives its last change
     * @param keyPrefix prefix of every key, so several installations can share a Redis
     */
    public record Redis(
            String url,
            @DefaultValue("7d") @NotNull Duration ttl,
            @DefaultValue("assay:") String keyPrefix) {

        public Optional<String> configuredUrl() {
            return Optional.ofNullable(url).filter(u -> !u.isBlank());
        }
    }

    /** @param endpoint unset or blank: artifacts in {@code data-dir}; set: this S3/MinIO server */
    public record S3(
            String endpoint,
            @DefaultValue("assay") String bucket,
            String accessKey,
            String secretKey,
            @DefaultValue("us-east-1") String region) {

        public Optional<String> configuredEndpoint() {
            return Optional.ofNullable(endpoint).filter(e -> !e.isBlank());
        }

        /** Never prints the keys. */
        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + "]";
        }
    }

    /** @param maxSize largest CSV accepted by {@code POST /api/v1/upload} */
    public record Upload(@DefaultValue("200MB") @NotNull DataSize maxSize) {}

    /**
     * @param allowedOrigins browser origins allowed to call the api from another origin (the UI's dev server by
     *                       default); the UI served by the api itself is same-origin and needs none
     */
    public record Cors(
            @DefaultValue({
                "http://localhost:5173",
                "http://localhost:5174",
                "http://localhost:5175",
                "http://localhost:5176"
            })
            List<String> allowedOrigins) {

        public Cors {
            allowedOrigins = allowedOrigins == null
                    ? List.of()
                    : allowedOrigins.stream()
                            .map(String::strip)
                            .filter(o -> !o.isEmpty())
                            .toList();
        }
    }
}
