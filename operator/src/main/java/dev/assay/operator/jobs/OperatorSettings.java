package dev.assay.operator.jobs;

import dev.assay.model.protocol.RunnerEnv;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operator's configuration, from its environment (the Helm chart sets it).
 *
 * @param runnerImage           image of the runner Jobs (ASSAY_RUNNER_IMAGE)
 * @param runnerServiceAccount  service account of runner pods, without API rights (ASSAY_RUNNER_SERVICE_ACCOUNT)
 * @param runnerSecret          Secret whose keys become the runner's environment: Redis and S3 (ASSAY_RUNNER_SECRET)
 * @param watchNamespaces       namespaces to watch; empty: the operator's own (ASSAY_WATCH_NAMESPACES, comma-separated)
 * @param redisUrl              where runners report progress and results (ASSAY_REDIS_URL)
 * @param redisKeyPrefix        the runners' key prefix (ASSAY_REDIS_KEY_PREFIX)
 * @param namespace             the operator's own namespace, for its leader-election Lease (ASSAY_OPERATOR_NAMESPACE)
 * @param healthPort            /healthz and /metrics (ASSAY_OPERATOR_HEALTH_PORT)
 * @param leaderElection        elect one active replica (ASSAY_LEADER_ELECTION, default true)
 * @param defaults              requests, limits, deadline and backoff of runner Jobs when a resource does not say
 * @param objectStore           the store whose URLs the operator presigns for each Job (ASSAY_S3_ENDPOINT, _BUCKET,
 *                              _ACCESS_KEY, _SECRET_KEY, _REGION); empty: runner pods take the store from the runner
 *                              Secret as before
 */
public record OperatorSettings(
        String runnerImage,
        Optional<String> runnerServiceAccount,
        Optional<String> runnerSecret,
        Set<String> watchNamespaces,
        Optional<String> redisUrl,
        String redisKeyPrefix,
        String namespace,
        int healthPort,
        boolean leaderElection,
        JobDefaults defaults,
        Optional<ArtifactPresigner.ObjectStore> objectStore) {

    /**
     * @param backoffLimit   how many more attempts a run gets after a failure of the machinery (never after a
     *                       refused plan, a missing source or a bad file); each attempt is its own Job with
     *                       backoffLimit 0 (ASSAY_RUNNER_BACKOFF_LIMIT)
     * @param pollInterval   how often a running task's progress is read from Redis
     * @param finishedJobTtl how long a finished run's Jobs and pods are kept before the operator deletes them
     *                       (ASSAY_RUNNER_JOB_TTL, e.g. 1h; Kubernetes 1.20 has no TTL controller on by default)
     */
    public record JobDefaults(
            String cpuRequest,
            String memoryRequest,
            String cpuLimit,
            String memoryLimit,
            long activeDeadlineSeconds,
            int backoffLimit,
            String scratchSize,
            Duration pollInterval,
            Duration finishedJobTtl) {

        public static JobDefaults standard() {
            return new JobDefaults(
                    "250m", "512Mi", "2", "2Gi", 1800, 1, "2Gi", Duration.ofSeconds(5), Duration.ofHours(1));
        }
    }

    public static OperatorSettings fromEnvironment(Map<String, String> env) {
        JobDefaults standard = JobDefaults.standard();
        JobDefaults defaults = new JobDefaults(
                value(env, "ASSAY_RUNNER_CPU_REQUEST").orElse(standard.cpuRequest()),
                value(env, "ASSAY_RUNNER_MEMORY_REQUEST").orElse(standard.memoryRequest()),
                value(env, "ASSAY_RUNNER_CPU_LIMIT").orElse(standard.cpuLimit()),
                value(env, "ASSAY_RUNNER_MEMORY_LIMIT").orElse(standard.memoryLimit()),
                value(env, "ASSAY_RUNNER_DEADLINE_SECONDS")
                        .map(Long::parseLong)
                        .orElse(standard.activeDeadlineSeconds()),
                value(env, "ASSAY_RUNNER_BACKOFF_LIMIT").map(Integer::parseInt).orElse(standard.backoffLimit()),
                value(env, "ASSAY_RUNNER_SCRATCH_SIZE").orElse(standard.scratchSize()),
                standard.pollInterval(),
                value(env, "ASSAY_RUNNER_JOB_TTL")
                        .map(OperatorSettings::duration)
                        .orElse(standard.finishedJobTtl()));
        String namespace = value(env, "ASSAY_OPERATOR_NAMESPACE").orElse("default");
        Set<String> watch = value(env, "ASSAY_WATCH_NAMESPACES")
                .map(v -> Arrays.stream(v.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
        return new OperatorSettings(
                value(env, "ASSAY_RUNNER_IMAGE").orElse("assay/runner:0.1.0-SNAPSHOT"),
                value(env, "ASSAY_RUNNER_SERVICE_ACCOUNT"),
                value(env, "ASSAY_RUNNER_SECRET"),
                watch.isEmpty() ? Set.of(namespace) : watch,
                value(env, "ASSAY_REDIS_URL"),
                value(env, "ASSAY_REDIS_KEY_PREFIX").orElse("assay:"),
                namespace,
                value(env, "ASSAY_OPERATOR_HEALTH_PORT").map(Integer::parseInt).orElse(8081),
                value(env, "ASSAY_LEADER_ELECTION").map(Boolean::parseBoolean).orElse(true),
                defaults,
                value(env, RunnerEnv.S3_ENDPOINT)
                        .filter(e -> value(env, RunnerEnv.S3_ACCESS_KEY).isPresent())
                        .map(endpoint -> new ArtifactPresigner.ObjectStore(
                                endpoint,
                                env.get(RunnerEnv.S3_BUCKET),
                                env.get(RunnerEnv.S3_ACCESS_KEY),
                                env.getOrDefault(RunnerEnv.S3_SECRET_KEY, ""),
                                env.get(RunnerEnv.S3_REGION))));
    }

    /** {@code 90s}, {@code 30m}, {@code 1h}, {@code 2d} or ISO-8601 ({@code PT1H}). */
    static Duration duration(String text) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("(\\d+)(s|m|h|d)").matcher(text.strip());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        return Duration.parse(text.strip());
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** Never prints the Redis URL, which may carry a password. */
    @Override
    public String toString() {
        return "OperatorSettings[runnerImage=" + runnerImage + ", runnerServiceAccount="
                + runnerServiceAccount.orElse("-")
                + ", runnerSecret=" + runnerSecret.orElse("-") + ", watchNamespaces=" + watchNamespaces + ", redis="
                + (redisUrl.isPresent() ? "set" : "unset") + ", namespace=" + namespace + ", healthPort=" + healthPort
                + ", leaderElection=" + leaderElection + ", defaults=" + defaults + ", objectStore="
                + objectStore.map(Object::toString).orElse("from the runner Secret") + "]";
    }
}
