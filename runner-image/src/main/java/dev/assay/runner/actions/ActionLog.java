package dev.assay.runner.actions;

import dev.assay.runner.training.TrainedModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one action tells the run's log beyond the counts the pipeline measures itself: the parameters as
 * they were resolved against the data, warnings a person should read, renames (so a renamed column is not
 * reported as removed and added) and, for train_model, the trained model.
 */
public final class ActionLog {

    private final Map<String, Object> resolved = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, String> renamed = new LinkedHashMap<>();
    private TrainedModel model;

    /** Records a parameter as run, e.g. the columns {@code []} resolved to, or the value imputed per column. */
    public void param(String name, Object value) {
        resolved.put(name, value);
    }

    public void warn(String message) {
        warnings.add(message);
    }

    public void renamed(String from, String to) {
        renamed.put(from, to);
    }

    public void trained(TrainedModel trained) {
        this.model = trained;
    }

    public Map<String, Object> resolved() {
        return resolved;
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public Map<String, String> renames() {
        return renamed;
    }

    public Optional<TrainedModel> model() {
        return Optional.ofNullable(model);
    }
}
