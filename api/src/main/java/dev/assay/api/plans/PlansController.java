package dev.assay.api.plans;

import dev.assay.model.json.Json;
import dev.assay.model.plan.schema.PlanSchema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "plans", description = "The plan format and its validation")
public class PlansController {

    private final Plans plans;

    public PlansController(Plans plans) {
        this.plans = plans;
    }

    @PostMapping(path = "/plans/validate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Check a plan against a profiled dataset without running it",
            description = "200 with valid=false and the errors when the plan has problems, and the warnings of steps "
                    + "that would likely damage the data or the evaluation (they do not stop the plan), and the plan in plain words "
                    + "(summary: the model's target and features, and every step's columns by name); 404 unknown job; "
                    + "409 when the dataset is not profiled yet.")
    public PlanCheck validate(@Valid @RequestBody ValidatePlanRequest request) {
        dev.assay.model.plan.validation.PlanReview review = plans.review(request.jobId(), request.plan());
        return new PlanCheck(
                review.valid(), review.errors(), review.warnings(), plans.summary(request.jobId(), request.plan()));
    }

    @GetMapping(path = "/plan-schema", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The plan's JSON Schema (draft 2020-12), derived from the action whitelist")
    public String planSchema() {
        return Schema.JSON;
    }

    /**
     * Derived once from the action records in model/; the same schema constrains LLM answers. In a holder of its own
     * so that it is derived at the first use (or by {@link PlanSchemaWarmUp} just after readiness), not while the
     * context is built: deriving the schemas and their validators costs a few hundred milliseconds of the start.
     */
    private static final class Schema {
        static final String JSON = Json.writePretty(PlanSchema.plan());
    }
}
