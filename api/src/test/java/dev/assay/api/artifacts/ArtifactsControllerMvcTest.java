package dev.assay.api.artifacts;

import static dev.assay.api.ProblemJson.detail;
import static dev.assay.api.ProblemJson.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.assay.api.ControllerSlice;
import dev.assay.api.audit.Audit;
import dev.assay.api.jobs.JobNotFoundException;
import dev.assay.api.jobs.Jobs;
import dev.assay.model.status.TaskKind;
import dev.assay.model.status.TaskStatus;
import dev.assay.runner.storage.ArtifactStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Downloads on their own: only the artifact shapes of a visible job reach the store; reports are sandboxed. */
@ControllerSlice(ArtifactsController.class)
class ArtifactsControllerMvcTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ArtifactStore artifacts;

    @MockitoBean
    Jobs jobs;

    @MockitoBean
    Audit audit;

    @BeforeEach
    void auditRunsTheWork() throws Exception {
        when(audit.audited(any(), any(), any(), any()))
                .thenAnswer(call -> call.<Audit.AuditedWork<?>>getArgument(3).run());
    }

    @Test
    void aCleanedCsvIsAnAttachmentNamedAfterTheDataset() throws Exception {
        stored("j-1/cleaned.csv", "PassengerId\n1\n");
        when(jobs.find("j-1"))
                .thenReturn(Optional.of(TaskStatus.queued(
                        "j-1", TaskKind.PROFILE, "j-1", "titanic.csv", Instant.parse("2026-12-06T14:00:00Z"))));

        mvc.perform(get("/api/v1/artifacts/j-1/cleaned.csv"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", Matchers.containsString("titanic-cleaned.csv")))
                .andExpect(header().string("Cache-Control", "private, no-store"))
                .andExpect(content().string("PassengerId\n1\n"));
    }

    @Test
    void aReportIsServedInASandboxWithNoScripts() throws Exception {
        stored("j-1/report.html", "<html><body>report</body></html>");

        mvc.perform(get("/api/v1/artifacts/j-1/report.html"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", ArtifactsController.REPORT_POLICY))
                // Shown in the browser, not saved as a download.
                .andExpect(header().string("Content-Disposition", Matchers.not(Matchers.startsWith("attachment"))));
    }

    @Test
    void aNameThatIsNoArtifactShapeIs404AndNeverReachesTheStore() throws Exception {
        mvc.perform(get("/api/v1/artifacts/j-1/runs/r-1/..%2F..%2Fsecrets"))
                .andExpect(problem(404, "Unknown artifact"));
        mvc.perform(get("/api/v1/artifacts/j-1/secrets.txt"))
                .andExpect(problem(404, "Unknown artifact"))
                .andExpect(detail("'secrets.txt'"));
        verifyNoInteractions(artifacts);
    }

    @Test
    void anArtifactNotWrittenYetIs404() throws Exception {
        when(artifacts.size("j-1/runs/r-1/model.bin")).thenReturn(Optional.empty());

        mvc.perform(get("/api/v1/artifacts/j-1/runs/r-1/model.bin")).andExpect(problem(404, "Unknown artifact"));
    }

    @Test
    void anotherPersonsDatasetIsUnknownNotForbidden() throws Exception {
        doThrow(new JobNotFoundException("j-theirs")).when(jobs).requireVisible("j-theirs");

        mvc.perform(get("/api/v1/artifacts/j-theirs/report.html")).andExpect(problem(404, "Unknown job"));
        verifyNoInteractions(artifacts);
    }

    @Test
    void aStoreThatCannotBeReachedIs503() throws Exception {
        when(artifacts.size(any()))
                .thenThrow(new java.io.UncheckedIOException(new java.io.IOException("S3 timed out")));

        mvc.perform(get("/api/v1/artifacts/j-1/profile.json"))
                .andExpect(problem(503, "Storage unavailable"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("S3 timed out"))));
    }

    private void stored(String key, String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        when(artifacts.size(key)).thenReturn(Optional.of((long) bytes.length));
        when(artifacts.open(key)).thenReturn(Optional.of(new ByteArrayInputStream(bytes)));
    }
}
