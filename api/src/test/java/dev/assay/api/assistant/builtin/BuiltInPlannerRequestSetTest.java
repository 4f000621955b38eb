package dev.assay.api.assistant.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.assistant.PlanningRequest;
import dev.assay.api.assistant.RequestSet;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The built-in planner on the shared development requests and on a held-out set written before the planner
 * was tuned: other wordings of the same intents, on all six datasets.
 */
class BuiltInPlannerRequestSetTest {

    private final BuiltInPlanner planner = new BuiltInPlanner();

    @Test
    void developmentRequests() {
        double share = evaluate("development", Path.of("..", "examples", "assistant", "prompts-dev.jsonl"));
        assertThat(share).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void heldOutRequests() {
        double share = evaluate("held-out", Path.of("src", "test", "resources", "assistant", "prompts-heldout.jsonl"));
        assertThat(share).isGreaterThanOrEqualTo(0.80);
    }

    private double evaluate(String name, Path file) {
        List<RequestSet.Request> requests = RequestSet.read(file);
        int matched = 0;
        for (RequestSet.Request request : requests) {
            var answer = planner.plan(new PlanningRequest(request.prompt(), RequestSet.profile(request.dataset()), null));
            RequestSet.Outcome outcome = RequestSet.judge(request, answer.plan());
            if (outcome.matched()) {
                matched++;
            } else {
                System.out.printf("  miss %s \"%s\": %s%n    got %s%n", request.id(), request.prompt(), outcome.why(),
                        answer.plan().actions());
            }
        }
        double share = (double) matched / requests.size();
        System.out.printf("Built-in planner, %s requests: %d of %d matched (%.1f %%)%n", name, matched, requests.size(),
                share * 100);
        return share;
    }
}
