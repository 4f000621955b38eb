package dev.assay.model.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.profile.MissingMarkers;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The markers travel to the runner as one JSON array, so that an empty list and words with commas survive. */
class MissingMarkersArgsTest {

    @Test
    void theWordsRoundTripThroughTheCommandLine() {
        List<String> args = RunnerArgs.profileJob(
                "titanic",
                "samples/titanic.csv",
                "csv",
                true,
                Optional.empty(),
                Optional.empty(),
                Optional.of(List.of("NA", "n,a", "-")));
        int at = args.indexOf(RunnerArgs.MISSING_MARKERS);
        assertThat(RunnerArgs.parseMarkers(args.get(at + 1))).containsExactly("NA", "n,a", "-");
        List<String> none = RunnerArgs.profileJob(
                "titanic",
                "samples/titanic.csv",
                "csv",
                true,
                Optional.empty(),
                Optional.empty(),
                Optional.of(List.of()));
        assertThat(RunnerArgs.parseMarkers(none.get(none.indexOf(RunnerArgs.MISSING_MARKERS) + 1)))
                .isEmpty();
        assertThat(RunnerArgs.profileJob(
                        "titanic", "samples/titanic.csv", "csv", true, Optional.empty(), Optional.empty()))
                .doesNotContain(RunnerArgs.MISSING_MARKERS);
    }

    @Test
    void aValueThatIsNotAnArrayOfWordsIsRefusedNamingTheField() {
        assertThatThrownBy(() -> RunnerArgs.parseMarkers("NA,-", MissingMarkers.FIELD))
                .hasMessageStartingWith("missingMarkers must be a JSON array of words");
        assertThatThrownBy(() -> RunnerArgs.parseMarkers("{\"a\":1}", MissingMarkers.FIELD))
                .hasMessageStartingWith("missingMarkers must be a JSON array of words");
        assertThatThrownBy(() -> RunnerArgs.parseMarkers("[\"NA\", 3]", MissingMarkers.FIELD))
                .hasMessageContaining("missingMarkers must hold words (JSON strings); found 3");
    }

    @Test
    void wordsAreBoundedInNumberAndLength() {
        assertThat(MissingMarkers.problem(List.of("NA", "?"))).isEmpty();
        assertThat(MissingMarkers.problem(java.util.Collections.nCopies(33, "x")))
                .contains("missingMarkers has 33 words; at most 32 are allowed");
        assertThat(MissingMarkers.problem(List.of("x".repeat(41))))
                .contains("missingMarkers[0] is 41 characters long; at most 40 are allowed");
        assertThat(MissingMarkers.problem(List.of("a\nb")))
                .hasValueSatisfying(p -> assertThat(p).contains("control"));
    }
}
