package dev.assay.api.assistant;

import dev.assay.model.dataset.DatasetSchema;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.params.ActionType;
import dev.assay.model.plan.validation.PlanValidationException;
import dev.assay.model.plan.validation.PlanValidator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "one-hot Sex and Embarked, then a random forest for Survived using Sex, Pclass and Fare": a model's input named by
 * a column that an earlier step of the same plan one-hot encoded means the columns that step made in its place
 * (Sex_female, Sex_male). Read literally, the input does not exist when the model trains, and the whole model step
 * would be left out of the answer. Applied to every planner's answer; the answer says which inputs were replaced.
 */
final class EncodedInputs {

    private EncodedInputs() {}

    static Plan apply(Plan plan, DatasetSchema schema, List<String> warnings) {
        List<PlanStep> actions = plan.actions();
        int model = -1;
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i).type() == ActionType.TRAIN_MODEL) {
                model = i;
            }
        }
        if (model <= 0 || !(actions.get(model).params().get("features") instanceof List<?> features)) {
            return plan;
        }
        DatasetSchema atModel;
        try {
            atModel = PlanValidator.validate(new Plan(plan.explanation(), actions.subList(0, model)), schema)
                    .expected();
        } catch (PlanValidationException invalid) {
            // The steps before the model are judged by the caller, which says what is wrong with them.
            return plan;
        }
        List<Object> inputs = new ArrayList<>();
        boolean replaced = false;
        for (Object feature : features) {
            List<String> made = feature instanceof String name ? madeFrom(name, schema, atModel) : List.of();
            if (made.isEmpty()) {
                inputs.add(feature);
                continue;
            }
            made.stream().filter(c -> !inputs.contains(c)).forEach(inputs::add);
            warnings.add(feature + " is one-hot encoded before the model, so its columns " + String.join(", ", made)
                    + " are the model's inputs in its place.");
            replaced = true;
        }
        if (!replaced) {
            return plan;
        }
        Map<String, Object> params = new LinkedHashMap<>(actions.get(model).params());
        params.put("features", List.copyOf(inputs));
        List<PlanStep> out = new ArrayList<>(actions);
        out.set(model, new PlanStep(ActionType.TRAIN_MODEL, params));
        return new Plan(plan.explanation(), out);
    }

    /** The columns an earlier step made from a column it replaced: gone before the model, its prefix's columns new. */
    private static List<String> madeFrom(String name, DatasetSchema original, DatasetSchema atModel) {
        if (original.find(name).isEmpty() || atModel.find(name).isPresent()) {
            return List.of();
        }
        String column = original.find(name).get().name();
        return atModel.names().stream()
                .filter(c -> c.startsWith(column + "_") && original.find(c).isEmpty())
                .toList();
    }
}
