package dev.assay.runner.training;

import static dev.assay.runner.testing.Datasets.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.runner.apply.PlanRunner;
import dev.assay.runner.core.InputException;
import dev.assay.runner.testing.Datasets;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class ModelFileTest {

    @TempDir
    Path dir;

    @Test
    void aSavedModelLoadsAndPredictsExactlyAsBeforeOnNewData() {
        PlanRunner.Outcome outcome = run(Datasets.read("titanic.csv"), ModelTrainerTest.SEED_PLAN);
        FittedModel model = outcome.model().orElseThrow().model();
        Path file = dir.resolve("model.bin");

        ModelFile.write(model, file);
        FittedModel loaded = ModelFile.read(file);

        // New data as it comes after the same plan steps: the prepared table, with unseen values in it.
        Table prepared = outcome.table();
        prepared.stringColumn("Ticket").set(0, "NEVER-SEEN");
        prepared.doubleColumn("Age").setMissing(1);
        FittedModel.Predictions before = model.predict(prepared);
        FittedModel.Predictions after = loaded.predict(prepared);
        assertThat(after.codes()).containsExactly(before.codes());
        assertThat(after.probabilities()).isDeepEqualTo(before.probabilities());
        assertThat(after.label(0)).isIn("0", "1");
        assertThat(loaded.features())
                .isEqualTo(outcome.model().orElseThrow().report().features());
    }

    @Test
    void regressionModelsRoundTripToo() {
        PlanRunner.Outcome outcome = run(Datasets.read("mpg.csv"), """
                {"explanation": "r", "actions": [{"type": "train_model", "params": {"target": "mpg", "model": "linear_regression"}}]}""");
        Path file = dir.resolve("model.bin");
        ModelFile.write(outcome.model().orElseThrow().model(), file);

        FittedModel.Predictions predictions = ModelFile.read(file).predict(outcome.table());

        assertThat(predictions.values()).hasSize(398);
        assertThat(predictions.values()[0]).isBetween(10.0, 25.0); // a 1970 Chevelle: 18 mpg
    }

    @Test
    void dataWithoutAFeatureColumnIsAClearError() {
        PlanRunner.Outcome outcome = run(Datasets.read("titanic.csv"), ModelTrainerTest.SEED_PLAN);
        Table withoutAge = outcome.table().removeColumns("Age");

        assertThatThrownBy(() -> outcome.model().orElseThrow().model().predict(withoutAge))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("'Age'")
                .hasMessageContaining("the model needs this column");
    }

    @Test
    void aFileThatIsNotAModelIsRefused() throws IOException {
        Path text = Files.writeString(dir.resolve("model.bin"), "hello");
        assertThatThrownBy(() -> ModelFile.read(text))
                .isInstanceOf(InputException.class)
                .hasMessage("model.bin: is not an Assay model file");
    }

    @Test
    void aCraftedFileCannotMakeTheReaderBuildOtherClasses() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        data.write("ASSAY-MODEL\n".getBytes(StandardCharsets.US_ASCII));
        data.writeInt(FittedModel.FORMAT_VERSION);
        ObjectOutputStream objects = new ObjectOutputStream(data);
        objects.writeObject(new java.net.URI("http://example.invalid/"));
        objects.flush();
        Path file = Files.write(dir.resolve("evil.bin"), bytes.toByteArray());

        assertThatThrownBy(() -> ModelFile.read(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("holds something other than an Assay model");
    }
}
