package dev.assay.api.plans;

import static dev.assay.api.ProblemJson.detail;
import static dev.assay.api.ProblemJson.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.assay.api.ControllerSlice;
import dev.assay.api.jobs.JobNotFoundException;
import dev.assay.model.plan.validation.PlanError;
import dev.assay.model.plan.validation.PlanReview;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Plan validation on its own: a plan with problems is a 200 that lists them (the editor shows them as you type), while a
 * body that cannot be read as a plan is a 400 that says where, in the shape the editor marks a step by.
 */
@ControllerSlice(PlansController.class)
class PlansControllerMvcTest {

    private static final String PLAN = """
            {"job_id": "j-1", "explanation": "x", "actions": [{"type": "scale", "params": {"columns": ["Name"]}}]}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Plans plans;

    @Test
    void aPlanWithProblemsIsAnsweredWithTheProblemsNotAnError() throws Exception {
        when(plans.review(eq("j-1"), any()))
                .thenReturn(new PlanReview(
                        List.of(PlanError.ofStep(
                                0, "scale", "columns", "column 'Name' is string; scale needs numbers")),
                        List.of()));
        when(plans.summary(eq("j-1"), any())).thenReturn(List.of("Scale Name"));

        mvc.perform(json(PLAN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.errors[0].action_index").value(0))
                .andExpect(jsonPath("$.errors[0].field").value("columns"))
                .andExpect(jsonPath("$.summary[0]").value("Scale Name"));
    }

    @Test
    void aPlanForAnUnknownDatasetIs404() throws Exception {
        when(plans.review(eq("j-1"), any())).thenThrow(new JobNotFoundException("j-1"));

        mvc.perform(json(PLAN)).andExpect(problem(404, "Unknown job"));
    }

    @Test
    void aMissingJobIdIsAnInvalidRequestNamingTheField() throws Exception {
        mvc.perform(json("{\"actions\": []}"))
                .andExpect(problem(400, "Invalid request"))
                .andExpect(jsonPath("$.errors[0].field").value("job_id"));
        verifyNoInteractions(plans);
    }

    @Test
    void anEmptyStepIsAnInvalidRequestNamingItsPosition() throws Exception {
        mvc.perform(json("{\"job_id\": \"j-1\", \"actions\": [{\"type\": \"drop_duplicates\", \"params\": {}}, null]}"))
                .andExpect(problem(400, "Invalid request"))
                .andExpect(detail("actions[1]"))
                .andExpect(detail("is empty"));
    }

    @Test
    void anActionThatIsNotInTheWhitelistIsNamedByItsPathWithTheAllowedOnes() throws Exception {
        mvc.perform(json("{\"job_id\": \"j-1\", \"actions\": [{\"type\": \"run_python\", \"params\": {}}]}"))
                .andExpect(problem(400, "Unreadable request body"))
                .andExpect(detail("actions[0].type: 'run_python' is not an action"))
                .andExpect(detail("drop_columns"))
                .andExpect(jsonPath("$.errors[0].action_index").value(0))
                .andExpect(jsonPath("$.errors[0].field").value("type"));
        verifyNoInteractions(plans);
    }

    @Test
    void bodiesThatAreNotJsonAPlanSaySo() throws Exception {
        mvc.perform(json("{\"job_id\": \"j-1\", \"actions\": ["))
                .andExpect(problem(400, "Unreadable request body"))
                .andExpect(detail("not valid JSON (line 1"));
        mvc.perform(json("{\"job_id\": \"j-1\", \"job_id\": \"j-2\", \"actions\": []}"))
                .andExpect(problem(400, "Unreadable request body"))
                .andExpect(detail("names the same key twice"));
        mvc.perform(json("{\"job_id\": \"j-1\", \"actions\": [], \"colour\": \"red\"}"))
                .andExpect(problem(400, "Unreadable request body"))
                .andExpect(detail("unknown field 'colour'"));
        mvc.perform(json("{\"job_id\": \"j-1\", \"actions\": {\"type\": \"scale\"}}"))
                .andExpect(problem(400, "Unreadable request body"))
                .andExpect(detail("actions: expected a list"));
        mvc.perform(json(""))
                .andExpect(problem(400, "Unreadable request body"))
                .andExpect(detail("the request body is missing"));
        verifyNoInteractions(plans);
    }

    @Test
    void anActionTypeGivenAsANumberIsRefusedNotTakenAsAnIndex() throws Exception {
        mvc.perform(json("{\"job_id\": \"j-1\", \"actions\": [{\"type\": 0, \"params\": {}}]}"))
                .andExpect(problem(400, "Unreadable request body"))
                .andExpect(jsonPath("$.errors[0].action_index").value(0));
        verifyNoInteractions(plans);
    }

    @Test
    void anotherContentTypeIs415NamingTheOneTaken() throws Exception {
        mvc.perform(post("/api/v1/plans/validate")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(PLAN))
                .andExpect(problem(415, "Unsupported content type"))
                .andExpect(detail("application/json"));
    }

    @Test
    void aBodyOverOneMegabyteIsRefusedBeforeItIsRead() throws Exception {
        String huge = "{\"job_id\": \"j-1\", \"explanation\": \"" + "x".repeat(1024 * 1024) + "\", \"actions\": []}";

        mvc.perform(json(huge)).andExpect(problem(413, "Request too large"));
        verifyNoInteractions(plans);
    }

    @Test
    void theSchemaIsTheActionWhitelist() throws Exception {
        mvc.perform(get("/api/v1/plan-schema"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(content().string(Matchers.containsString("\"train_model\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("\"run_python\""))));
    }

    private static MockHttpServletRequestBuilder json(String body) {
        return post("/api/v1/plans/validate")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }
}
