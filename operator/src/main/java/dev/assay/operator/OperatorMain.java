package dev.assay.operator;

import dev.assay.model.crd.assistantrun.AssistantRun;
import dev.assay.model.crd.assistantrun.AssistantRunStatus;
import dev.assay.model.crd.datasetjob.DatasetJob;
import dev.assay.model.crd.datasetjob.DatasetJobStatus;
import dev.assay.operator.admission.AdmissionServer;
import dev.assay.operator.admission.AdmissionSettings;
import dev.assay.operator.admission.PemTls;
import dev.assay.operator.assistantrun.AssistantRunReconciler;
import dev.assay.operator.assistantrun.AssistantRunWorkload;
import dev.assay.operator.datasetjob.DatasetJobReconciler;
import dev.assay.operator.datasetjob.DatasetJobWorkload;
import dev.assay.operator.events.EventRecorder;
import dev.assay.operator.health.HealthServer;
import dev.assay.operator.health.OperatorMetrics;
import dev.assay.operator.jobs.OperatorSettings;
import dev.assay.operator.jobs.RunnerJobs;
import dev.assay.operator.lifecycle.Lifecycle;
import dev.assay.operator.results.RunnerResults;
import dev.assay.operator.status.StatusWriter;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator: watches DatasetJobs and AssistantRuns in its namespaces and turns each into one batch/v1 Job
 * running the runner image. Created by hand (not by a framework starter) so it runs on any Kubernetes client
 * configuration: in a pod it uses its service account; elsewhere, the kubeconfig.
 */
public final class OperatorMain {

    private static final Logger log = LoggerFactory.getLogger(OperatorMain.class);
    /** Reconciliations wait mostly on the API server, so more threads than cores pay off. */
    private static final int RECONCILERS = 32;
    /** The leader-election Lease, in the operator's namespace. */
    public static final String LEASE = "assay-operator";
    /** This replica's identity in the Lease: the pod name, made unique so a restarted pod is a new holder. */
    static final String IDENTITY = System.getenv().getOrDefault("HOSTNAME", "assay-operator") + "-"
            + java.util.UUID.randomUUID().toString().substring(0, 8);

    private OperatorMain() {}

    public static void main(String[] args) throws Exception {
        OperatorSettings settings = OperatorSettings.fromEnvironment(System.getenv());
        KubernetesClient client = client(Config.autoConfigure(null));
        if (args.length > 0 && args[0].equals("delete-runner-jobs")) {
            // The chart's pre-delete hook: the same image and ServiceAccount, one task, then exit.
            System.exit(dev.assay.operator.jobs.RunnerJobsCleanup.run(
                    client, settings.watchNamespaces(), Duration.ofSeconds(90)));
        }
        OperatorMetrics metrics = new OperatorMetrics();
        RunnerResults results = RunnerResults.redis(settings.redisUrl(), settings.redisKeyPrefix());
        Operator operator = create(client, settings, results, metrics, true);
        HealthServer health = HealthServer.start(settings.healthPort(), operator, metrics);
        java.util.Optional<AdmissionServer> admission =
                startAdmission(AdmissionSettings.fromEnvironment(System.getenv()));
        log.info("starting with {}", settings);
        // One hook, in order: stop reconciling, then hand the lease over at once (JOSDK does not release it on
        // stop, so a successor would wait for the lease to expire, ~15 s), then close the rest.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stop(operator, client, settings);
                            health.close();
                            admission.ifPresent(AdmissionServer::close);
                            results.close();
                        },
                        "shutdown"));
        try {
            operator.start();
        } catch (RuntimeException e) {
            // The informers could not list or watch (no route to the API server, a missing CRD, RBAC refusing a
            // namespace). The health server's and the client's threads would keep the JVM alive, answering 503 until
            // the liveness probe gives up minutes later; exit at once with the cause in the log instead, so the pod
            // shows CrashLoopBackOff and `kubectl logs --previous` says why.
            log.error(
                    "cannot start watching {} in namespaces {}: {}",
                    "DatasetJobs and AssistantRuns",
                    settings.watchNamespaces(),
                    causes(e));
            System.exit(STARTUP_FAILED);
        }
    }

    /**
     * The admission webhook's endpoint when the chart configured one. A certificate that cannot be read ends the
     * process: with the webhook registered and failurePolicy Fail, an operator without it would block every new run.
     */
    private static java.util.Optional<AdmissionServer> startAdmission(java.util.Optional<AdmissionSettings> settings)
            throws java.io.IOException {
        if (settings.isEmpty()) {
            return java.util.Optional.empty();
        }
        AdmissionSettings webhook = settings.get();
        try {
            AdmissionServer server = AdmissionServer.start(
                    new java.net.InetSocketAddress(webhook.port()),
                    PemTls.serverContext(webhook.certificate(), webhook.key()));
            log.info("admission webhook on port {} ({})", server.port(), AdmissionServer.PATH);
            return java.util.Optional.of(server);
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            log.error("cannot serve the admission webhook with the certificate in {}: {}", webhook.tlsDir(), causes(e));
            System.exit(STARTUP_FAILED);
            throw new IllegalStateException(e);
        }
    }

    /** Exit status of an operator whose informers (or admission webhook) could not start. */
    public static final int STARTUP_FAILED = 3;

    /** Every message of a cause chain, outermost first: JOSDK wraps the API server's answer several times. */
    static String causes(Throwable e) {
        StringBuilder text = new StringBuilder();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }

    /** Set while this process stops on purpose: losing the lease then is expected, not a reason to exit. */
    private static final java.util.concurrent.atomic.AtomicBoolean STOPPING =
            new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Leadership lost while running (the lease was taken over, the API server unreachable past the renew deadline):
     * exit, so Kubernetes restarts the pod as a fresh candidate with empty caches. Not when stopping on purpose: an
     * exit from inside a shutdown hook would block the JVM forever.
     */
    private static void stoppedLeading() {
        if (!STOPPING.get()) {
            log.error("lost the leader-election lease; exiting so a fresh process competes again");
            new Thread(() -> System.exit(1), "exit").start();
        }
    }

    /** Stops reconciling, then hands the leader-election Lease over at once (what SIGTERM does). */
    public static void stop(Operator operator, KubernetesClient client, OperatorSettings settings) {
        STOPPING.set(true);
        // An operator that never started holds no Lease, and its API server may be the very thing it cannot reach.
        boolean started = operator.getRuntimeInfo().isStarted();
        operator.stop();
        if (settings.leaderElection() && started) {
            LeaseRelease.release(client, settings.namespace(), LEASE, IDENTITY);
        }
    }

    /** Attempts for failures of the machinery: the backoff limit's retries plus the first. */
    public static Lifecycle.Tuning tuning(OperatorSettings settings) {
        return new Lifecycle.Tuning(
                settings.defaults().pollInterval(),
                settings.defaults().backoffLimit() + 1,
                settings.defaults().finishedJobTtl());
    }

    /**
     * A client sized for bursts: fabric8 allows 5 concurrent requests per host by default, which would queue
     * hundreds of resources created at once behind each other.
     */
    public static KubernetesClient client(Config config) {
        config.setMaxConcurrentRequests(256);
        config.setMaxConcurrentRequestsPerHost(128);
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /**
     * The operator with both controllers registered, not started.
     *
     * @param serverSideApply false against the fabric8 mock server, which cannot apply patches
     */
    public static Operator create(
            KubernetesClient client,
            OperatorSettings settings,
            RunnerResults results,
            OperatorMetrics metrics,
            boolean serverSideApply) {
        Operator operator = new Operator(o -> {
            o.withKubernetesClient(client)
                    .withMetrics(metrics)
                    .withUseSSAToPatchPrimaryResource(serverSideApply)
                    .withCloseClientOnStop(false)
                    .withConcurrentReconciliationThreads(RECONCILERS);
            if (settings.leaderElection()) {
                o.withLeaderElectionConfiguration(new LeaderElectionConfiguration(
                        LEASE,
                        settings.namespace(),
                        LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
                        LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
                        LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE,
                        IDENTITY,
                        new LeaderCallbacks(() -> {}, OperatorMain::stoppedLeading, leader -> {}),
                        false));
            }
        });
        Clock clock = Clock.systemUTC();
        StatusWriter statuses = new StatusWriter(client);
        EventRecorder events = new EventRecorder(client, clock);
        RunnerJobs jobs = new RunnerJobs(settings);
        Lifecycle.Tuning tuning = tuning(settings);
        Lifecycle<DatasetJob, DatasetJobStatus> datasets = new Lifecycle<>(
                new DatasetJobWorkload(jobs), client, results, statuses, events, metrics, clock, tuning);
        Lifecycle<AssistantRun, AssistantRunStatus> runs = new Lifecycle<>(
                new AssistantRunWorkload(jobs, client), client, results, statuses, events, metrics, clock, tuning);
        operator.register(
                new DatasetJobReconciler(datasets),
                c -> c.settingNamespaces(settings.watchNamespaces())
                        .withRetry(GenericRetry.defaultLimitedExponentialRetry()));
        operator.register(
                new AssistantRunReconciler(runs),
                c -> c.settingNamespaces(settings.watchNamespaces())
                        .withRetry(GenericRetry.defaultLimitedExponentialRetry()));
        return operator;
    }
}
