package dev.assay.runner.testing;

import dev.assay.model.dataset.DatasetSchema;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.validation.PlanReader;
import dev.assay.model.plan.validation.PlanValidator;
import dev.assay.model.plan.validation.ValidatedPlan;
import dev.assay.runner.apply.PlanRunner;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.ProgressListener;
import dev.assay.runner.ingest.CsvIngest;
import dev.assay.runner.table.TableSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tech.tablesaw.api.Table;

/** The real datasets of examples/datasets, and a short way to run a plan on a table in tests. */
public final class Datasets {

    public static final Path DIR = Path.of("..", "examples", "datasets");

    /** The seed's example: impute, one-hot Sex and Embarked, a random forest on Survived. */
    public static final String TITANIC_SEED_PLAN = """
            {"explanation": "Impute missing values, encode Sex and Embarked, train a classifier on Survived.",
             "actions": [
               {"type": "impute", "params": {"strategy": "median", "columns": []}},
               {"type": "encode", "params": {"columns": ["Sex", "Embarked"], "method": "onehot"}},
               {"type": "train_model", "params": {"task": "classification", "target": "Survived", "model": "random_forest"}}]}""";

    private Datasets() {}

    public static Table read(String file) {
        return csv(DIR.resolve(file));
    }

    /** Reads a CSV as the engine does (the product's ingest, with its type inference). */
    public static Table csv(Path file) {
        return csv(file, EngineConfig.defaults());
    }

    private static Table csv(Path file, EngineConfig config) {
        return new CsvIngest(config)
                .read(file, file.getFileName().toString(), ProgressListener.NONE)
                .table();
    }

    /** A table from CSV text, for crafted edge cases; every row is kept as written, repeated ones too. */
    public static Table fromText(String name, String csv) {
        try {
            Path file = Files.createTempFile(name, ".csv");
            Files.writeString(file, csv);
            EngineConfig d = EngineConfig.defaults();
            try {
                return csv(
                        file,
                        new EngineConfig(
                                d.maxFileBytes(),
                                d.maxColumns(),
                                d.maxCellChars(),
                                false,
                                d.neutraliseFormulas(),
                                d.maxOneHotCategories()));
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validates the plan against the table's schema and runs it. */
    public static PlanRunner.Outcome run(Table table, String planJson) {
        Plan plan = PlanReader.read(planJson);
        DatasetSchema schema = TableSchema.of(table);
        ValidatedPlan validated = PlanValidator.validate(plan, schema);
        return new PlanRunner(EngineConfig.defaults()).run(table, validated, schema, ProgressListener.NONE);
    }

    /** A plan of one step. */
    public static String step(String type, String paramsJson) {
        return "{\"explanation\": \"test\", \"actions\": [{\"type\": \"" + type + "\", \"params\": " + paramsJson
                + "}]}";
    }
}
