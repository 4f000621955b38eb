package dev.assay.api.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that happen before a controller is reached (a malformed request the container refuses, a failure in
 * a filter) get the same problem+json as everything else, instead of Spring Boot's default error page. The
 * container's own message is not repeated: it may carry internals.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping(
            path = "${server.error.path:/error}",
            produces = {"application/problem+json", "application/json", "*/*"})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer number && HttpStatus.resolve(number) != null
                ? HttpStatus.resolve(number)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String detail = switch (status) {
            case NOT_FOUND -> "no such endpoint or page: " + (uri == null ? "" : uri);
            case BAD_REQUEST -> "the request could not be read: check the URL (encoded characters) and headers";
            case CONTENT_TOO_LARGE -> "the request is too large";
            default -> status.is5xxServerError() ? internalError(request, uri) : status.getReasonPhrase();
        };
        ProblemDetail problem = ApiExceptionHandler.problem(status, status.getReasonPhrase(), detail);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String internalError(HttpServletRequest request, Object uri) {
        String reference = ApiExceptionHandler.reference();
        Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        log.error(
                "error outside the controllers (reference {}) on {}",
                reference,
                uri,
                error instanceof Throwable t ? t : null);
        return "internal error (reference " + reference + "); see the server log";
    }
}
