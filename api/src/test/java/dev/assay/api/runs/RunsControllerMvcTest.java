package dev.assay.api.runs;

import static dev.assay.api.ProblemJson.detail;
import static dev.assay.api.ProblemJson.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.assay.api.ControllerSlice;
import dev.assay.api.audit.Audit;
import dev.assay.api.audit.AuditAction;
import dev.assay.api.executor.ExecutorBusyException;
import dev.assay.api.plans.InvalidPlanException;
import dev.assay.model.plan.validation.PlanError;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Applying a plan on its own: 202 with where to look, or the refusal that says why, each one audited. */
@ControllerSlice(RunsController.class)
class RunsControllerMvcTest {

    private static final String PLAN = """
            {"job_id": "j-1", "explanation": "x", "prompt": "drop the cabin",
             "actions": [{"type": "drop_columns", "params": {"columns": ["Cabin"]}}]}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Runs runs;

    @MockitoBean
    Audit audit;

    @Test
    void anAcceptedPlanIs202WithTheRunToPollAndIsAudited() throws Exception {
        when(runs.start(eq("j-1"), any(), eq(Optional.empty()), eq(Optional.of("drop the cabin"))))
                .thenReturn(new RunAccepted(
                        "r-1", "j-1", "drop Cabin", "/api/v1/jobs/j-1/status", "/api/v1/jobs/j-1/runs/r-1"));

        mvc.perform(apply(PLAN))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/jobs/j-1/runs/r-1"))
                .andExpect(jsonPath("$.run_id").value("r-1"))
                .andExpect(jsonPath("$.status_url").value("/api/v1/jobs/j-1/status"));
        verify(audit).success(eq(AuditAction.APPLY), eq(Optional.of("j-1")), eq(Optional.of("r-1")), anyMap());
    }

    @Test
    void anInvalidPlanIs422WithEveryProblemNamingItsStepAndIsAuditedAsAFailure() throws Exception {
        InvalidPlanException invalid = new InvalidPlanException(
                List.of(PlanError.ofStep(0, "drop_columns", "columns", "column 'Cabin' does not exist")));
        when(runs.start(any(), any(), any(), any())).thenThrow(invalid);

        mvc.perform(apply(PLAN))
                .andExpect(problem(422, "Invalid plan"))
                .andExpect(detail(
                        "1 problem in the plan: actions[0] (drop_columns) columns: column 'Cabin' does not exist"))
                .andExpect(jsonPath("$.errors[0].action_index").value(0))
                .andExpect(jsonPath("$.errors[0].action").value("drop_columns"))
                .andExpect(jsonPath("$.errors[0].field").value("columns"));
        verify(audit).failure(eq(AuditAction.APPLY), eq(Optional.of("j-1")), anyMap(), eq(invalid));
    }

    @Test
    void aFullQueueIs503WithRetryAfter() throws Exception {
        when(runs.start(any(), any(), any(), any()))
                .thenThrow(new ExecutorBusyException("the queue is full", Duration.ofSeconds(7)));

        mvc.perform(apply(PLAN)).andExpect(problem(503, "Busy")).andExpect(header().string("Retry-After", "7"));
    }

    @Test
    void aPromptOrRunNameOverTheirLimitsIsAnInvalidRequestNamingTheField() throws Exception {
        mvc.perform(apply("{\"job_id\": \"j-1\", \"actions\": [], \"prompt\": \"" + "p".repeat(4001) + "\"}"))
                .andExpect(problem(400, "Invalid request"))
                .andExpect(jsonPath("$.errors[0].field").value("prompt"));
        mvc.perform(apply("{\"job_id\": \"j-1\", \"actions\": [], \"run_name\": \"" + "n".repeat(121) + "\"}"))
                .andExpect(problem(400, "Invalid request"))
                .andExpect(jsonPath("$.errors[0].field").value("run_name"));
        mvc.perform(apply("{\"job_id\": \" \", \"actions\": []}"))
                .andExpect(problem(400, "Invalid request"))
                .andExpect(jsonPath("$.errors[0].field").value("job_id"));
        verifyNoInteractions(runs);
    }

    @Test
    void anActionOutsideTheWhitelistNeverReachesTheRunner() throws Exception {
        mvc.perform(apply("{\"job_id\": \"j-1\", \"actions\": [{\"type\": \"drop_columns\", \"params\": {}}, "
                        + "{\"type\": \"shell\", \"params\": {\"command\": \"rm -rf /\"}}]}"))
                .andExpect(problem(400, "Unreadable request body"))
                .andExpect(detail("actions[1].type: 'shell' is not an action"))
                .andExpect(jsonPath("$.errors[0].action_index").value(1));
        verifyNoInteractions(runs);
    }

    private static MockHttpServletRequestBuilder apply(String body) {
        return post("/api/v1/assistant/apply")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }
}
