package dev.assay.api.assistant.builtin;

import java.util.List;
import java.util.Optional;

/** The columns a step may touch, or why there are none (a question, a name not found). */
record Scope(List<String> columns, Optional<String> refusal, List<String> notes) {

    static Scope of(List<String> columns) {
        return new Scope(List.copyOf(columns), Optional.empty(), List.of());
    }

    static Scope refused(String reason) {
        return new Scope(List.of(), Optional.of(reason), List.of());
    }
}
