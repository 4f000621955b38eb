package dev.assay.api.upload;

import static dev.assay.api.ProblemJson.detail;
import static dev.assay.api.ProblemJson.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.assay.api.ControllerSlice;
import dev.assay.api.audit.Audit;
import dev.assay.api.audit.AuditAction;
import dev.assay.api.executor.ExecutorBusyException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * The upload endpoint on its own: the form's fields are read and checked here, the file itself by {@link Uploads}
 * (mocked); every refusal is problem+json that says what to do, and is audited.
 */
@ControllerSlice(UploadController.class)
class UploadControllerMvcTest {

    private static final MockMultipartFile CSV = new MockMultipartFile(
            "file", "titanic.csv", "text/csv", "PassengerId,Survived\n1,0\n".getBytes(StandardCharsets.UTF_8));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Uploads uploads;

    @MockitoBean
    Audit audit;

    @Test
    void anAcceptedFileIs202WithTheStatusToPollAndTheFormsOptionsReachTheReader() throws Exception {
        when(uploads.accept(any(), any()))
                .thenReturn(new UploadAccepted("j-1", "titanic.csv", "/api/v1/jobs/j-1/status"));

        mvc.perform(multipart("/api/v1/upload")
                        .file(CSV)
                        .param("encoding", "windows-1252")
                        .param("missingMarkers", "[\"NA\", \"?\"]"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/jobs/j-1/status"))
                .andExpect(jsonPath("$.job_id").value("j-1"));
        verify(uploads)
                .accept(
                        any(),
                        argThat(options -> options.encoding().equals(Optional.of("windows-1252"))
                                && options.missingMarkers().equals(Optional.of(List.of("NA", "?")))));
        verify(audit).success(eq(AuditAction.UPLOAD), eq(Optional.of("j-1")), eq(Optional.empty()), anyMap());
    }

    @Test
    void aFormWithoutTheFilePartIs400NamingThePart() throws Exception {
        mvc.perform(multipart("/api/v1/upload").param("sheet", "Sheet1"))
                .andExpect(problem(400, "No file"))
                .andExpect(detail("'file'"));
        verifyNoInteractions(uploads);
    }

    @Test
    void aBodyThatIsNotAFormIs415() throws Exception {
        mvc.perform(post("/api/v1/upload")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(problem(415, "Unsupported content type"))
                .andExpect(detail("multipart/form-data"));
    }

    @Test
    void missingMarkersThatAreNotAJsonListOfWordsAreAnUnusableOption() throws Exception {
        mvc.perform(multipart("/api/v1/upload").file(CSV).param("missingMarkers", "NA, ?"))
                .andExpect(problem(400, "Unusable upload option"))
                .andExpect(detail("'titanic.csv' cannot be read as asked"));
        mvc.perform(multipart("/api/v1/upload")
                        .file(CSV)
                        .param("missingMarkers", "x".repeat(UploadController.MAX_MARKERS_FIELD + 1)))
                .andExpect(problem(400, "Unusable upload option"))
                .andExpect(detail("at most 4096 are allowed"));
        verifyNoInteractions(uploads);
    }

    @Test
    void aFileTheReaderRefusesKeepsItsStatusAndTitleAndIsAuditedAsAFailure() throws Exception {
        RefusedUploadException notCsv = RefusedUploadException.notCsv("titanic.csv", "it looks like a PNG image");
        when(uploads.accept(any(), any())).thenThrow(notCsv);

        mvc.perform(multipart("/api/v1/upload").file(CSV))
                .andExpect(problem(415, "Not a CSV file"))
                .andExpect(detail("it looks like a PNG image"));
        verify(audit).failure(eq(AuditAction.UPLOAD), eq(Optional.empty()), anyMap(), eq(notCsv));
    }

    @Test
    void aFullQueueIs503WithRetryAfter() throws Exception {
        when(uploads.accept(any(), any()))
                .thenThrow(new ExecutorBusyException("the queue is full", Duration.ofSeconds(30)));

        mvc.perform(multipart("/api/v1/upload").file(CSV))
                .andExpect(problem(503, "Busy"))
                .andExpect(header().string("Retry-After", "30"));
    }

    @Test
    void aFileOverTheLimitIs413NamingTheLimitAndTheSetting() throws Exception {
        when(uploads.accept(any(), any()))
                .thenThrow(new MaxUploadSizeExceededException(
                        10,
                        new IllegalStateException(
                                "FileSizeLimitExceededException: the file exceeds its maximum permitted size")));

        mvc.perform(multipart("/api/v1/upload").file(CSV))
                .andExpect(problem(413, "File too large"))
                .andExpect(detail("assay.upload.max-size"));
    }

    @Test
    void aFormWithTooManyPartsIsNotTakenForAFileTooLarge() throws Exception {
        when(uploads.accept(any(), any()))
                .thenThrow(new MaxUploadSizeExceededException(
                        -1,
                        new IllegalStateException("FileCountLimitExceededException: attachment count limit exceeded")));

        mvc.perform(multipart("/api/v1/upload").file(CSV))
                .andExpect(problem(400, "Unreadable upload"))
                .andExpect(detail("too many parts"));
    }

    @Test
    void aFullDiskIs507() throws Exception {
        when(uploads.accept(any(), any()))
                .thenThrow(
                        new MultipartException("could not store", new java.io.IOException("No space left on device")));

        mvc.perform(multipart("/api/v1/upload").file(CSV)).andExpect(problem(507, "Disk full"));
    }
}
