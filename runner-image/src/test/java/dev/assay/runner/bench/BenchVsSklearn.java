package dev.assay.runner.bench;

import dev.assay.model.dataset.DatasetSchema;
import dev.assay.model.json.Json;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.params.ModelAlgorithm;
import dev.assay.model.plan.params.ModelTask;
import dev.assay.model.plan.params.TrainModelParams;
import dev.assay.model.plan.validation.PlanReader;
import dev.assay.model.plan.validation.PlanValidator;
import dev.assay.runner.apply.PlanRunner;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.ProgressListener;
import dev.assay.runner.table.TableSchema;
import dev.assay.runner.testing.Datasets;
import dev.assay.runner.training.ModelTrainer;
import dev.assay.runner.training.RawColumn;
import dev.assay.runner.training.Splits;
import dev.assay.runner.training.TrainingData;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The Java half of scripts/bench-vs-sklearn.sh (a benchmark, not a test). For each dataset it runs the plan's
 * preparation steps, then writes the model's input data, the fold of every row and the feature readings to a
 * folder that the Python half reads, so both sides train on the same rows and score the same folds. It times
 * and scores Assay's pipeline (preprocessing fitted per fold + Smile model) on those folds.
 *
 * <p>Usage: {@code BenchVsSklearn OUT_DIR [algorithm,...]}
 */
public final class BenchVsSklearn {

    static final int FOLDS = 5;

    record Case(String name, String file, String preparation, String target, ModelTask task) {}

    static final List<Case> CASES = List.of(
            new Case("titanic", "titanic.csv", """
                    [{"type": "impute", "params": {"strategy": "median", "columns": []}},
                     {"type": "encode", "params": {"columns": ["Sex", "Embarked"], "method": "onehot"}}]""", "Survived", ModelTask.CLASSIFICATION),
            new Case("penguins", "penguins.csv", "[]", "species", ModelTask.CLASSIFICATION),
            new Case("diamonds", "diamonds.csv", "[]", "price", ModelTask.REGRESSION));

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
        List<String> algorithms =
                List.of((args.length > 1 ? args[1] : "random_forest,gradient_boosting,linear").split(","));
        Files.createDirectories(out);
        List<Map<String, Object>> results = new ArrayList<>();
        ModelTrainer trainer = new ModelTrainer(EngineConfig.defaults().maxOneHotCategories());
        List<String> only = List.of(System.getProperty("bench.datasets", "titanic,penguins,diamonds")
                .split(","));
        for (Case c : CASES.stream().filter(c -> only.contains(c.name())).toList()) {
            TrainingData data = prepare(c);
            Path dir = out.resolve(c.name());
            Files.createDirectories(dir);
            int[] folds = Splits.folds(data.strata(), FOLDS, ModelTrainer.SEED);
            write(dir, data, folds);
            for (String name : algorithms) {
                ModelAlgorithm algorithm = algorithmFor(name, c.task());
                // One untimed pass over the folds first, so that the times are those of a warm JVM (the api runs the
                // engine in a long-lived process; a runner pod's first model pays for compilation once).
                for (int fold = 0; fold < FOLDS; fold++) {
                    trainer.fitAndScore(algorithm, data, rows(folds, fold, false), rows(folds, fold, true));
                }
                for (int fold = 0; fold < FOLDS; fold++) {
                    var fit = trainer.fitAndScore(algorithm, data, rows(folds, fold, false), rows(folds, fold, true));
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("dataset", c.name());
                    result.put("algorithm", name);
                    result.put("fold", fold);
                    result.put(
                            "score",
                            fit.metrics().scores().get(c.task() == ModelTask.CLASSIFICATION ? "accuracy" : "r2"));
                    result.put("fit_seconds", fit.fitMillis() / 1000.0);
                    results.add(result);
                }
                System.out.printf("assay   %-9s %-18s done%n", c.name(), name);
            }
        }
        Files.writeString(out.resolve("assay-results.json"), Json.writePretty(results));
    }

    static ModelAlgorithm algorithmFor(String name, ModelTask task) {
        if (name.equals("linear")) {
            return task == ModelTask.CLASSIFICATION
                    ? ModelAlgorithm.LOGISTIC_REGRESSION
                    : ModelAlgorithm.LINEAR_REGRESSION;
        }
        return ModelAlgorithm.valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }

    static TrainingData prepare(Case c) {
        Table table = Datasets.read(c.file());
        DatasetSchema schema = TableSchema.of(table);
        String train = """
                {"type": "train_model", "params": {"target": "%s", "task": "%s"}}""".formatted(c.target(), c.task().wireName());
        String steps = c.preparation().strip();
        String actions =
                steps.equals("[]") ? "[" + train + "]" : steps.substring(0, steps.length() - 1) + ", " + train + "]";
        Plan plan = PlanReader.read("{\"explanation\": \"benchmark\", \"actions\": " + actions + "}");
        var validated = PlanValidator.validate(plan, schema);
        // Run the preparation only; training happens per fold below.
        var preparation = new dev.assay.model.plan.validation.ValidatedPlan(
                plan,
                validated.actions().subList(0, validated.actions().size() - 1),
                validated.expected(),
                validated.warnings());
        Table prepared = new PlanRunner(EngineConfig.defaults())
                .run(table, preparation, schema, ProgressListener.NONE)
                .table();
        TrainModelParams params =
                (TrainModelParams) validated.actions().getLast().params();
        return TrainingData.of(prepared, TableSchema.of(prepared, schema), params);
    }

    /** data.csv (features as the model reads them, then the target), folds.txt and meta.json. */
    static void write(Path dir, TrainingData data, int[] folds) throws IOException {
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(dir.resolve("data.csv")))) {
            List<String> header = new ArrayList<>(data.featureNames());
            header.add(data.target());
            csv.println(
                    String.join(",", header.stream().map(BenchVsSklearn::quote).toList()));
            for (int row = 0; row < data.rows(); row++) {
                List<String> cells = new ArrayList<>();
                for (RawColumn feature : data.features()) {
                    cells.add(
                            switch (feature) {
                                case RawColumn.Numbers n ->
                                    Double.isNaN(n.values()[row]) ? "" : Double.toString(n.values()[row]);
                                case RawColumn.Categories k -> k.values()[row] == null ? "" : quote(k.values()[row]);
                            });
                }
                cells.add(
                        data.task() == ModelTask.CLASSIFICATION
                                ? quote(data.labels().get(data.classes()[row]))
                                : Double.toString(data.values()[row]));
                csv.println(String.join(",", cells));
            }
        }
        Files.writeString(
                dir.resolve("folds.txt"),
                String.join(
                                "\n",
                                java.util.Arrays.stream(folds)
                                        .mapToObj(Integer::toString)
                                        .toList()) + "\n");
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("task", data.task().wireName());
        meta.put("target", data.target());
        meta.put("numeric", featuresRead(data, RawColumn.Reading.NUMBER));
        meta.put("categorical", featuresRead(data, RawColumn.Reading.CATEGORY));
        meta.put("max_categories", EngineConfig.defaults().maxOneHotCategories());
        Files.writeString(dir.resolve("meta.json"), Json.writePretty(meta));
    }

    private static List<String> featuresRead(TrainingData data, RawColumn.Reading reading) {
        List<String> names = new ArrayList<>();
        for (int f = 0; f < data.features().size(); f++) {
            if (data.readings().get(f) == reading) {
                names.add(data.featureNames().get(f));
            }
        }
        return names;
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    static int[] rows(int[] folds, int fold, boolean inFold) {
        return java.util.stream.IntStream.range(0, folds.length)
                .filter(i -> (folds[i] == fold) == inFold)
                .toArray();
    }
}
