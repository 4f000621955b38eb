package dev.assay.model.plan.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.assay.model.json.Json;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.params.ActionType;
import java.util.Arrays;
import java.util.List;

/** Reads a plan written as JSON text (an LLM's answer, a plan file) with errors a person can act on. */
public final class PlanReader {

    private PlanReader() {}

    public static Plan read(String json) {
        try {
            Plan plan = Json.strict().readValue(json, Plan.class);
            if (plan == null) {
                throw new PlanValidationException(List.of(PlanError.ofPlan("", "the plan is empty")));
            }
            return plan;
        } catch (InvalidFormatException e) {
            throw new PlanValidationException(List.of(errorAt(
                    e,
                    e.getTargetType() == ActionType.class
                            ? "'" + e.getValue() + "' is not an action; allowed: " + allowedActions()
                            : "'" + e.getValue() + "' is not allowed here")));
        } catch (UnrecognizedPropertyException e) {
            throw new PlanValidationException(List.of(errorAt(e, "unknown field '" + e.getPropertyName() + "'")));
        } catch (JsonMappingException e) {
            throw new PlanValidationException(List.of(errorAt(e, "has a value of the wrong kind")));
        } catch (JsonProcessingException e) {
            throw new PlanValidationException(List.of(PlanError.ofPlan(
                    "",
                    "not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")")));
        }
    }

    public static String allowedActions() {
        return String.join(
                ", ",
                Arrays.stream(ActionType.values()).map(ActionType::wireName).toList());
    }

    /** Turns Jackson's path ([actions][2][type]) into the step index and field. */
    private static PlanError errorAt(JsonMappingException e, String message) {
        List<JsonMappingException.Reference> path = e.getPath();
        if (path.size() >= 2
                && "actions".equals(path.get(0).getFieldName())
                && path.get(1).getIndex() >= 0) {
            String field = path.size() > 2 && path.get(2).getFieldName() != null
                    ? path.get(2).getFieldName()
                    : "";
            return PlanError.ofStep(path.get(1).getIndex(), "", field, message);
        }
        String field = path.isEmpty() || path.getFirst().getFieldName() == null
                ? ""
                : path.getFirst().getFieldName();
        return PlanError.ofPlan(field, message);
    }
}
