package dev.assay.api.assistant.planning;

import dev.assay.api.problem.ApiException;
import org.springframework.http.HttpStatus;

/** The assistant could not produce a plan; the detail says why in words a person can act on. */
public class AssistantException extends ApiException {

    public AssistantException(HttpStatus status, String title, String detail) {
        super(status, title, detail);
    }

    public static AssistantException unusableAnswer(String provider, String why) {
        return new AssistantException(
                HttpStatus.BAD_GATEWAY,
                "The assistant's answer could not be used",
                "The " + provider + " model did not answer with a valid plan, even after being told what was wrong: "
                        + why + ". Try rewording the request, or write the plan yourself.");
    }

    public static AssistantException timeout(String provider, java.time.Duration timeout) {
        return new AssistantException(
                HttpStatus.GATEWAY_TIMEOUT,
                "The assistant took too long",
                "The " + provider + " model did not answer within " + timeout.toSeconds()
                        + " s. Try again in a moment.");
    }

    public static AssistantException unavailable(String provider, int status) {
        return new AssistantException(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The assistant is unavailable",
                "The " + provider + " service answered " + status + (status == 429 ? " (too many requests)" : "")
                        + " after several attempts. Try again later, or set assay.assistant.provider=builtin.");
    }

    public static AssistantException refused(String provider, int status) {
        return new AssistantException(
                HttpStatus.BAD_GATEWAY,
                "The assistant refused the request",
                "The " + provider + " service refused the request (HTTP " + status
                        + "); check the model name and the API key.");
    }
}
