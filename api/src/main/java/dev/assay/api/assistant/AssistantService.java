package dev.assay.api.assistant;

import dev.assay.api.assistant.planning.Explanations;
import dev.assay.api.assistant.planning.Planner;
import dev.assay.api.assistant.planning.PlannerAnswer;
import dev.assay.api.assistant.planning.PlanningRequest;
import dev.assay.api.assistant.planning.PromptContext;
import dev.assay.api.assistant.planning.UnavailableMethods;
import dev.assay.api.audit.Audit;
import dev.assay.api.audit.AuditAction;
import dev.assay.api.jobs.Ids;
import dev.assay.api.jobs.Jobs;
import dev.assay.api.plans.PlanSummary;
import dev.assay.model.json.Json;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.validation.PlanError;
import dev.assay.model.plan.validation.PlanValidator;
import dev.assay.model.profile.Profile;
import dev.assay.runner.storage.ArtifactKeys;
import dev.assay.runner.storage.ArtifactStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * From a request in plain words to a validated plan: builds the context from the job's profile, asks the
 * configured planner, keeps exactly what was sent as the job's context.json, and passes the plan through
 * the one validator. Built-in plans lose any step that does not fit the data, with the reason as a warning.
 */
@Service
public class AssistantService {

    private static final Logger LOG = LoggerFactory.getLogger(AssistantService.class);

    private final Jobs jobs;
    private final ArtifactStore artifacts;
    private final Planner planner;
    private final ContextBuilder contexts = new ContextBuilder();

    private final Audit audit;

    public AssistantService(Jobs jobs, ArtifactStore artifacts, Planner planner, Audit audit) {
        this.audit = audit;
        this.jobs = jobs;
        this.artifacts = artifacts;
        this.planner = planner;
    }

    /**
     * Proposes a plan and records the request in the audit trail: the prompt, the provider and model, and the size
     * and SHA-256 of what was sent to the provider (so a copy can be matched to the record) — never the data.
     */
    public PlanProposal propose(AssistantRequest request) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("prompt", request.prompt());
        details.put("provider", planner.name());
        planner.model().ifPresent(m -> details.put("model", m));
        try {
            PlanProposal proposal = propose(request, details);
            details.put("actions", proposal.actions().size());
            audit.success(AuditAction.ASSISTANT, Optional.of(request.jobId()), Optional.empty(), details);
            return proposal;
        } catch (RuntimeException e) {
            audit.failure(AuditAction.ASSISTANT, Optional.of(request.jobId()), details, e);
            throw e;
        }
    }

    private PlanProposal propose(AssistantRequest request, Map<String, Object> details) {
        Profile profile = jobs.profile(request.jobId());
        boolean consent = request.consent() && planner.remote();
        PromptContext context = contexts.build(
                request.prompt(),
                profile,
                consent,
                request.rows(),
                rows -> SampleRows.first(artifacts, request.jobId(), rows),
                request.conversation());
        String requestId = Ids.newAssistantId();
        LOG.info(
                "assistant {} for job {}: planner {}, {} sample rows",
                requestId,
                request.jobId(),
                planner.name(),
                context.sampleRows());
        List<Object> sent = new ArrayList<>();
        PlannerAnswer answer;
        try {
            answer =
                    planner.plan(new PlanningRequest(request.prompt(), profile, context, sent, request.conversation()));
        } finally {
            // Kept even when the planner failed: what left the system is recorded either way.
            store(ArtifactKeys.context(request.jobId(), requestId), record(request, requestId, context, sent));
            byte[] left = planner.remote() ? Json.write(sent).getBytes(StandardCharsets.UTF_8) : new byte[0];
            details.put("assistant_request_id", requestId);
            details.put("sample_rows_sent", planner.remote() ? context.sampleRows() : 0);
            details.put("bytes_sent", left.length);
            details.put("sha256_sent", sha256(left));
        }

        List<String> warnings = new ArrayList<>(answer.warnings());
        PlanningRequest planning =
                new PlanningRequest(request.prompt(), profile, context, sent, request.conversation());
        Plan plan = keepValidSteps(
                EncodedInputs.apply(ScopeCheck.apply(answer.plan(), planning, warnings), profile.schema(), warnings),
                profile,
                warnings);
        // Said of the plan the person sees: a planner's own lines about the plan before the checks above (which may
        // have left a step out) give way to lines about this one.
        warnings.removeAll(UnavailableMethods.warnings(
                request.prompt(), answer.plan().actions(), profile.variables().keySet()));
        warnings.addAll(UnavailableMethods.warnings(
                request.prompt(), plan.actions(), profile.variables().keySet()));
        // The planner's explanation was written for its own steps; where the checks above left a step out or changed
        // one, it would describe a plan the person does not get. It is then said again of the plan they do get.
        String explanation = plan.actions().equals(answer.plan().actions())
                ? plan.explanation()
                : Explanations.of(plan.actions(), warnings);
        String contextUrl = "/api/v1/artifacts/" + request.jobId() + "/assistant/" + requestId + "/context.json";
        List<String> changes = request.conversation().plan().isEmpty()
                ? List.of()
                : PlanChanges.between(request.conversation().plan(), plan.actions());
        String provider = answer.mode().isEmpty() ? planner.name() : planner.name() + " (" + answer.mode() + ")";
        return new PlanProposal(
                explanation,
                plan.actions(),
                provider,
                warnings,
                contextUrl,
                context.sampleRows(),
                PlanSummary.of(plan.actions(), profile.schema()),
                changes,
                plan.actions().isEmpty()
                        ? List.of()
                        : PlanValidator.review(plan, profile.schema()).warnings());
    }

    /** Drops steps that do not fit the data (a built-in plan may name a text column to scale), saying why. */
    private static Plan keepValidSteps(Plan plan, Profile profile, List<String> warnings) {
        if (plan.actions().isEmpty()) {
            return plan;
        }
        List<PlanStep> kept = new ArrayList<>(plan.actions());
        List<PlanError> errors = PlanValidator.check(new Plan(plan.explanation(), kept), profile.schema());
        while (!errors.isEmpty() && !kept.isEmpty()) {
            PlanError first = errors.getFirst();
            int index = first.actionIndex().orElse(kept.size() - 1);
            warnings.add("Left out " + kept.get(index).type().wireName() + ": " + first.message() + ".");
            kept.remove(index);
            errors = kept.isEmpty()
                    ? List.of()
                    : PlanValidator.check(new Plan(plan.explanation(), kept), profile.schema());
        }
        return new Plan(plan.explanation(), kept);
    }

    private Map<String, Object> record(
            AssistantRequest request, String requestId, PromptContext context, List<Object> sent) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("request_id", requestId);
        record.put("job_id", request.jobId());
        record.put("created_at", Instant.now().toString());
        record.put("planner", planner.name());
        record.put("consent_send_sample", request.consent());
        record.put("sample_rows_sent", planner.remote() ? context.sampleRows() : 0);
        if (planner.remote()) {
            record.put(
                    "left_assay",
                    "every request body below was sent to the " + planner.name() + " provider; "
                            + "API keys travel in headers and are not recorded");
            record.put("sent", sent);
        } else {
            record.put("left_assay", "nothing: the built-in planner runs inside Assay");
            record.put("sent", List.of());
        }
        record.put("system", context.system());
        record.put("user", context.user());
        return record;
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private void store(String key, Object record) {
        byte[] json = Json.writePretty(record).getBytes(StandardCharsets.UTF_8);
        try {
            artifacts.put(key, new ByteArrayInputStream(json), json.length, "application/json");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + key, e);
        }
    }
}
