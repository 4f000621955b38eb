package dev.assay.api.plans;

import dev.assay.api.problem.ApiException;
import dev.assay.model.plan.validation.PlanError;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/** 422 with every problem of the plan in {@code errors}, each naming the action and the field. */
public class InvalidPlanException extends ApiException {

    public InvalidPlanException(List<PlanError> errors) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "Invalid plan",
                (errors.size() == 1 ? "1 problem" : errors.size() + " problems") + " in the plan: "
                        + errors.stream().map(PlanError::describe).collect(Collectors.joining("; ")),
                Map.of("errors", List.copyOf(errors)));
    }
}
