package dev.assay.api.manifests;

import static dev.assay.api.ProblemJson.detail;
import static dev.assay.api.ProblemJson.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.assay.api.ControllerSlice;
import dev.assay.api.TestProfiles;
import dev.assay.api.audit.Audit;
import dev.assay.api.audit.AuditAction;
import dev.assay.api.jobs.JobNotFoundException;
import dev.assay.api.jobs.JobNotReadyException;
import dev.assay.api.jobs.Jobs;
import dev.assay.api.jobs.RunNotFoundException;
import dev.assay.api.plans.Plans;
import dev.assay.model.crd.assistantrun.AssistantRun;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.validation.PlanReader;
import dev.assay.model.status.TaskKind;
import dev.assay.model.status.TaskStatus;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Plans as downloads on their own: the YAML a person saves and applies with kubectl, named after the dataset, or the
 * refusal that says which step and field is wrong. {@link Manifests} and {@link Plans} are the real ones, so the
 * header comment and the validation are the api's; only the stored datasets and the audit trail are mocked.
 */
@ControllerSlice(ManifestsController.class)
@Import({Manifests.class, Plans.class})
class ManifestsControllerMvcTest {

    private static final String PLAN = """
            {"explanation": "fill ages", "run_name": "survival model", "prompt": "predict who survived",
             "actions": [{"type": "impute", "params": {"strategy": "median", "columns": ["Age"]}}]}""";

    private static final Plan RUN_PLAN = PlanReader.read("""
            {"explanation": "fill ages", "actions": [{"type": "impute", "params": {"strategy": "median", "columns": ["Age"]}}]}""");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Jobs jobs;

    @MockitoBean
    Audit audit;

    /** j-1 is a profiled Titanic uploaded as titanic.csv; the audit runs the work it wraps, as the real one does. */
    @BeforeEach
    void profiledTitanic() throws Exception {
        when(jobs.job("j-1"))
                .thenReturn(TaskStatus.queued("j-1", TaskKind.PROFILE, "j-1", "titanic.csv", Instant.EPOCH));
        when(jobs.profile("j-1")).thenReturn(TestProfiles.titanic());
        when(audit.audited(any(), any(), any(), any()))
                .thenAnswer(call -> call.<Audit.AuditedWork<?>>getArgument(3).run());
    }

    @Test
    void aPlanIsAYamlAttachmentNamedAfterTheDatasetThatSaysHowToApplyIt() throws Exception {
        MvcResult result = mvc.perform(manifest("j-1", PLAN))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/yaml"))
                .andExpect(header().string("Cache-Control", "private, no-store"))
                .andReturn();

        String yaml = result.getResponse().getContentAsString();
        AssistantRun run = Serialization.unmarshal(yaml, AssistantRun.class);
        String name = run.getMetadata().getName();
        assertThat(name).matches("r-[0-9a-f]{16}");
        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .startsWith("attachment")
                .contains("filename=\"titanic-" + name + ".yaml\"");
        assertThat(yaml)
                .startsWith("# An Assay AssistantRun: the plan below, applied to DatasetJob j-1")
                .contains("# kubectl apply -f titanic-" + name + ".yaml && kubectl get assistantrun " + name + "\n");
        assertThat(run.getSpec().datasetRef()).isEqualTo("j-1");
        assertThat(run.getSpec().plan()).isEqualTo(RUN_PLAN);
        assertThat(run.getSpec().runName()).isEqualTo("survival model");
        assertThat(run.getSpec().prompt()).isEqualTo("predict who survived");
    }

    @Test
    void aDownloadIsAuditedWithTheActionsAndTheRunItNames() throws Exception {
        String yaml = mvc.perform(manifest("j-1", PLAN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> details = ArgumentCaptor.forClass(Map.class);
        verify(audit).audited(eq(AuditAction.DOWNLOAD), eq(Optional.of("j-1")), details.capture(), any());
        assertThat(details.getValue())
                .containsEntry("manifest", "plan")
                .containsEntry("actions", java.util.List.of("impute"))
                .containsEntry(
                        "name",
                        Serialization.unmarshal(yaml, AssistantRun.class)
                                .getMetadata()
                                .getName());
    }

    @Test
    void anInvalidPlanIs422NamingEachStepAndField() throws Exception {
        mvc.perform(manifest("j-1", """
                        {"actions": [
                          {"type": "impute", "params": {"strategy": "median", "columns": ["Agee"]}},
                          {"type": "scale", "params": {"method": "standard", "columns": ["Name"]}}]}"""))
                .andExpect(problem(422, "Invalid plan"))
                .andExpect(detail("2 problems in the plan"))
                .andExpect(jsonPath("$.errors[0].action_index").value(0))
                .andExpect(jsonPath("$.errors[0].action").value("impute"))
                .andExpect(jsonPath("$.errors[0].field").value("columns"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("Agee")))
                .andExpect(jsonPath("$.errors[1].action_index").value(1))
                .andExpect(jsonPath("$.errors[1].action").value("scale"))
                .andExpect(jsonPath("$.errors[1].field").value("columns"))
                .andExpect(jsonPath("$.errors[1].message").value(Matchers.containsString("Name")));
        // The refusal was thrown inside the audited work, which is where Audit records it as a failure.
        verify(audit).audited(eq(AuditAction.DOWNLOAD), eq(Optional.of("j-1")), anyMap(), any());
    }

    @Test
    void aRefusalAskedForAsYamlIsStillProblemJson() throws Exception {
        mvc.perform(manifest("j-1", """
                                {"actions": [{"type": "impute", "params": {"strategy": "median", "columns": ["Agee"]}}]}""").accept(MediaType.parseMediaType("application/yaml")))
                .andExpect(problem(422, "Invalid plan"))
                .andExpect(jsonPath("$.errors[0].field").value("columns"));
    }

    @Test
    void anUnknownDatasetIs404() throws Exception {
        when(jobs.profile("j-gone")).thenThrow(new JobNotFoundException("j-gone"));

        mvc.perform(manifest("j-gone", PLAN))
                .andExpect(problem(404, "Unknown job"))
                .andExpect(detail("'j-gone'"));
    }

    @Test
    void aDatasetStillBeingProfiledIs409() throws Exception {
        when(jobs.profile("j-1"))
                .thenThrow(new JobNotReadyException(
                        TaskStatus.queued("j-1", TaskKind.PROFILE, "j-1", "titanic.csv", Instant.EPOCH)));

        mvc.perform(manifest("j-1", PLAN))
                .andExpect(problem(409, "Dataset not ready"))
                .andExpect(detail("still being profiled"));
    }

    @Test
    void anActionOutsideTheWhitelistOrAnOverlongPromptNeverReachesTheDataset() throws Exception {
        mvc.perform(manifest("j-1", "{\"actions\": [{\"type\": \"run_shell\", \"params\": {}}]}"))
                .andExpect(problem(400, "Unreadable request body"))
                .andExpect(detail("actions[0].type: 'run_shell' is not an action"))
                .andExpect(jsonPath("$.errors[0].action_index").value(0));
        mvc.perform(manifest("j-1", "{\"actions\": [], \"prompt\": \"" + "p".repeat(4001) + "\"}"))
                .andExpect(problem(400, "Invalid request"))
                .andExpect(jsonPath("$.errors[0].field").value("prompt"));
        verifyNoInteractions(jobs);
    }

    @Test
    void aRunsPlanIsAManifestUnderANewNameKeepingTheRunsName() throws Exception {
        TaskStatus run = TaskStatus.queued("r-1", TaskKind.RUN, "j-1", "first try", Instant.EPOCH);
        when(jobs.run("j-1", "r-1")).thenReturn(run);
        when(jobs.planOf("j-1", "r-1")).thenReturn(Optional.of(RUN_PLAN));

        String yaml = mvc.perform(get("/api/v1/jobs/j-1/runs/r-1/manifest"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/yaml"))
                .andExpect(header().string("Content-Disposition", Matchers.startsWith("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        AssistantRun again = Serialization.unmarshal(yaml, AssistantRun.class);
        assertThat(yaml).startsWith("# An Assay AssistantRun");
        assertThat(again.getMetadata().getName()).startsWith("r-").isNotEqualTo("r-1");
        assertThat(again.getSpec().runName()).isEqualTo("first try");
        assertThat(again.getSpec().plan()).isEqualTo(RUN_PLAN);
    }

    @Test
    void aRunThatIsUnknownOrHasLostItsPlanIs404() throws Exception {
        when(jobs.run("j-1", "r-0")).thenThrow(new RunNotFoundException("j-1", "r-0"));
        when(jobs.run("j-1", "r-2")).thenReturn(TaskStatus.queued("r-2", TaskKind.RUN, "j-1", "", Instant.EPOCH));
        when(jobs.planOf("j-1", "r-2")).thenReturn(Optional.empty());

        mvc.perform(get("/api/v1/jobs/j-1/runs/r-0/manifest")).andExpect(problem(404, "Unknown run"));
        mvc.perform(get("/api/v1/jobs/j-1/runs/r-2/manifest"))
                .andExpect(problem(404, "Plan not found"))
                .andExpect(detail("no plan.json"));
    }

    @Test
    void aRunsPlanThatNoLongerFitsTheDatasetIs422() throws Exception {
        when(jobs.run("j-1", "r-3")).thenReturn(TaskStatus.queued("r-3", TaskKind.RUN, "j-1", "old", Instant.EPOCH));
        when(jobs.planOf("j-1", "r-3")).thenReturn(Optional.of(PlanReader.read("""
                {"actions": [{"type": "drop_columns", "params": {"columns": ["Deck"]}}]}""")));

        mvc.perform(get("/api/v1/jobs/j-1/runs/r-3/manifest"))
                .andExpect(problem(422, "Invalid plan"))
                .andExpect(jsonPath("$.errors[0].action").value("drop_columns"))
                .andExpect(jsonPath("$.errors[0].field").value("columns"));
    }

    private static MockHttpServletRequestBuilder manifest(String jobId, String body) {
        return post("/api/v1/jobs/" + jobId + "/manifest")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }
}
