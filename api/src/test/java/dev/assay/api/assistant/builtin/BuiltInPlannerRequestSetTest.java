package dev.assay.api.assistant.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.assistant.PlannerAnswer;
import dev.assay.api.assistant.PlanningRequest;
import dev.assay.api.assistant.RequestSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The built-in planner on the development requests and on the held-out requests (written before the planner was
 * changed for issue 20, half of them on datasets it was never tuned on). Prints the score per category and overall;
 * examples/assistant/README.md states the matching rule. A third part, held-out 2, was written by a reviewer
 * after the change without reading the planner; held-out 3 by a second such reviewer, held-out 4 by a third,
 * held-out 5 by a fourth, held-out 6 by a fifth, held-out 7 by a sixth.
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
        assertThat(share).isGreaterThanOrEqualTo(0.90);
    }

    /**
     * Held-out 2: written by a reviewer who had not read the planner's code or vocabulary, after the planner was
     * changed for issue 20. The floor is not tuned to pass: the first run
     * (2026-12-06) matched 46 of 60 (76.7 %); the floor is 10 points under that, rounded down to a multiple of 5 %,
     * so it catches a regression without being set to whatever the planner happens to score.
     */
    @Test
    void heldOut2Requests() {
        double share = evaluate("held-out 2 (reviewer, written after the change)",
                Path.of("src", "test", "resources", "assistant", "prompts-heldout-2.jsonl"));
        assertThat(share).isGreaterThanOrEqualTo(0.65);
    }

    /**
     * Held-out 3: 88 requests on thirteen datasets, written by a second reviewer who had not read the planner's
     * code or vocabulary. The floor is not tuned to pass: the first run
     * (2026-12-06, on the planner of commit 04e364b) matched 58 of 88 (65.9 %); the floor is 10 points under
     * that, rounded down to a multiple of 5 %.
     */
    @Test
    void heldOut3Requests() {
        double share = evaluate("held-out 3 (second reviewer)",
                Path.of("src", "test", "resources", "assistant", "prompts-heldout-3.jsonl"));
        assertThat(share).isGreaterThanOrEqualTo(0.55);
    }

    /**
     * Held-out 4: 79 requests on thirteen datasets, written by a third reviewer who had read neither the planner's
     * code and vocabulary nor the other request files. The floor is not tuned to pass: the first run
     * (2026-12-06, on the planner of commit b6a4ff7) matched 59 of 79 (74.7 %); the floor is 10 points under
     * that, rounded down to a multiple of 5 %.
     */
    @Test
    void heldOut4Requests() {
        double share = evaluate("held-out 4 (third reviewer)",
                Path.of("src", "test", "resources", "assistant", "prompts-heldout-4.jsonl"));
        assertThat(share).isGreaterThanOrEqualTo(0.60);
    }

    /**
     * Held-out 5: 88 requests on thirteen datasets, written by a fourth reviewer who had read neither the planner's
     * code and vocabulary nor any other request file, before the planner was changed for held-out 4's kinds. The
     * floor is not tuned to pass: the first run (2026-12-06, on the planner of commit 8f2ec17) matched 54 of 88
     * (61.4 %); the floor is a few points under that, rounded down to a multiple of 5 %.
     */
    @Test
    void heldOut5Requests() {
        double share = evaluate("held-out 5 (fourth reviewer)",
                Path.of("src", "test", "resources", "assistant", "prompts-heldout-5.jsonl"));
        assertThat(share).isGreaterThanOrEqualTo(0.55);
    }

    /**
     * Held-out 6: 81 requests on thirteen datasets, written by a fifth reviewer who had read neither the planner's
     * code and vocabulary nor any other request file (nor their history). The floor is not tuned to pass: the first
     * run (2026-12-06, on the planner of commit cb7f6a7) matched 58 of 81
     * (71.6 %); the floor is a few points under that,
     * rounded down to a multiple of 5 %.
     */
    @Test
    void heldOut6Requests() {
        double share = evaluate("held-out 6 (fifth reviewer)",
                Path.of("src", "test", "resources", "assistant", "prompts-heldout-6.jsonl"));
        assertThat(share).isGreaterThanOrEqualTo(0.65);
    }

    /**
     * Held-out 7: 84 requests (12 per category) on thirteen datasets, written by a sixth reviewer who had read
     * neither the planner's code and vocabulary nor any other request file (nor their history). The floor is not tuned
     * to pass: the first run (2026-12-06, on the planner of commit 0d6454d) matched 61 of 84 (72.6 %); the floor is
     * a few points under that, rounded down to a multiple of 5 %.
     */
    @Test
    void heldOut7Requests() {
        double share = evaluate("held-out 7 (sixth reviewer)",
                Path.of("src", "test", "resources", "assistant", "prompts-heldout-7.jsonl"));
        assertThat(share).isGreaterThanOrEqualTo(0.65);
    }

    private double evaluate(String part, Path file) {
        List<RequestSet.Request> requests = RequestSet.read(file);
        Map<String, int[]> byCategory = new TreeMap<>();
        int matched = 0;
        StringBuilder misses = new StringBuilder();
        for (RequestSet.Request request : requests) {
            PlannerAnswer answer = planner.plan(planning(request));
            RequestSet.Outcome outcome = RequestSet.judge(request, answer.plan(), answer.warnings());
            int[] score = byCategory.computeIfAbsent(request.category(), c -> new int[2]);
            score[1]++;
            if (outcome.matched()) {
                matched++;
                score[0]++;
            } else {
                misses.append(String.format("  miss %s [%s] \"%s\": %s%n    got %s%n", request.id(), request.category(),
                        request.prompt(), outcome.why(), answer.plan().actions()));
                misses.append(String.format("    said %s%n", answer.warnings()));
            }
        }
        double share = (double) matched / requests.size();
        StringBuilder report = new StringBuilder(misses);
        byCategory.forEach((category, score) -> report.append(String.format("Built-in planner, %s, %-16s %3d of %3d (%5.1f %%)%n",
                part, category + ":", score[0], score[1], 100.0 * score[0] / score[1])));
        report.append(String.format("Built-in planner, %s requests: %d of %d matched (%.1f %%)%n", part, matched,
                requests.size(), share * 100));
        System.out.print(report);
        return share;
    }

    private static PlanningRequest planning(RequestSet.Request request) {
        return new PlanningRequest(request.prompt(), RequestSet.profile(request.dataset()), null, new ArrayList<>(),
                request.conversation());
    }
}
