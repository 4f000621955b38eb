package dev.assay.api.problem;

import static dev.assay.api.ProblemJson.detail;
import static dev.assay.api.ProblemJson.problem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.assay.api.ControllerSlice;
import jakarta.servlet.RequestDispatcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/**
 * Failures before a controller is reached (the container refusing a request, a filter failing) and paths no
 * controller serves: the same problem+json as everything else, never the container's page or its message.
 */
@ControllerSlice(ProblemErrorController.class)
class ProblemErrorControllerMvcTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aRequestTheContainerCouldNotReadIs400WithoutTheContainersWords() throws Exception {
        mvc.perform(get("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 400)
                        .requestAttr(RequestDispatcher.ERROR_MESSAGE, "Invalid character found in the request target"))
                .andExpect(problem(400, "Bad Request"))
                .andExpect(detail("check the URL"))
                .andExpect(MockMvcResultMatchers.content()
                        .string(Matchers.not(Matchers.containsString("Invalid character"))));
    }

    @Test
    void aFailureInAFilterIs500WithAReference() throws Exception {
        mvc.perform(get("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("filter broke")))
                .andExpect(problem(500, "Internal Server Error"))
                .andExpect(detail("reference"))
                .andExpect(
                        MockMvcResultMatchers.content().string(Matchers.not(Matchers.containsString("filter broke"))));
    }

    @Test
    void aPathNoOneServesIs404NamingIt() throws Exception {
        mvc.perform(get("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v2/jobs"))
                .andExpect(problem(404, "Not Found"))
                .andExpect(detail("no such endpoint or page: /api/v2/jobs"));
        mvc.perform(get("/api/v1/nothing-here"))
                .andExpect(problem(404, "Not found"))
                .andExpect(detail("api/v1/nothing-here"));
    }

    @Test
    void aStatusWithoutACodeIsAnInternalError() throws Exception {
        mvc.perform(get("/error")).andExpect(problem(500, "Internal Server Error"));
    }
}
