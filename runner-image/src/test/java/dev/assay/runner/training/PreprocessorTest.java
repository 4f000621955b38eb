package dev.assay.runner.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PreprocessorTest {

    private final RawColumn.Numbers age = new RawColumn.Numbers("age", new double[] {10, Double.NaN, 30, 1000, 2000});
    private final RawColumn.Categories port = new RawColumn.Categories("port", new String[] {"S", "S", "C", null, "Q"});

    @Test
    void statisticsComeFromTheTrainingRowsOnly() {
        int[] train = {0, 1, 2};
        Preprocessor preprocessor = Preprocessor.fit(List.of(age, port), train, 20);

        // The median of 10 and 30, not of every row: rows 3 and 4 are held out and must not leak in.
        assertThat(preprocessor.encoders().getFirst()).isEqualTo(new FeatureEncoder.NumberEncoder("age", 20.0, true));
        // Q is only in a held-out row: the model has no input for it.
        assertThat(preprocessor.outputs()).containsExactly("age", "age is missing", "port = S", "port = C");

        double[][] x = preprocessor.transform(List.of(age, port), new int[] {1, 3, 4});
        assertThat(x[0]).containsExactly(20.0, 1.0, 1.0, 0.0);
        assertThat(x[1]).containsExactly(1000.0, 0.0, 0.0, 0.0);
        assertThat(x[2]).containsExactly(2000.0, 0.0, 0.0, 0.0);
    }

    @Test
    void categoriesBeyondTheCapShareOneOtherInputAndAreToldApartByTheirTrainingFrequency() {
        Preprocessor preprocessor = Preprocessor.fit(List.of(port), new int[] {0, 1, 2, 3, 4}, 1);

        assertThat(preprocessor.outputs()).containsExactly("port = S", "port = other", "port frequency");
        double[][] x = preprocessor.transform(List.of(port), new int[] {0, 2, 3});
        assertThat(x[0]).containsExactly(1.0, 0.0, 0.4);
        assertThat(x[1]).containsExactly(0.0, 1.0, 0.2);
        assertThat(x[2]).containsExactly(0.0, 0.0, 0.0);
        assertThat(preprocessor.sourceOf()).containsExactly(0, 0, 0);
    }

    @Test
    void frequenciesComeFromTheRowsTheEncoderIsFittedOnOnly() {
        // Fitted on rows 2 to 4 (C, missing, Q): S never appears there, so a fold that did not train on it reads 0.
        Preprocessor preprocessor = Preprocessor.fit(List.of(port), new int[] {2, 3, 4}, 1);
        double[][] x = preprocessor.transform(List.of(port), new int[] {0, 2});
        assertThat(x[0][2]).isZero();
        assertThat(x[1][2]).isEqualTo(1.0 / 3);
    }
}
