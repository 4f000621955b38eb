package dev.assay.api.upload;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "upload", description = "Send a CSV to be profiled")
public class UploadController {

    private final Uploads uploads;

    public UploadController(Uploads uploads) {
        this.uploads = uploads;
    }

    @PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a CSV (multipart part 'file'); profiling starts at once",
            description = "Answers 202 with the job id. 400 empty file, 413 over the size limit, 415 not a CSV, "
                    + "422 a CSV without data rows or with inconsistent rows, 503 when the executor's queue is full.")
    public ResponseEntity<UploadAccepted> upload(@RequestPart("file") MultipartFile file) throws IOException {
        UploadAccepted accepted = uploads.accept(file);
        return ResponseEntity.accepted().location(URI.create(accepted.statusUrl())).body(accepted);
    }
}
