package dev.assay.api.upload;

import dev.assay.api.audit.Audit;
import dev.assay.api.audit.AuditAction;
import dev.assay.model.profile.MissingMarkers;
import dev.assay.model.protocol.RunnerArgs;
import dev.assay.runner.source.SourceOptions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "upload", description = "Send a CSV or an Excel workbook to be profiled")
public class UploadController {

    /** The longest missingMarkers field read: 32 words of 40 characters, quoted and separated, fit well within. */
    static final int MAX_MARKERS_FIELD = 4096;

    private final Uploads uploads;
    private final Audit audit;

    public UploadController(Uploads uploads, Audit audit) {
        this.uploads = uploads;
        this.audit = audit;
    }

    @PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary =
                    "Upload a CSV (any common encoding, also .csv.gz or a one-file .zip), an Excel .xlsx or a flat .parquet "
                            + "(multipart part 'file', optional fields 'sheet', 'encoding' and 'missingMarkers'); profiling starts at once",
            description =
                    "Answers 202 with the job id. 400 empty file, 413 over the size limit, 415 not a CSV, "
                            + "422 a CSV without data rows or with inconsistent rows, or a nested, cut or row-less Parquet file, 503 when the executor's queue is full.")
    public ResponseEntity<UploadAccepted> upload(
            @RequestPart("file") MultipartFile file,
            @Parameter(description = "Worksheet of an Excel workbook to read (default: the first sheet)")
                    @RequestParam(name = "sheet", required = false)
                    String sheet,
            @Parameter(description = "Text encoding of a CSV, e.g. windows-1252 or UTF-16LE (default: detected)")
                    @RequestParam(name = "encoding", required = false)
                    String encoding,
            @Parameter(
                            description =
                                    "Words read as missing, a JSON array such as [\"NA\", \"-\"]; [] reads every word "
                                            + "as a value (an empty cell is always missing). At most 32 words of at most 40 characters. "
                                            + "Default: NA, N/A, null, NaN, None, -")
                    @RequestParam(name = MissingMarkers.FIELD, required = false)
                    String missingMarkers)
            throws IOException {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("file", Uploads.fileNameOrDefault(file.getOriginalFilename()));
        details.put("bytes", file.getSize());
        try {
            UploadAccepted accepted = accept(file, sheet, encoding, missingMarkers);
            audit.success(AuditAction.UPLOAD, Optional.of(accepted.jobId()), Optional.empty(), details);
            return ResponseEntity.accepted()
                    .location(URI.create(accepted.statusUrl()))
                    .body(accepted);
        } catch (IOException | RuntimeException e) {
            audit.failure(AuditAction.UPLOAD, Optional.empty(), details, e);
            throw e;
        }
    }

    private UploadAccepted accept(MultipartFile file, String sheet, String encoding, String missingMarkers)
            throws IOException {
        Optional<List<String>> markers = Optional.empty();
        if (missingMarkers != null) {
            String name = file.getOriginalFilename() == null ? "the upload" : file.getOriginalFilename();
            if (missingMarkers.length() > MAX_MARKERS_FIELD) {
                throw RefusedUploadException.badOption(
                        name,
                        MissingMarkers.FIELD + " is " + missingMarkers.length() + " characters long; at most "
                                + MAX_MARKERS_FIELD + " are allowed");
            }
            try {
                markers = Optional.of(RunnerArgs.parseMarkers(missingMarkers, MissingMarkers.FIELD));
            } catch (IllegalArgumentException e) {
                throw RefusedUploadException.badOption(name, e.getMessage());
            }
        }
        return uploads.accept(
                file, new SourceOptions(Optional.ofNullable(sheet), Optional.ofNullable(encoding), markers));
    }
}
