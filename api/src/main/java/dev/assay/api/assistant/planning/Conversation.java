package dev.assay.api.assistant.planning;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.assay.model.plan.PlanStep;
import java.util.List;

/**
 * What the person has so far: the current plan (as shown and perhaps edited) and the recent turns, oldest first,
 * each with the plan as it was before that turn's answer, so that "undo" can go back one answer.
 */
public record Conversation(
        @JsonProperty("plan") List<PlanStep> plan,
        @JsonProperty("turns") List<Turn> turns) {

    /** At most this many turns are kept: enough to undo, little to send to a remote model. */
    public static final int MAX_TURNS = 10;

    public Conversation {
        plan = plan == null ? List.of() : List.copyOf(plan);
        turns = turns == null
                ? List.of()
                : List.copyOf(turns.subList(Math.max(0, turns.size() - MAX_TURNS), turns.size()));
    }

    public static Conversation none() {
        return new Conversation(List.of(), List.of());
    }

    public boolean isEmpty() {
        return plan.isEmpty() && turns.isEmpty();
    }

    /** One earlier turn: what was asked, and the plan before its answer. */
    public record Turn(
            @JsonProperty("prompt") String prompt,
            @JsonProperty("before") List<PlanStep> before) {

        public Turn {
            prompt = prompt == null ? "" : prompt;
            before = before == null ? List.of() : List.copyOf(before);
        }
    }
}
