package dev.assay.model.plan.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.networknt.schema.ValidationMessage;
import dev.assay.model.dataset.DatasetSchema;
import dev.assay.model.json.Json;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.params.ActionParams;
import dev.assay.model.plan.params.ActionType;
import dev.assay.model.plan.params.Problems;
import dev.assay.model.plan.params.StepContext;
import dev.assay.model.plan.params.TrainModelParams;
import dev.assay.model.plan.schema.PlanSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The one validator every plan goes through, whoever wrote it (a planner, a person, a custom resource):
 * first the shape of each step against the schema derived from the action records, then the meaning of
 * each step against the dataset's schema as the steps before it leave it.
 */
public final class PlanValidator {

    private PlanValidator() {}

    /** Validates, or throws with every problem found. */
    public static ValidatedPlan validate(Plan plan, DatasetSchema schema) {
        Outcome outcome = run(plan, schema);
        if (!outcome.errors().isEmpty()) {
            throw new PlanValidationException(outcome.errors());
        }
        return new ValidatedPlan(plan, outcome.actions(), outcome.schema(), outcome.warnings());
    }

    /** Every problem of the plan; empty when it may run. */
    public static List<PlanError> check(Plan plan, DatasetSchema schema) {
        return run(plan, schema).errors();
    }

    /**
     * Every problem and every warning of the plan: the problems stop it, the warnings say which steps would likely
     * damage the data or the evaluation, with a better alternative. Warnings are judged on the steps that are valid.
     */
    public static PlanReview review(Plan plan, DatasetSchema schema) {
        Outcome outcome = run(plan, schema);
        return new PlanReview(outcome.errors(), outcome.warnings());
    }

    /**
     * What can be checked without the data: the plan's size, each step's shape against its action's schema,
     * and that a model, if any, is trained once and last. The operator checks this when a custom resource
     * arrives (the API server enforces only the action type); the runner then validates fully against the data.
     */
    public static List<PlanError> checkShape(Plan plan) {
        List<PlanError> errors = new ArrayList<>();
        if (plan.actions().isEmpty()) {
            errors.add(PlanError.ofPlan("actions", "the plan has no actions"));
        }
        if (plan.actions().size() > Plan.MAX_ACTIONS) {
            errors.add(PlanError.ofPlan(
                    "actions",
                    "the plan has " + plan.actions().size() + " actions; at most " + Plan.MAX_ACTIONS
                            + " are allowed"));
        }
        int trainings = 0;
        for (int i = 0; i < plan.actions().size(); i++) {
            Optional<ActionParams> params = bind(i, plan.actions().get(i), errors);
            if (params.isPresent() && params.get() instanceof TrainModelParams) {
                trainings++;
                if (i != plan.actions().size() - 1) {
                    errors.add(
                            PlanError.ofStep(i, "train_model", "", "train_model must be the last action of the plan"));
                }
            }
        }
        if (trainings > 1) {
            errors.add(PlanError.ofPlan("actions", "a plan trains at most one model"));
        }
        return errors;
    }

    private record Outcome(
            List<ValidatedAction> actions, DatasetSchema schema, List<PlanError> errors, List<PlanWarning> warnings) {}

    private static Outcome run(Plan plan, DatasetSchema schema) {
        List<PlanError> errors = new ArrayList<>();
        if (plan.explanation().length() > Plan.MAX_EXPLANATION) {
            errors.add(PlanError.ofPlan("explanation", "is longer than " + Plan.MAX_EXPLANATION + " characters"));
        }
        if (plan.actions().isEmpty()) {
            errors.add(PlanError.ofPlan("actions", "the plan has no actions"));
        }
        if (plan.actions().size() > Plan.MAX_ACTIONS) {
            errors.add(PlanError.ofPlan(
                    "actions",
                    "the plan has " + plan.actions().size() + " actions; at most " + Plan.MAX_ACTIONS
                            + " are allowed"));
        }

        List<Optional<ActionParams>> bound = new ArrayList<>();
        for (int i = 0; i < plan.actions().size(); i++) {
            bound.add(bind(i, plan.actions().get(i), errors));
        }
        Optional<String> target = bound.stream()
                .flatMap(Optional::stream)
                .filter(TrainModelParams.class::isInstance)
                .map(p -> ((TrainModelParams) p).target())
                .reduce((first, second) -> second);

        List<ValidatedAction> actions = new ArrayList<>();
        List<PlanWarning> warnings = new ArrayList<>();
        java.util.Set<String> fromTarget = new java.util.LinkedHashSet<>();
        DatasetSchema current = schema;
        boolean trained = false;
        for (int i = 0; i < bound.size(); i++) {
            if (bound.get(i).isEmpty()) {
                continue;
            }
            ActionParams params = bound.get(i).get();
            String action = params.type().wireName();
            if (params instanceof TrainModelParams && trained) {
                errors.add(PlanError.ofStep(i, action, "", "a plan trains at most one model"));
                continue;
            }
            trained |= params instanceof TrainModelParams;
            StepContext context = new StepContext(target, i == bound.size() - 1);
            Problems problems = new Problems();
            params.check(current, context, problems);
            if (problems.isEmpty()) {
                SemanticChecks.review(i, params, current, context, fromTarget, warnings);
                current = params.project(current, context);
                actions.add(new ValidatedAction(i, params, context));
            } else {
                for (Problems.Problem problem : problems.list()) {
                    errors.add(PlanError.ofStep(i, action, problem.field(), problem.message()));
                }
            }
        }
        errors.sort(Comparator.comparingInt(e -> e.actionIndex().orElse(-1)));
        warnings.sort(Comparator.comparingInt(PlanWarning::actionIndex).thenComparing(PlanWarning::severity));
        return new Outcome(actions, current, errors, warnings);
    }

    /** Checks one step's shape and binds its params to the action's record. */
    private static Optional<ActionParams> bind(int index, PlanStep step, List<PlanError> errors) {
        if (step == null || step.type() == null) {
            errors.add(PlanError.ofStep(
                    index,
                    "",
                    "type",
                    "each action needs a type, one of "
                            + String.join(
                                    ", ",
                                    java.util.Arrays.stream(ActionType.values())
                                            .map(ActionType::wireName)
                                            .toList())));
            return Optional.empty();
        }
        ActionType type = step.type();
        JsonNode params = Json.mapper().valueToTree(step.params());
        List<PlanError> shape = new ArrayList<>();
        for (ValidationMessage message : PlanSchema.validator(type).validate(params)) {
            shape.add(PlanError.ofStep(index, type.wireName(), fieldOf(message), sentenceOf(message)));
        }
        if (!shape.isEmpty()) {
            errors.addAll(shape);
            return Optional.empty();
        }
        try {
            return Optional.of(Json.strict().treeToValue(params, type.paramsType()));
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty()
                    ? ""
                    : String.valueOf(e.getPath().getFirst().getFieldName());
            errors.add(PlanError.ofStep(index, type.wireName(), field, "has a value of the wrong kind"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            errors.add(PlanError.ofStep(index, type.wireName(), "", "the parameters cannot be read"));
        }
        return Optional.empty();
    }

    private static String fieldOf(ValidationMessage message) {
        if (message.getProperty() != null) {
            return message.getProperty();
        }
        String location = message.getInstanceLocation().toString();
        String path = location.startsWith("$.") ? location.substring(2) : "";
        int end = path.indexOf('[') >= 0 ? path.indexOf('[') : path.indexOf('.');
        return end >= 0 ? path.substring(0, end) : path;
    }

    private static String sentenceOf(ValidationMessage message) {
        String text = message.getMessage();
        String location = message.getInstanceLocation().toString();
        // networknt prefixes the JSON path; the field is reported separately.
        if (text.startsWith(location + ": ")) {
            text = text.substring(location.length() + 2);
        }
        return text;
    }
}
