package dev.assay.api.jobs;

import dev.assay.api.identity.Actor;
import dev.assay.api.identity.Actors;
import dev.assay.api.metadata.Metadata;
import dev.assay.model.status.TaskStatus;
import dev.assay.runner.storage.StatusStore;
import dev.assay.runner.storage.TaskEvent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
@RequestMapping(JobViews.API + "/jobs")
@Tag(name = "jobs", description = "Uploaded datasets, their profiling and their runs")
public class JobsController {

    private final Jobs jobs;
    private final JobViews views;
    private final StatusStore statuses;
    private final JobStatusAnswers answers;

    private final Metadata metadata;
    private final Actors actors;

    public JobsController(
            Jobs jobs,
            JobViews views,
            StatusStore statuses,
            JobStatusAnswers answers,
            Metadata metadata,
            Actors actors) {
        this.metadata = metadata;
        this.actors = actors;
        this.jobs = jobs;
        this.views = views;
        this.statuses = statuses;
        this.answers = answers;
    }

    @GetMapping
    @Operation(summary = "Datasets, newest first")
    public List<JobListItem> list(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        Actor me = actors.current();
        if (me.admin()) {
            return statuses.jobs(limit).stream().map(views::listItem).toList();
        }
        return metadata.visibleDatasets(me, limit).stream()
                .map(statuses::get)
                .flatMap(Optional::stream)
                .map(views::listItem)
                .toList();
    }

    @GetMapping(path = "/{jobId}/status", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Where a dataset stands: status, progress, links, profile summary, latest run and all runs",
            description = "Carries an ETag; with If-None-Match the answer is 304 while nothing has changed.")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = JobStatusView.class)))
    public ResponseEntity<byte[]> status(@PathVariable String jobId, WebRequest request) {
        JobStatusAnswers.Answer answer = answers.answer(jobId);
        if (request.checkNotModified(answer.etag())) {
            return null;
        }
        return ResponseEntity.ok()
                .eTag(answer.etag())
                .cacheControl(CacheControl.noCache().cachePrivate())
                .contentType(MediaType.APPLICATION_JSON)
                .body(answer.json());
    }

    @GetMapping("/{jobId}/runs/{runId}")
    @Operation(summary = "One run of a plan on the dataset")
    public RunView run(@PathVariable String jobId, @PathVariable String runId) {
        return views.run(jobs.run(jobId, runId));
    }

    @GetMapping("/{jobId}/events")
    @Operation(summary = "Every status change of the dataset's profiling and of its runs, oldest first")
    public List<EventView> events(@PathVariable String jobId) {
        TaskStatus job = jobs.job(jobId);
        List<EventView> events = new ArrayList<>();
        add(events, job);
        statuses.runsOf(jobId).forEach(run -> add(events, run));
        events.sort(Comparator.comparing(EventView::at));
        return events;
    }

    private void add(List<EventView> events, TaskStatus task) {
        for (TaskEvent event : statuses.events(task.id())) {
            events.add(new EventView(
                    task.id(),
                    task.kind(),
                    event.at(),
                    event.status(),
                    event.progress(),
                    event.stage(),
                    event.error().orElse(null)));
        }
    }
}
