package dev.assay.runner.bench;

import dev.assay.model.dataset.DatasetSchema;
import dev.assay.model.json.Json;
import dev.assay.model.plan.params.ModelAlgorithm;
import dev.assay.model.plan.params.ModelTask;
import dev.assay.model.plan.params.TrainModelParams;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.table.TableSchema;
import dev.assay.runner.testing.Datasets;
import dev.assay.runner.training.ModelTrainer;
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
import tech.tablesaw.columns.Column;

/**
 * The Java half of scripts/bench-defaults-vs-sklearn.sh (a benchmark, not a test): train_model with its defaults
 * (which columns it uses and how it reads them: dates as parts, names left out, many categories with their
 * frequency) on files with dates, free text and high-cardinality categories. For each dataset it writes the rows
 * the model learns from (as read by the product, every column as written) and the fold of each row, so that the
 * Python half can fit a hand-built scikit-learn pipeline on the same rows and folds; and it scores Assay's model on
 * those folds.
 *
 * <p>Usage: {@code BenchDefaults OUT_DIR}
 */
public final class BenchDefaults {

    static final int FOLDS = 5;

    /** @param features [] for every other column (train_model's default); taxis leaves out the bill's other parts */
    record Case(String name, String file, String target, ModelTask task, List<String> features) {}

    static final List<String> TRIP = List.of(
            "pickup",
            "dropoff",
            "passengers",
            "distance",
            "color",
            "pickup_zone",
            "dropoff_zone",
            "pickup_borough",
            "dropoff_borough");

    static final List<Case> CASES = List.of(
            new Case("titanic", "titanic.csv", "Survived", ModelTask.CLASSIFICATION, List.of()),
            new Case("mpg", "mpg.csv", "mpg", ModelTask.REGRESSION, List.of()),
            new Case("taxis-fare", "taxis.csv", "fare", ModelTask.REGRESSION, TRIP),
            new Case("taxis-payment", "taxis.csv", "payment", ModelTask.CLASSIFICATION, TRIP),
            new Case("stocks", "stocks.csv", "IBM", ModelTask.REGRESSION, List.of()));

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench-defaults");
        Files.createDirectories(out);
        ModelTrainer trainer = new ModelTrainer(EngineConfig.defaults().maxOneHotCategories());
        List<Map<String, Object>> results = new ArrayList<>();
        for (Case c : CASES) {
            Table table = Datasets.read(c.file());
            Column<?> target = table.column(c.target());
            int[] known = java.util.stream.IntStream.range(0, table.rowCount())
                    .filter(r -> !target.isMissing(r))
                    .toArray();
            Table rows = known.length == table.rowCount() ? table : table.rows(known);
            DatasetSchema schema = TableSchema.of(rows);
            TrainModelParams params =
                    new TrainModelParams(c.task(), c.target(), ModelAlgorithm.RANDOM_FOREST, c.features(), null, null);
            TrainingData data = TrainingData.of(rows, schema, params);
            int[] folds = Splits.folds(data.strata(), FOLDS, ModelTrainer.SEED);

            Path dir = out.resolve(c.name());
            Files.createDirectories(dir);
            rows.write().csv(dir.resolve("data.csv").toFile());
            Files.writeString(
                    dir.resolve("folds.txt"),
                    String.join(
                                    "\n",
                                    java.util.Arrays.stream(folds)
                                            .mapToObj(Integer::toString)
                                            .toList()) + "\n");
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("task", c.task().wireName());
            meta.put("target", c.target());
            meta.put("features", c.features());
            meta.put("assay_features", data.featureNames());
            meta.put(
                    "assay_excluded",
                    data.excluded().stream()
                            .map(n -> n.column() + ": " + n.reason())
                            .toList());
            meta.put(
                    "types",
                    schema.columns().stream()
                            .collect(java.util.stream.Collectors.toMap(
                                    dev.assay.model.dataset.ColumnInfo::name,
                                    col -> col.type().wireName() + "/"
                                            + col.kind().wireName(),
                                    (a, b) -> a,
                                    LinkedHashMap::new)));
            Files.writeString(dir.resolve("meta.json"), Json.writePretty(meta));

            for (int fold = 0; fold < FOLDS; fold++) {
                var fit = trainer.fitAndScore(
                        ModelAlgorithm.RANDOM_FOREST,
                        data,
                        BenchVsSklearn.rows(folds, fold, false),
                        BenchVsSklearn.rows(folds, fold, true));
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("dataset", c.name());
                result.put("fold", fold);
                result.put(
                        "score", fit.metrics().scores().get(c.task() == ModelTask.CLASSIFICATION ? "accuracy" : "r2"));
                results.add(result);
            }
            System.out.printf("assay   %-14s %d rows, features: %s%n", c.name(), data.rows(), data.featureNames());
        }
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out.resolve("assay-results.json")))) {
            writer.print(Json.writePretty(results));
        }
    }
}
