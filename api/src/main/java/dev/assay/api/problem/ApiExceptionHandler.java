package dev.assay.api.problem;

import dev.assay.api.executor.ExecutorBusyException;
import dev.assay.model.plan.params.ActionType;
import dev.assay.model.plan.validation.PlanError;
import dev.assay.model.plan.validation.PlanReader;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Turns every failure of a request into {@code application/problem+json} with words a person can act on:
 * which field of the body, which limit, what to do next. Never a stack trace: unexpected errors are logged
 * with a reference that the answer quotes.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final String uploadLimit;

    public ApiExceptionHandler(dev.assay.api.config.AssayProperties properties) {
        this.uploadLimit = Sizes.describe(properties.upload().maxSize().toBytes());
    }

    @ExceptionHandler(ExecutorBusyException.class)
    ResponseEntity<ProblemDetail> busy(ExecutorBusyException e) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Busy", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** Redis unreachable, S3 unreachable: nothing the person did wrong; worth trying again. */
    @ExceptionHandler({
        redis.clients.jedis.exceptions.JedisException.class,
        IOException.class,
        java.io.UncheckedIOException.class
    })
    ResponseEntity<ProblemDetail> storeUnavailable(Exception e, WebRequest request) {
        if (isClientGone(e, request)) {
            log.debug("client went away: {}", e.toString());
            return null;
        }
        String reference = reference();
        log.warn("store failure (reference {}) on {}", reference, describe(request), e);
        ProblemDetail problem = problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Storage unavailable",
                "the status or artifact store cannot be reached right now (reference " + reference
                        + "); try again shortly");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "10")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /**
     * A multipart body the container could not read: malformed framing, too many parts, a part's headers too
     * long, or no room to spool the file. (Over the size limit has its own answer, 413.)
     */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<ProblemDetail> unreadableMultipart(
            org.springframework.web.multipart.MultipartException e, WebRequest request) {
        String causes = causes(e);
        log.info("unreadable multipart body on {}: {}", describe(request), causes);
        if (causes.contains("No space left")) {
            return ResponseEntity.status(HttpStatus.INSUFFICIENT_STORAGE)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem(
                            HttpStatus.INSUFFICIENT_STORAGE,
                            "Disk full",
                            "the server's disk is full and cannot receive the file; ask the operator to free space"));
        }
        String detail;
        if (causes.contains("FileCountLimitExceeded") || causes.contains("count limit")) {
            detail = "the form has too many parts; send the file in one part named 'file' (at most "
                    + dev.assay.api.web.WebConfiguration.MAX_PARTS + " parts)";
        } else if (causes.contains("Header section has more than") || causes.contains("header")) {
            detail = "a part's headers are too long; a file name may be at most 255 bytes";
        } else {
            detail = "the multipart/form-data body is malformed ("
                    + (causes.contains("boundary")
                            ? "no boundary, or the closing boundary is missing"
                            : "it ends before it is complete")
                    + "); send the file as multipart/form-data in a part named 'file'";
        }
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.BAD_REQUEST, "Unreadable upload", detail));
    }

    private static String causes(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 2_000; t = t.getCause()) {
            text.append(t.getClass().getSimpleName())
                    .append(": ")
                    .append(t.getMessage())
                    .append(" | ");
        }
        return text.toString();
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, WebRequest request) {
        String reference = reference();
        log.error("unexpected error (reference {}) on {}", reference, describe(request), e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "Internal error",
                        "internal error (reference " + reference + "); see the server log"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem =
                problem(HttpStatus.BAD_REQUEST, "Unreadable request body", "the request body is missing");
        Throwable cause = e.getCause();
        if (cause instanceof StreamConstraintsException) {
            problem.setDetail("the request body is too large or too deeply nested");
        } else if (cause instanceof StreamReadException syntax
                && String.valueOf(syntax.getOriginalMessage()).startsWith("Duplicate")) {
            problem.setDetail("the request body names the same key twice (line "
                    + syntax.getLocation().getLineNr()
                    + ", column " + syntax.getLocation().getColumnNr() + "): " + syntax.getOriginalMessage()
                    + "; give each key once");
        } else if (cause instanceof StreamReadException syntax) {
            problem.setDetail("the request body is not valid JSON (line "
                    + syntax.getLocation().getLineNr() + ", column "
                    + syntax.getLocation().getColumnNr() + ")");
        } else if (cause instanceof JacksonException mapping) {
            String path = path(mapping.getPath());
            String message = mappingMessage(mapping);
            problem.setDetail((path.isEmpty() ? "" : path + ": ") + message);
            planError(mapping.getPath(), message).ifPresent(error -> problem.setProperty("errors", List.of(error)));
        }
        return problem(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<PlanError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> PlanError.ofPlan(snakeCase(f.getField()), messageOf(f)))
                .toList();
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "Invalid request",
                errors.stream().map(PlanError::describe).collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return problem(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            org.springframework.web.method.annotation.HandlerMethodValidationException e,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        List<PlanError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> PlanError.ofPlan(
                                snakeCase(result.getMethodParameter().getParameterName()),
                                error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "Invalid request",
                errors.stream().map(PlanError::describe).collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return problem(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String causes = causes(e);
        // Spring reads any "exceeded" limit of the container as a size; only the sizes are one.
        if (!causes.contains("SizeLimitExceeded")
                && !causes.contains("FileSizeLimitExceeded")
                && !causes.contains("size limit")) {
            return new ResponseEntity<>(unreadableMultipart(e, request).getBody(), HttpStatus.BAD_REQUEST);
        }
        return problem(problem(
                HttpStatus.CONTENT_TOO_LARGE,
                "File too large",
                "the file is larger than the upload limit of " + uploadLimit
                        + "; split it or ask the operator to raise " + "assay.upload.max-size"));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(
            MissingServletRequestPartException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(problem(
                HttpStatus.BAD_REQUEST,
                "No file",
                "send the CSV as multipart/form-data in a part named '" + e.getRequestPartName() + "'"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String expected = e.getSupportedMediaTypes().stream()
                .map(MediaType::toString)
                .distinct()
                .collect(Collectors.joining(" or "));
        return problem(problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Unsupported content type",
                "this endpoint takes " + (expected.isEmpty() ? "another content type" : expected)
                        + (e.getContentType() == null ? "" : ", not " + e.getContentType())));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(
                HttpStatus.METHOD_NOT_ALLOWED,
                "Method not allowed",
                e.getMethod() + " is not allowed here; use "
                        + String.join(
                                " or ", e.getSupportedMethods() == null ? new String[0] : e.getSupportedMethods()));
        HttpHeaders allow = new HttpHeaders();
        if (e.getSupportedHttpMethods() != null) {
            allow.setAllow(e.getSupportedHttpMethods());
        }
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .headers(allow)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(problem(
                HttpStatus.NOT_FOUND,
                "Not found",
                "no such endpoint or page: " + e.getHttpMethod() + " /" + e.getResourcePath()));
    }

    /** Everything Spring itself answers (405, 406, missing parameters…) gets the same problem+json shape. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getInstance() == null) {
            problem.setInstance(instance(request));
        }
        HttpHeaders merged = new HttpHeaders();
        merged.addAll(headers);
        merged.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, merged, status);
    }

    /**
     * The request's path as the problem's {@code instance}, unless it is absurdly long: a 5,000-character id is
     * not echoed back (the path is left at its first segments).
     */
    private static java.net.URI instance(WebRequest request) {
        String path = request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getRequestURI()
                : "/";
        if (path.length() > MAX_ECHOED_PATH || !path.matches("[A-Za-z0-9/._~%-]*")) {
            path = "/api/v1";
        }
        return java.net.URI.create(path);
    }

    private static final int MAX_ECHOED_PATH = 200;

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    private static String mappingMessage(JacksonException e) {
        if (e instanceof InvalidFormatException format) {
            if (format.getTargetType() == ActionType.class) {
                return "'" + format.getValue() + "' is not an action; allowed: " + PlanReader.allowedActions();
            }
            if (format.getTargetType() != null && format.getTargetType().isEnum()) {
                return "'" + format.getValue() + "' is not one of the allowed values";
            }
            return "'" + format.getValue() + "' is not a valid value here";
        }
        java.util.regex.Matcher missing = MISSING_PROPERTY.matcher(String.valueOf(e.getOriginalMessage()));
        if (missing.find()) {
            return "missing required field '" + missing.group(1) + "'";
        }
        if (e instanceof PropertyBindingException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "expected " + kindOf(mismatch.getTargetType());
        }
        return "has a value of the wrong kind";
    }

    private static final java.util.regex.Pattern MISSING_PROPERTY =
            java.util.regex.Pattern.compile("Missing required creator property '([^']+)'");

    private static String kindOf(Class<?> type) {
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "an object";
    }

    /** {@code actions[2].type}, as a person writing the JSON sees it. */
    static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** A problem inside {@code actions[i]} is also reported as a plan error, so the UI marks the step. */
    private static java.util.Optional<PlanError> planError(List<JacksonException.Reference> path, String message) {
        if (path.size() >= 2
                && "actions".equals(path.get(0).getPropertyName())
                && path.get(1).getIndex() >= 0) {
            String field = path.size() > 2 && path.get(2).getPropertyName() != null
                    ? path.get(2).getPropertyName()
                    : "";
            return java.util.Optional.of(PlanError.ofStep(path.get(1).getIndex(), "", field, message));
        }
        return java.util.Optional.empty();
    }

    private static String messageOf(FieldError error) {
        return error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage();
    }

    static String snakeCase(String javaPath) {
        return javaPath.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static boolean isClientGone(Exception e, WebRequest request) {
        if (e.getClass().getName().endsWith("ClientAbortException")) {
            return true;
        }
        return request instanceof ServletWebRequest servlet
                && servlet.getResponse() != null
                && servlet.getResponse().isCommitted();
    }

    private static String describe(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getMethod() + " " + servlet.getRequest().getRequestURI()
                : request.getDescription(false);
    }

    static String reference() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }
}
