package dev.assay.api.jobs;

import static dev.assay.api.ProblemJson.detail;
import static dev.assay.api.ProblemJson.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.assay.api.ControllerSlice;
import dev.assay.api.identity.Actor;
import dev.assay.api.identity.Actors;
import dev.assay.api.metadata.Metadata;
import dev.assay.model.status.TaskKind;
import dev.assay.model.status.TaskStatus;
import dev.assay.runner.storage.StatusStore;
import dev.assay.runner.storage.TaskEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The dataset endpoints on their own: which status each outcome of the stores gets, and in which shape. */
@ControllerSlice(JobsController.class)
class JobsControllerMvcTest {

    private static final Instant NOW = Instant.parse("2026-12-06T14:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Jobs jobs;

    @MockitoBean
    JobViews views;

    @MockitoBean
    StatusStore statuses;

    @MockitoBean
    JobStatusAnswers answers;

    @MockitoBean
    Metadata metadata;

    @MockitoBean
    Actors actors;

    @Test
    void aPersonSeesOnlyTheDatasetsTheMetadataShowsThem() throws Exception {
        Actor olga = new Actor("olga", List.of("analysts"), false);
        TaskStatus mine = TaskStatus.queued("j-mine", TaskKind.PROFILE, "j-mine", "mine.csv", NOW);
        when(actors.current()).thenReturn(olga);
        when(metadata.visibleDatasets(olga, 50)).thenReturn(List.of("j-mine"));
        when(statuses.get("j-mine")).thenReturn(Optional.of(mine));
        when(views.listItem(mine))
                .thenReturn(new JobListItem(
                        "j-mine",
                        "mine.csv",
                        mine.status(),
                        0,
                        "queued",
                        null,
                        NOW,
                        NOW,
                        null,
                        null,
                        null,
                        JobViews.statusUrl("j-mine")));

        mvc.perform(get("/api/v1/jobs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].job_id").value(Matchers.contains("j-mine")));
        verify(statuses, never()).jobs(anyInt());
    }

    @Test
    void aLimitOutsideOneTo500IsABadRequestNamingTheParameter() throws Exception {
        mvc.perform(get("/api/v1/jobs").param("limit", "501"))
                .andExpect(problem(400, "Invalid request"))
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc.perform(get("/api/v1/jobs").param("limit", "many"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        verifyNoInteractions(statuses, metadata);
    }

    @Test
    void statusCarriesAnETagAndIsNotSentAgainWhileUnchanged() throws Exception {
        byte[] json = "{\"job_id\":\"j-1\"}".getBytes(StandardCharsets.UTF_8);
        when(answers.answer("j-1")).thenReturn(new JobStatusAnswers.Answer("f", json, "\"v1\""));

        mvc.perform(get("/api/v1/jobs/j-1/status"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"v1\""))
                .andExpect(jsonPath("$.job_id").value("j-1"));
        mvc.perform(get("/api/v1/jobs/j-1/status").header("If-None-Match", "\"v1\""))
                .andExpect(status().isNotModified());
    }

    @Test
    void anUnknownJobIs404NamingTheId() throws Exception {
        when(answers.answer("j-gone")).thenThrow(new JobNotFoundException("j-gone"));
        when(jobs.job("j-gone")).thenThrow(new JobNotFoundException("j-gone"));

        mvc.perform(get("/api/v1/jobs/j-gone/status"))
                .andExpect(problem(404, "Unknown job"))
                .andExpect(detail("j-gone"))
                .andExpect(jsonPath("$.instance").value("/api/v1/jobs/j-gone/status"));
        mvc.perform(get("/api/v1/jobs/j-gone/events")).andExpect(problem(404, "Unknown job"));
    }

    @Test
    void anUnknownRunIs404() throws Exception {
        when(jobs.run("j-1", "r-gone")).thenThrow(new RunNotFoundException("j-1", "r-gone"));

        mvc.perform(get("/api/v1/jobs/j-1/runs/r-gone"))
                .andExpect(problem(404, "Unknown run"))
                .andExpect(detail("r-gone"));
    }

    @Test
    void eventsOfTheJobAndItsRunsComeOldestFirst() throws Exception {
        TaskStatus job = TaskStatus.queued("j-1", TaskKind.PROFILE, "j-1", "a.csv", NOW);
        TaskStatus run = TaskStatus.queued("r-1", TaskKind.RUN, "j-1", "run", NOW);
        when(jobs.job("j-1")).thenReturn(job);
        when(statuses.runsOf("j-1")).thenReturn(List.of(run));
        when(statuses.events("j-1"))
                .thenReturn(List.of(event(NOW.plusSeconds(1), job), event(NOW.plusSeconds(10), job)));
        when(statuses.events("r-1")).thenReturn(List.of(event(NOW.plusSeconds(5), run)));

        mvc.perform(get("/api/v1/jobs/j-1/events"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].task_id").value(Matchers.contains("j-1", "r-1", "j-1")));
    }

    @Test
    void aStoreThatCannotBeReachedIs503WithRetryAfter() throws Exception {
        when(answers.answer(any())).thenThrow(new redis.clients.jedis.exceptions.JedisConnectionException("refused"));

        mvc.perform(get("/api/v1/jobs/j-1/status"))
                .andExpect(problem(503, "Storage unavailable"))
                .andExpect(header().string("Retry-After", "10"))
                .andExpect(detail("reference"));
    }

    @Test
    void anUnexpectedFailureIs500WithAReferenceAndNothingOfTheServersInsides() throws Exception {
        when(jobs.run(any(), any())).thenThrow(new IllegalStateException("secret internal state"));

        mvc.perform(get("/api/v1/jobs/j-1/runs/r-1"))
                .andExpect(problem(500, "Internal error"))
                .andExpect(detail("reference"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("secret internal state"))));
    }

    @Test
    void aMethodTheEndpointDoesNotTakeIs405WithAllow() throws Exception {
        mvc.perform(patch("/api/v1/jobs/j-1/status"))
                .andExpect(problem(405, "Method not allowed"))
                .andExpect(header().string("Allow", Matchers.containsString("GET")));
        mvc.perform(delete("/api/v1/jobs/j-1/events")).andExpect(problem(405, "Method not allowed"));
    }

    private static TaskEvent event(Instant at, TaskStatus task) {
        return new TaskEvent(at, task.status(), task.progress(), task.stage(), Optional.empty());
    }
}
