package dev.assay.api.problem;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An answer other than success that a person can act on: rendered as {@code application/problem+json} with
 * its status, a short title, a detail sentence and, where useful, extra members such as {@code errors}.
 * Feature packages declare their own subclasses (job not found, invalid plan, not a CSV…).
 */
public class ApiException extends ErrorResponseException {

    public ApiException(HttpStatus status, String title, String detail) {
        this(status, title, detail, Map.of());
    }

    public ApiException(HttpStatus status, String title, String detail, Map<String, Object> properties) {
        super(status, problem(status, title, detail, properties), null);
    }

    private static ProblemDetail problem(
            HttpStatus status, String title, String detail, Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
