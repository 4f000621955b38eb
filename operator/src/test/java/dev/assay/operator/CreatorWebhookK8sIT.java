package dev.assay.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.assay.model.crd.assistantrun.AssistantRun;
import dev.assay.model.crd.datasetjob.DatasetJob;
import dev.assay.operator.admission.AdmissionServer;
import dev.assay.operator.admission.CreatorAnnotations;
import dev.assay.operator.admission.PemTls;
import dev.assay.operator.admission.TestCertificates;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The admission webhook against a real Kubernetes 1.20 API server: registered with a CA of the test's own at
 * {@code https://127.0.0.1:18500/mutate/creator}, it must make the API server store the requesting user as the
 * creator of an AssistantRun made by an impersonated person, whatever that person wrote in the annotation, and keep
 * it when someone edits the annotation later.
 */
@EnabledIfSystemProperty(
        named = "assay.k8s.enabled",
        matches = "true",
        disabledReason = "needs the Kubernetes 1.20 binaries of shared/k8s: run with -Pk8s, as .ci/run does")
class CreatorWebhookK8sIT {

    private static final String NS = "assay-webhook-it";
    /** In the range this test may listen on. */
    private static final int PORT = 18500;

    private static final String PLAN = """
            {"explanation": "x", "actions": [{"type": "drop_duplicates", "params": {}}]}""";

    @Test
    void theApiServerStoresTheImpersonatedUserAsCreatorAndOverwritesAForgedOne() throws Exception {
        TestCertificates certificates = TestCertificates.forLoopback();
        try (RealApiServer api = RealApiServer.start(NS);
                AdmissionServer webhook = AdmissionServer.start(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), PORT),
                        PemTls.serverContext(certificates.certificatePem(), certificates.keyPem()))) {
            KubernetesClient admin = api.client;
            String name = "assay-creator-" + NS;
            try {
                admin.resource(configuration(name, webhook.port(), certificates.caPem()))
                        .create();
                allowAliceToWorkWithRuns(admin);
                // The API server picks new webhook configurations up asynchronously: wait until a dry run is
                // annotated, so the real creates below are certainly seen by the webhook.
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> {
                            AssistantRun probe = Resources.assistantRun(NS, "probe", "d-1", PLAN);
                            AssistantRun answered =
                                    admin.resource(probe).dryRun().create();
                            return answered.getMetadata().getAnnotations().containsKey(CreatorAnnotations.CREATED_BY);
                        });

                Config asAlice = Config.fromKubeconfig(api.server.getKubeConfigYaml());
                asAlice.setImpersonateUsername("alice");
                asAlice.setImpersonateGroups("team-a");
                try (KubernetesClient alice =
                        new KubernetesClientBuilder().withConfig(asAlice).build()) {
                    AssistantRun forged = Resources.assistantRun(NS, "by-alice", "d-1", PLAN);
                    forged.getMetadata()
                            .setAnnotations(Map.of(
                                    CreatorAnnotations.CREATED_BY,
                                    "bob",
                                    CreatorAnnotations.CREATED_BY_GROUPS,
                                    "[\"admins\"]",
                                    "note",
                                    "kept"));
                    alice.resource(forged).create();

                    DatasetJob dataset = Resources.datasetJob(NS, "d-alice", "d-alice/source.csv");
                    alice.resource(dataset).create();
                }

                AssistantRun stored = admin.resources(AssistantRun.class)
                        .inNamespace(NS)
                        .withName("by-alice")
                        .get();
                assertThat(stored.getMetadata().getAnnotations())
                        .containsEntry(CreatorAnnotations.CREATED_BY, "alice")
                        .containsEntry("note", "kept");
                assertThat(stored.getMetadata().getAnnotations().get(CreatorAnnotations.CREATED_BY_GROUPS))
                        .contains("\"team-a\"")
                        .doesNotContain("admins");
                assertThat(admin.resources(DatasetJob.class)
                                .inNamespace(NS)
                                .withName("d-alice")
                                .get()
                                .getMetadata()
                                .getAnnotations())
                        .containsEntry(CreatorAnnotations.CREATED_BY, "alice");

                // An admin editing the annotation later does not change who created the run.
                AssistantRun edited = admin.resources(AssistantRun.class)
                        .inNamespace(NS)
                        .withName("by-alice")
                        .edit(run -> {
                            run.getMetadata().getAnnotations().put(CreatorAnnotations.CREATED_BY, "mallory");
                            run.getMetadata().getAnnotations().put("note", "changed");
                            return run;
                        });
                assertThat(edited.getMetadata().getAnnotations())
                        .containsEntry(CreatorAnnotations.CREATED_BY, "alice")
                        .containsEntry("note", "changed");
            } finally {
                // A webhook with failurePolicy Fail left behind would refuse every later create of a run.
                admin.admissionRegistration()
                        .v1()
                        .mutatingWebhookConfigurations()
                        .withName(name)
                        .delete();
                admin.namespaces().withName(NS).delete();
            }
        }
    }

    private static MutatingWebhookConfiguration configuration(String name, int port, String caPem) {
        return new MutatingWebhookConfigurationBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .addNewWebhook()
                .withName("creator.assay.dev")
                .withAdmissionReviewVersions("v1")
                .withSideEffects("None")
                .withFailurePolicy("Fail")
                .withTimeoutSeconds(5)
                .withNewNamespaceSelector()
                .addToMatchLabels("assay-webhook-it", "true")
                .endNamespaceSelector()
                .addNewRule()
                .withApiGroups("assay.dev")
                .withApiVersions("*")
                .withOperations("CREATE", "UPDATE")
                .withResources("assistantruns", "datasetjobs")
                .withScope("Namespaced")
                .endRule()
                .withNewClientConfig()
                .withUrl("https://127.0.0.1:" + port + AdmissionServer.PATH)
                .withCaBundle(Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.US_ASCII)))
                .endClientConfig()
                .endWebhook()
                .build();
    }

    /** Alice may create and read runs in the namespace (and nothing else); the namespace is the webhook's. */
    private static void allowAliceToWorkWithRuns(KubernetesClient admin) {
        admin.namespaces().withName(NS).edit(ns -> {
            ns.getMetadata().getLabels().put("assay-webhook-it", "true");
            return ns;
        });
        admin.rbac()
                .roles()
                .inNamespace(NS)
                .resource(new RoleBuilder()
                        .withNewMetadata()
                        .withName("runs")
                        .withNamespace(NS)
                        .endMetadata()
                        .withRules(new PolicyRuleBuilder()
                                .withApiGroups("assay.dev")
                                .withResources("assistantruns", "datasetjobs")
                                .withVerbs("create", "get")
                                .build())
                        .build())
                .create();
        admin.rbac()
                .roleBindings()
                .inNamespace(NS)
                .resource(new RoleBindingBuilder()
                        .withNewMetadata()
                        .withName("alice-runs")
                        .withNamespace(NS)
                        .endMetadata()
                        .withNewRoleRef("rbac.authorization.k8s.io", "Role", "runs")
                        .addNewSubject()
                        .withKind("User")
                        .withName("alice")
                        .withApiGroup("rbac.authorization.k8s.io")
                        .endSubject()
                        .build())
                .create();
    }
}
