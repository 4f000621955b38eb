package dev.assay.api;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultMatcher;

/** What every error answer of the api is: problem+json with its status, a title naming the problem and a detail. */
public final class ProblemJson {

    private ProblemJson() {}

    public static ResultMatcher problem(int status, String title) {
        return all(
                status().is(status),
                content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.status").value(status),
                jsonPath("$.title").value(title),
                jsonPath("$.detail").value(Matchers.not(Matchers.emptyOrNullString())),
                // Never the server's insides.
                content().string(Matchers.not(Matchers.containsString("Exception"))),
                content().string(Matchers.not(Matchers.containsString("\tat "))));
    }

    private static ResultMatcher all(ResultMatcher... matchers) {
        return result -> {
            for (ResultMatcher matcher : matchers) {
                matcher.match(result);
            }
        };
    }

    /** The detail sentence contains this. */
    public static ResultMatcher detail(String fragment) {
        return jsonPath("$.detail").value(Matchers.containsString(fragment));
    }
}
