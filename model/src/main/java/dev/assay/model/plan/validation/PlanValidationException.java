package dev.assay.model.plan.validation;

import java.util.List;
import java.util.stream.Collectors;

/** A plan that must not run, with every reason found. */
public final class PlanValidationException extends RuntimeException {

    private final transient List<PlanError> errors;

    public PlanValidationException(List<PlanError> errors) {
        super(errors.stream().map(PlanError::describe).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<PlanError> errors() {
        return errors;
    }
}
