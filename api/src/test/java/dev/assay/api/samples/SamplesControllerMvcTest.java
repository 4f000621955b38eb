package dev.assay.api.samples;

import static dev.assay.api.ProblemJson.detail;
import static dev.assay.api.ProblemJson.problem;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.assay.api.ControllerSlice;
import dev.assay.api.executor.ExecutorBusyException;
import dev.assay.api.problem.ApiException;
import dev.assay.api.upload.UploadAccepted;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The packaged samples on their own: listed, started like an upload, and an unknown name answered with the list. */
@ControllerSlice(SamplesController.class)
class SamplesControllerMvcTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Samples samples;

    @Test
    void theSamplesAreListedAsTheStorePacksThem() throws Exception {
        when(samples.list())
                .thenReturn(List.of(
                        new Samples.Sample("iris", "iris.csv", 4_500),
                        new Samples.Sample("titanic", "titanic.csv", 61_194)));

        mvc.perform(get("/api/v1/samples"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name").value(Matchers.contains("iris", "titanic")))
                .andExpect(jsonPath("$[1].size_bytes").value(61_194));
    }

    @Test
    void startingASampleIs202LikeAnUpload() throws Exception {
        when(samples.start("titanic")).thenReturn(new UploadAccepted("j-1", "titanic.csv", "/api/v1/jobs/j-1/status"));

        mvc.perform(post("/api/v1/samples/titanic/jobs"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/jobs/j-1/status"))
                .andExpect(jsonPath("$.file_name").value("titanic.csv"));
    }

    @Test
    void anUnknownSampleIs404ListingTheSamples() throws Exception {
        when(samples.start("penguins"))
                .thenThrow(new ApiException(
                        HttpStatus.NOT_FOUND,
                        "Unknown sample",
                        "there is no sample named 'penguins'; the samples are: iris, titanic",
                        Map.of("samples", List.of("iris", "titanic"))));

        mvc.perform(post("/api/v1/samples/penguins/jobs"))
                .andExpect(problem(404, "Unknown sample"))
                .andExpect(detail("'penguins'"))
                .andExpect(jsonPath("$.samples").value(Matchers.contains("iris", "titanic")));
    }

    @Test
    void aFullQueueIs503WithRetryAfter() throws Exception {
        when(samples.start("titanic")).thenThrow(new ExecutorBusyException("the queue is full", Duration.ofSeconds(5)));

        mvc.perform(post("/api/v1/samples/titanic/jobs"))
                .andExpect(problem(503, "Busy"))
                .andExpect(header().string("Retry-After", "5"));
    }
}
