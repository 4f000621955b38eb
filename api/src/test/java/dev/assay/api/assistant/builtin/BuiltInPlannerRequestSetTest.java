package dev.assay.api.assistant.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.assistant.RequestSet;
import dev.assay.api.assistant.planning.PlannerAnswer;
import dev.assay.api.assistant.planning.PlanningRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in planner on the development requests and on the held-out requests (written before the planner was
 * changed for issue 20, half of them on datasets it was never tuned on). Prints the score per category and overall;
 * examples/assistant/README.md states the matching rule. Held-out 2 to 7 were written by reviewers after the
 * change without reading the planner; {@link #sets()} says where each floor comes from.
 */
class BuiltInPlannerRequestSetTest {

    private final BuiltInPlanner planner = new BuiltInPlanner();

    /**
     * One request file and the share of its requests the planner must match. A new set is one more line in
     * {@link #sets()}, with the note on where its floor comes from.
     */
    record Part(String name, Path file, double floor) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Path heldOut(String file) {
        return Path.of("src", "test", "resources", "assistant", file);
    }

    static List<Part> sets() {
        return List.of(
                new Part("development", Path.of("..", "examples", "assistant", "prompts-dev.jsonl"), 0.90),
                new Part("held-out", heldOut("prompts-heldout.jsonl"), 0.90),
                // Held-out 2: written by a reviewer who had not read the planner's code or vocabulary, after the
                // planner was changed for issue 20. The floor is not tuned to pass: the first run (2026-12-06)
                // matched 46 of 60 (76.7 %); the floor is 10 points under that, rounded down to a multiple of 5 %,
                // so it catches a regression without being set to whatever the planner happens to score.
                new Part("held-out 2 (reviewer, written after the change)", heldOut("prompts-heldout-2.jsonl"), 0.65),
                // Held-out 3: 88 requests on thirteen datasets, written by a second reviewer who had not read the
                // planner's code or vocabulary. First run (2026-12-06, planner of commit 04e364b): 58 of 88
                // (65.9 %); the floor is 10 points under that, rounded down to a multiple of 5 %.
                new Part("held-out 3 (second reviewer)", heldOut("prompts-heldout-3.jsonl"), 0.55),
                // Held-out 4: 79 requests on thirteen datasets, by a third reviewer who had read neither the
                // planner's code and vocabulary nor the other request files. First run (2026-12-06, planner of
                // commit b6a4ff7): 59 of 79 (74.7 %); the floor is 10 points under that, rounded down to 5 %.
                new Part("held-out 4 (third reviewer)", heldOut("prompts-heldout-4.jsonl"), 0.60),
                // Held-out 5: 88 requests on thirteen datasets, by a fourth reviewer who had read neither the
                // planner's code and vocabulary nor any other request file, before the planner was changed for
                // held-out 4's kinds. First run (2026-12-06, planner of commit 8f2ec17): 54 of 88 (61.4 %); the
                // floor is a few points under that, rounded down to a multiple of 5 %.
                new Part("held-out 5 (fourth reviewer)", heldOut("prompts-heldout-5.jsonl"), 0.55),
                // Held-out 6: 81 requests on thirteen datasets, by a fifth reviewer who had read neither the
                // planner's code and vocabulary nor any other request file (nor their history). First run
                // (2026-12-06, planner of commit cb7f6a7): 58 of 81 (71.6 %); the floor is a few points under
                // that, rounded down to a multiple of 5 %.
                new Part("held-out 6 (fifth reviewer)", heldOut("prompts-heldout-6.jsonl"), 0.65),
                // Held-out 7: 84 requests (12 per category) on thirteen datasets, by a sixth reviewer who had read
                // neither the planner's code and vocabulary nor any other request file (nor their history). First run
                // (2026-12-06, planner of commit 0d6454d): 61 of 84 (72.6 %); the floor is a few points under that,
                // rounded down to a multiple of 5 %.
                new Part("held-out 7 (sixth reviewer)", heldOut("prompts-heldout-7.jsonl"), 0.65),
                // Held-out 8: 84 requests (12 per category) on thirteen datasets, by a seventh reviewer who had read
                // neither the planner's code and vocabulary nor any other request file's wordings. First run
                // (2026-12-07, planner of commit ed70cbb, before that session's rules round): 54 of 84 (64.3 %);
                // the floor is a few points under that, rounded down to a multiple of 5 %.
                new Part("held-out 8 (seventh reviewer)", heldOut("prompts-heldout-8.jsonl"), 0.60),
                // Held-out 9: 84 requests (12 per category) on all thirteen datasets, by an eighth reviewer who had
                // read neither the planner's code and vocabulary nor any other request file's wordings, written
                // before the round for held-out 8's kinds and kept from it. First run (2026-12-07, planner of commit
                // 88796a5, before that round): 48 of 84 (57.1 %); the floor is a few points under that, rounded down
                // to a multiple of 5 %.
                new Part("held-out 9 (eighth reviewer)", heldOut("prompts-heldout-9.jsonl"), 0.50),
                // Held-out 10: 84 requests (12 per category) on all thirteen datasets, by a ninth reviewer who had
                // read neither the planner's code and vocabulary nor any other request file's wordings, written
                // before the round for held-out 9's kinds and kept from it. First run (2026-12-07, planner of commit
                // 82e4689, before that round): 60 of 84 (71.4 %); the floor is a few points under that, rounded down
                // to a multiple of 5 %.
                new Part("held-out 10 (ninth reviewer)", heldOut("prompts-heldout-10.jsonl"), 0.65),
                // Held-out 11: 84 requests (12 per category) on all thirteen datasets, by a tenth reviewer under the
                // same rules, written before the round for held-out 10's kinds and kept from it. First run
                // (2026-12-07, planner of commit 6b4ad21, before that round): 61 of 84 (72.6 %); the floor is a few
                // points under that, rounded down to a multiple of 5 %.
                new Part("held-out 11 (tenth reviewer)", heldOut("prompts-heldout-11.jsonl"), 0.65),
                // Held-out 12: 84 requests (12 per category) on all thirteen datasets, by an eleventh reviewer under
                // the same rules, written before the round for held-out 11's kinds and kept from it. First run
                // (2026-12-07, planner of commit cd91584, before that round): 66 of 84 (78.6 %); the floor is a few
                // points under that, rounded down to a multiple of 5 %.
                new Part("held-out 12 (eleventh reviewer)", heldOut("prompts-heldout-12.jsonl"), 0.70),
                // Held-out 13: 84 requests (12 per category) on all thirteen datasets, by a twelfth reviewer under
                // the same rules, written before the round for the trust check's and held-out 12's quiet kinds and
                // kept from it. First run (2026-12-07, planner of commit 9c51386, before that round): 61 of 84
                // (72.6 %); the floor is a few points under that, rounded down to a multiple of 5 %.
                new Part("held-out 13 (twelfth reviewer)", heldOut("prompts-heldout-13.jsonl"), 0.65),
                // Held-out 14: 84 requests (12 per category) on all thirteen datasets, by a thirteenth reviewer under
                // the same rules (who also never saw held-out 13), written before the round for held-out 13's kinds and
                // kept from it. First run (2026-12-07, planner of commit 1f30534, before that round): 55 of 84
                // (65.5 %); the floor is a few points under that, rounded down to a multiple of 5 %.
                new Part("held-out 14 (thirteenth reviewer)", heldOut("prompts-heldout-14.jsonl"), 0.60),
                // Held-out 15: 84 requests (12 per category) on all thirteen datasets, by a fourteenth reviewer under
                // the same rules, written before the round for held-out 14's kinds and kept from it. First run
                // (2026-12-07, planner of commit c762be0, before that round): 65 of 84 (77.4 %); the floor is a few
                // points under that, rounded down to a multiple of 5 %.
                new Part("held-out 15 (fourteenth reviewer)", heldOut("prompts-heldout-15.jsonl"), 0.70),
                // Held-out 16: 84 requests (12 per category) on all thirteen datasets, by a fifteenth reviewer under
                // the same rules, written before the round for held-out 15's kinds and kept from it. First run
                // (2026-12-07, planner of commit bbc93e0, before that round): 60 of 84 (71.4 %); the floor is a few
                // points under that, rounded down to a multiple of 5 %.
                new Part("held-out 16 (fifteenth reviewer)", heldOut("prompts-heldout-16.jsonl"), 0.65),
                // Held-out 17: 84 requests (12 per category) on all thirteen datasets, by a sixteenth reviewer under
                // the same rules, written before the round for held-out 16's kinds and kept from it. First run
                // (2026-12-07, planner of commit da9974e, before that round): 61 of 84 (72.6 %); the floor is a few
                // points under that, rounded down to a multiple of 5 %.
                new Part("held-out 17 (sixteenth reviewer)", heldOut("prompts-heldout-17.jsonl"), 0.65),
                // Held-out 18: 84 requests (12 per category) on all thirteen datasets, by an eighteenth reviewer under
                // the same rules, written before the round for the quiet kinds found in this session's trust probes
                // and kept from it. First run (2026-12-07, planner of commit a3cc0e8, before that round): 61 of 84
                // (72.6 %);
                // the floor is a few points under that, rounded down to a multiple of 5 %.
                new Part("held-out 18 (eighteenth reviewer)", heldOut("prompts-heldout-18.jsonl"), 0.65),
                // Held-out 19: 84 requests (12 per category) on all thirteen datasets, by a nineteenth reviewer under
                // the same rules, written at the start of the round on methods Assay does not have and kept from it.
                // First run (2026-12-07, planner of commit 9c3058f, before that round): 71 of 84 (84.5 %); the floor
                // is a few points under that, rounded down to a multiple of 5 %.
                new Part("held-out 19 (nineteenth reviewer)", heldOut("prompts-heldout-19.jsonl"), 0.80),
                // Held-out 20: 84 requests by a twentieth reviewer under the same rules, written blind at the start of
                // the round on created columns among a model's inputs and gaps said by kind. First run (2026-12-07,
                // planner of commit 5227011, before that round): 60 of 84 (71.4 %); the floor is a few points under
                // that, rounded down to a multiple of 5 %.
                new Part("held-out 20 (twentieth reviewer)", heldOut("prompts-heldout-20.jsonl"), 0.65),
                // Study 18: 98 requests by a seventeenth reviewer under the same rules, written blind to be studied
                // in the round for held-out 16's kinds (not a held-out set: its misses were read). First run
                // (2026-12-07, on 855e526, part-way through that round): 63 of 98 (64.3 %); the floor is a few points
                // under that.
                new Part("study 18 (seventeenth reviewer, studied)", heldOut("prompts-study-18.jsonl"), 0.60));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void matchesAtLeastTheFloorOfEachRequestSet(Part part) {
        double share = evaluate(part.name(), part.file());
        assertThat(share).as("share of %s matched", part.name()).isGreaterThanOrEqualTo(part.floor());
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
                misses.append(String.format(
                        "  miss %s [%s] \"%s\": %s%n    got %s%n",
                        request.id(),
                        request.category(),
                        request.prompt(),
                        outcome.why(),
                        answer.plan().actions()));
                misses.append(String.format("    said %s%n", answer.warnings()));
            }
        }
        double share = (double) matched / requests.size();
        StringBuilder report = new StringBuilder(misses);
        byCategory.forEach((category, score) -> report.append(String.format(
                "Built-in planner, %s, %-16s %3d of %3d (%5.1f %%)%n",
                part, category + ":", score[0], score[1], 100.0 * score[0] / score[1])));
        report.append(String.format(
                "Built-in planner, %s requests: %d of %d matched (%.1f %%)%n",
                part, matched, requests.size(), share * 100));
        System.out.print(report);
        return share;
    }

    private static PlanningRequest planning(RequestSet.Request request) {
        return new PlanningRequest(
                request.prompt(),
                RequestSet.profile(request.dataset()),
                null,
                new ArrayList<>(),
                request.conversation());
    }
}
