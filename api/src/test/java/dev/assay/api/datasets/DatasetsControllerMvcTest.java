package dev.assay.api.datasets;

import static dev.assay.api.ProblemJson.detail;
import static dev.assay.api.ProblemJson.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.assay.api.ControllerSlice;
import dev.assay.api.audit.Audit;
import dev.assay.api.audit.AuditAction;
import dev.assay.api.jobs.JobNotFoundException;
import dev.assay.api.jobs.RunNotFoundException;
import dev.assay.api.problem.ApiException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Deleting on its own: 204 when gone, 404 for what is not there, 409 for what still runs; each one audited. */
@ControllerSlice(DatasetsController.class)
class DatasetsControllerMvcTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Datasets datasets;

    @MockitoBean
    Audit audit;

    /** The audit runs the work it records, as the real one does. */
    @BeforeEach
    void auditRunsTheWork() throws Exception {
        when(audit.audited(any(), any(), any(), any()))
                .thenAnswer(call -> call.<Audit.AuditedWork<?>>getArgument(3).run());
    }

    @Test
    void aDeletedDatasetIs204AndTheDeleteIsAudited() throws Exception {
        mvc.perform(delete("/api/v1/jobs/j-1")).andExpect(status().isNoContent());

        verify(datasets).delete("j-1");
        verify(audit).audited(eq(AuditAction.DELETE), eq(Optional.of("j-1")), eq(Map.of("what", "dataset")), any());
    }

    @Test
    void aDeletedRunIs204() throws Exception {
        mvc.perform(delete("/api/v1/jobs/j-1/runs/r-1")).andExpect(status().isNoContent());

        verify(datasets).deleteRun("j-1", "r-1");
    }

    @Test
    void anUnknownDatasetOrRunIs404() throws Exception {
        doThrow(new JobNotFoundException("j-gone")).when(datasets).delete("j-gone");
        doThrow(new RunNotFoundException("j-1", "r-gone")).when(datasets).deleteRun("j-1", "r-gone");

        mvc.perform(delete("/api/v1/jobs/j-gone")).andExpect(problem(404, "Unknown job"));
        mvc.perform(delete("/api/v1/jobs/j-1/runs/r-gone")).andExpect(problem(404, "Unknown run"));
    }

    @Test
    void whatIsStillRunningIs409SayingWhatToWaitFor() throws Exception {
        doThrow(new ApiException(
                        HttpStatus.CONFLICT,
                        "Still running",
                        "dataset 'j-1' is still being profiled; wait until it is done or failed, then delete again"))
                .when(datasets)
                .delete("j-1");

        mvc.perform(delete("/api/v1/jobs/j-1"))
                .andExpect(problem(409, "Still running"))
                .andExpect(detail("wait until it is done"));
    }

    @Test
    void aStoreThatFailsIs503() throws Exception {
        doThrow(new java.io.IOException("connection reset")).when(datasets).delete("j-1");

        mvc.perform(delete("/api/v1/jobs/j-1")).andExpect(problem(503, "Storage unavailable"));
    }
}
