package dev.assay.api.assistant;

import static dev.assay.api.ProblemJson.detail;
import static dev.assay.api.ProblemJson.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import dev.assay.api.ControllerSlice;
import dev.assay.api.assistant.planning.AssistantException;
import dev.assay.api.jobs.JobNotFoundException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The assistant endpoint on its own: what it refuses before a planner is asked, and how a planner's failure reads. */
@ControllerSlice(AssistantController.class)
class AssistantControllerMvcTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AssistantService assistant;

    @Test
    void aRequestWithoutAPromptOrWithAnOversizedOneIsInvalidNamingTheField() throws Exception {
        mvc.perform(ask("{\"job_id\": \"j-1\", \"prompt\": \" \"}"))
                .andExpect(problem(400, "Invalid request"))
                .andExpect(jsonPath("$.errors[0].field").value("prompt"));
        mvc.perform(ask("{\"job_id\": \"j-1\", \"prompt\": \"" + "p".repeat(2001) + "\"}"))
                .andExpect(problem(400, "Invalid request"))
                .andExpect(jsonPath("$.errors[0].field").value("prompt"));
        mvc.perform(ask("{\"job_id\": \"j-1\", \"prompt\": \"clean it\", \"sample_size\": 5000}"))
                .andExpect(problem(400, "Invalid request"))
                .andExpect(jsonPath("$.errors[0].field").value("sample_size"));
        verifyNoInteractions(assistant);
    }

    @Test
    void anUnknownDatasetIs404() throws Exception {
        when(assistant.propose(any())).thenThrow(new JobNotFoundException("j-gone"));

        mvc.perform(ask("{\"job_id\": \"j-gone\", \"prompt\": \"clean it\"}")).andExpect(problem(404, "Unknown job"));
    }

    @Test
    void aModelThatDoesNotAnswerInTimeIs504SayingWhatToDo() throws Exception {
        when(assistant.propose(any())).thenThrow(AssistantException.timeout("OpenAI", Duration.ofSeconds(30)));

        mvc.perform(ask("{\"job_id\": \"j-1\", \"prompt\": \"clean it\"}"))
                .andExpect(problem(504, "The assistant took too long"))
                .andExpect(detail("within 30 s"));
    }

    @Test
    void aModelServiceThatIsDownIs503() throws Exception {
        when(assistant.propose(any())).thenThrow(AssistantException.unavailable("Gemini", 429));

        mvc.perform(ask("{\"job_id\": \"j-1\", \"prompt\": \"clean it\"}"))
                .andExpect(problem(503, "The assistant is unavailable"))
                .andExpect(detail("too many requests"));
    }

    private static MockHttpServletRequestBuilder ask(String body) {
        return post("/api/v1/assistant").contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
