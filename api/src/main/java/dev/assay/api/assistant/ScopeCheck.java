package dev.assay.api.assistant;

import dev.assay.api.assistant.builtin.BuiltInPlanner;
import dev.assay.api.assistant.planning.PlanningRequest;
import dev.assay.api.plans.PlanSummary;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.params.ActionType;
import dev.assay.model.profile.Profile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scope rule applied to every planner's answer before the person sees it: a step never touches more columns
 * than the request named. The built-in planner's deterministic reading of the same words is the referee: where it
 * restricts a step to named columns and an answer's step of that kind is wider (every column, or more columns), the
 * step is narrowed to the named ones and the answer says so; a step that acts on every column of a kind the request
 * did not ask for, while the request named columns, is flagged. Every column the request names is used by the plan
 * or listed as not used, with the reason. Steps the person already had (a follow-up's current plan) are left alone.
 */
public final class ScopeCheck {

    private static final BuiltInPlanner REFEREE = new BuiltInPlanner();

    private ScopeCheck() {}

    /** The plan narrowed where it was wider than asked; what was narrowed, flagged or not used goes to warnings. */
    public static Plan apply(Plan plan, PlanningRequest request, List<String> warnings) {
        Plan reading = REFEREE.plan(new PlanningRequest(request.prompt(), request.profile(), null))
                .plan();
        Set<String> named = BuiltInPlanner.namedColumns(request.prompt(), request.profile());
        Set<String> excluded = BuiltInPlanner.excludedColumns(request.prompt(), request.profile());
        List<PlanStep> kept = request.conversation().plan();
        List<PlanStep> out = new ArrayList<>();
        for (PlanStep step : plan.actions()) {
            if (kept.contains(step)) {
                out.add(step);
                continue;
            }
            out.add(narrow(step, reading, named, already(step, kept), warnings));
        }
        List<String> unused = new ArrayList<>();
        List<String> onlyAsInput = new ArrayList<>();
        Set<String> used = used(out, request.profile());
        // A model given no inputs learns from every column but its target: a column it reaches so is used, and
        // "not used" would be false of it.
        Set<String> learntFrom = learntFromEveryColumn(out, request.profile());
        for (String column : named) {
            if (!used.contains(column) && !excluded.contains(column)) {
                (learntFrom.contains(column) ? onlyAsInput : unused).add(column);
            }
        }
        if (!unused.isEmpty()) {
            warnings.add("Not used by the plan: " + String.join(", ", unused) + " (named in the request, but no step "
                    + "of this plan acts on " + (unused.size() == 1 ? "it" : "them") + ").");
        }
        if (!onlyAsInput.isEmpty()) {
            warnings.add(
                    "Named in the request, but used only as one of the model's inputs, since the model learns from "
                            + "every column but its target: " + String.join(", ", onlyAsInput) + ".");
        }
        // Only what the built-in reading itself leaves out was asked to be left out: "total minus fare, not the fare
        // alone" or "scale everything except mpg, then train on mpg" name a column the reading still uses.
        Set<String> readingUses = new LinkedHashSet<>(used(reading.actions(), request.profile()));
        readingUses.addAll(learntFromEveryColumn(reading.actions(), request.profile()));
        List<String> asked =
                excluded.stream().filter(c -> !readingUses.contains(c)).toList();
        // In a follow-up, only the steps it adds or changes answer it: "don't scale body mass" leaves the model's
        // inputs as they were.
        List<PlanStep> answering =
                out.stream().filter(step -> !kept.contains(step)).toList();
        Set<String> usedNow = used(answering, request.profile());
        usedNow.addAll(learntFromEveryColumn(answering, request.profile()));
        List<String> stillUsed = asked.stream().filter(usedNow::contains).toList();
        List<String> leftOut =
                asked.stream().filter(c -> !stillUsed.contains(c)).toList();
        if (!leftOut.isEmpty()) {
            warnings.add("Left out as asked: " + String.join(", ", leftOut) + ".");
        }
        if (!stillUsed.isEmpty()) {
            warnings.add("Asked to be left out, but this plan still uses " + String.join(", ", stillUsed)
                    + ": check the steps before applying.");
        }
        restrictedInputsNotRead(request.prompt(), out).ifPresent(warnings::add);
        return new Plan(plan.explanation(), out);
    }

    /**
     * A model asked for on "only" some inputs whose step still learns from every column is the quiet widening this
     * check exists for: whichever planner lost the inputs, the person is told before applying, in the step's words.
     */
    static java.util.Optional<String> restrictedInputsNotRead(String prompt, List<PlanStep> steps) {
        if (!RESTRICTING.matcher(prompt).find()) {
            return java.util.Optional.empty();
        }
        return steps.stream()
                .filter(step -> step.type() == ActionType.TRAIN_MODEL)
                .filter(step -> !(step.params().get("features") instanceof List<?> given) || given.isEmpty())
                .findFirst()
                .map(step -> "Check the model's inputs: the request asks for only some inputs, but this plan's model"
                        + " learns from every column it can use, because the inputs were not recognised. Name them in"
                        + " the model step's Features, or ask again naming the columns.");
    }

    private static final java.util.regex.Pattern RESTRICTING = java.util.regex.Pattern.compile(
            "\\b(using|from|with|based|off|inputs?|features?|predictors?)\\b[^.;]{0,20}?\\b(only|just|solely)\\b"
                    + "|\\b(only|just|solely) (using|from|with|on|off|based)\\b"
                    + "|\\b(nothing (more|else)|no other (columns?|inputs?|features?))\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * The columns the current plan's steps of this kind already act on: a follow-up that joins its columns to such a
     * step ("fill size too") keeps them; they are the person's, not the answer's.
     */
    private static Set<String> already(PlanStep step, List<PlanStep> kept) {
        String key = step.type() == ActionType.TRAIN_MODEL ? "features" : "columns";
        Set<String> columns = new LinkedHashSet<>();
        for (PlanStep before : kept) {
            if (before.type() == step.type() && before.params().get(key) instanceof List<?> list) {
                list.forEach(c -> columns.add(String.valueOf(c)));
            }
        }
        return columns;
    }

    private static PlanStep narrow(
            PlanStep step, Plan reading, Set<String> named, Set<String> already, List<String> warnings) {
        String key = step.type() == ActionType.TRAIN_MODEL ? "features" : "columns";
        if (!(step.params().get(key) instanceof List<?> given) || step.type() == ActionType.FEATURE_ENGINEER) {
            return step;
        }
        List<String> columns = given.stream().map(String::valueOf).toList();
        Set<String> namedForStep = new LinkedHashSet<>();
        for (PlanStep read : reading.actions()) {
            if (read.type() == step.type() && read.params().get(key) instanceof List<?> list) {
                list.forEach(c -> namedForStep.add(String.valueOf(c)));
            }
        }
        if (!namedForStep.isEmpty()) {
            if (!columns.isEmpty() && columns.stream().allMatch(c -> namedForStep.contains(c) || already.contains(c))) {
                return step;
            }
            List<String> within = columns.stream()
                    .filter(c -> namedForStep.contains(c) || already.contains(c))
                    .toList();
            List<String> narrowed = within.isEmpty() ? List.copyOf(namedForStep) : within;
            Map<String, Object> params = new LinkedHashMap<>(step.params());
            params.put(key, narrowed);
            warnings.add("Narrowed " + step.type().wireName() + " to " + String.join(", ", narrowed)
                    + ": the request named only " + (narrowed.size() == 1 ? "this column" : "these columns")
                    + ", and the answer had " + (columns.isEmpty() ? "every column" : String.join(", ", columns))
                    + ".");
            return new PlanStep(step.type(), params);
        }
        boolean asked = reading.actions().stream().anyMatch(r -> r.type() == step.type());
        if (!asked
                && columns.isEmpty()
                && !named.isEmpty()
                && step.type() != ActionType.TRAIN_MODEL
                && step.type() != ActionType.DROP_DUPLICATES) {
            warnings.add("Check step " + step.type().wireName() + ": it acts on every column it applies to, although "
                    + "the request named only " + String.join(", ", named) + ".");
        }
        return step;
    }

    /** The columns a model given no inputs learns from: every column but its target, identifiers and free text. */
    private static Set<String> learntFromEveryColumn(List<PlanStep> steps, Profile profile) {
        Set<String> learnt = new LinkedHashSet<>();
        for (PlanStep step : steps) {
            if (step.type() == ActionType.TRAIN_MODEL
                    && (!(step.params().get("features") instanceof List<?> given) || given.isEmpty())) {
                // The runner leaves identifiers and free text out of "every column" when it trains.
                profile.variables().values().stream()
                        .filter(v -> v.type() != dev.assay.model.dataset.VariableKind.IDENTIFIER
                                && v.type() != dev.assay.model.dataset.VariableKind.TEXT)
                        .map(dev.assay.model.profile.VariableProfile::name)
                        .filter(c -> !c.equals(step.params().get("target")))
                        .forEach(learnt::add);
            }
        }
        return learnt;
    }

    /** Every column a step names (columns, features, target, renames). */
    static Set<String> used(List<PlanStep> steps, Profile profile) {
        Set<String> used = new LinkedHashSet<>();
        for (PlanStep step : steps) {
            collect(step.params(), used);
            Object columns = step.params().get("columns");
            if (columns instanceof List<?> list && list.isEmpty()) {
                // [] reaches every column the action applies to: count them as used.
                used.addAll(PlanSummary.reach(step, profile.schema()));
            }
        }
        return used;
    }

    private static void collect(Object value, Set<String> out) {
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, out));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, out));
        } else if (value != null) {
            out.add(String.valueOf(value));
        }
    }
}
