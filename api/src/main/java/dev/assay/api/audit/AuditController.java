package dev.assay.api.audit;

import dev.assay.api.identity.Actor;
import dev.assay.api.identity.Actors;
import dev.assay.api.problem.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/** The audit trail: a person reads their own events; an admin reads everyone's. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(
        name = "audit",
        description = "Who did what: sign-ins, uploads, assistant requests, applied plans, downloads, deletes")
public class AuditController {

    static final MediaType JSON_LINES = MediaType.parseMediaType("application/jsonl");

    private final Audit audit;
    private final Actors actors;
    private final JsonMapper mapper;

    public AuditController(Audit audit, Actors actors, JsonMapper mapper) {
        this.audit = audit;
        this.actors = actors;
        this.mapper = mapper;
    }

    @GetMapping
    @Operation(
            summary = "Audit events, newest first, a page at a time",
            description = "Filters: actor (admins only; others always get their own), action (sign_in, upload, "
                    + "assistant, apply, download, delete), outcome (success, failure, denied), dataset_id, from, to "
                    + "(ISO-8601 instants, from inclusive, to exclusive). 400 names a filter that cannot be read; "
                    + "403 a non-admin asking for someone else's events.")
    public Audit.Page list(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String outcome,
            @RequestParam(name = "dataset_id", required = false) String datasetId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return audit.page(query(actor, action, outcome, datasetId, from, to), page, size);
    }

    @GetMapping(path = "/export")
    @Operation(
            summary = "Every matching audit event as JSON Lines (application/jsonl), oldest first",
            description = "The filters of GET /api/v1/audit, without paging.")
    public ResponseEntity<StreamingResponseBody> export(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String outcome,
            @RequestParam(name = "dataset_id", required = false) String datasetId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        Audit.Query query = query(actor, action, outcome, datasetId, from, to);
        StreamingResponseBody body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            audit.each(query, event -> {
                try {
                    writer.write(mapper.writeValueAsString(event));
                    writer.write('\n');
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(JSON_LINES)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"assay-audit.jsonl\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(body);
    }

    private Audit.Query query(String actor, String action, String outcome, String datasetId, String from, String to) {
        Actor me = actors.current();
        Optional<String> whose = Optional.ofNullable(actor).filter(a -> !a.isBlank());
        if (!me.admin()) {
            if (whose.isPresent() && !whose.get().equals(me.name())) {
                throw new ApiException(
                        HttpStatus.FORBIDDEN,
                        "Not allowed",
                        "only an admin reads the events of others; leave out 'actor' to read your own");
            }
            whose = Optional.of(me.name());
        }
        Optional<String> act = Optional.ofNullable(action).filter(a -> !a.isBlank());
        if (act.isPresent()
                && Arrays.stream(AuditAction.values())
                        .noneMatch(a -> a.wireName().equals(act.get()))) {
            throw invalid("action", act.get(), "one of sign_in, upload, assistant, apply, download, delete");
        }
        Optional<String> out = Optional.ofNullable(outcome).filter(o -> !o.isBlank());
        if (out.isPresent() && !out.get().matches("success|failure|denied")) {
            throw invalid("outcome", out.get(), "one of success, failure, denied");
        }
        return new Audit.Query(
                whose,
                act,
                out,
                Optional.ofNullable(datasetId).filter(d -> !d.isBlank()),
                instant("from", from),
                instant("to", to));
    }

    private static Optional<Instant> instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw invalid(field, value, "an ISO-8601 instant such as 2026-12-06T14:00:00Z");
        }
    }

    private static ApiException invalid(String field, String value, String expected) {
        String shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        return new ApiException(
                HttpStatus.BAD_REQUEST, "Invalid filter", "'" + field + "' is '" + shown + "'; it must be " + expected);
    }
}
