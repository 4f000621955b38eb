package dev.assay.runner.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.dataset.ColumnType;
import dev.assay.model.dataset.VariableKind;
import dev.assay.model.json.Json;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.validation.PlanValidator;
import dev.assay.model.profile.Alert;
import dev.assay.model.profile.AlertType;
import dev.assay.model.profile.Profile;
import dev.assay.model.profile.VariableProfile;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.ProgressListener;
import dev.assay.runner.testing.Datasets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Profiles of the real datasets, checked against facts of the data. */
class ProfileDatasetsTest {

    private static final Map<String, Profile> PROFILES = new ConcurrentHashMap<>();

    static Profile profile(String file) {
        return PROFILES.computeIfAbsent(
                file,
                f -> new ProfilePipeline(EngineConfig.defaults())
                        .read(Datasets.DIR.resolve(f), ProgressListener.NONE)
                        .profile());
    }

    private static VariableProfile variable(String file, String column) {
        return profile(file).variables().get(column);
    }

    private static List<Alert> alerts(String file, AlertType type) {
        return profile(file).alerts().stream().filter(a -> a.type() == type).toList();
    }

    @Test
    void titanicFacts() {
        Profile titanic = profile("titanic.csv");

        assertThat(titanic.table().rows()).isEqualTo(891);
        assertThat(titanic.table().columns()).isEqualTo(12);
        assertThat(variable("titanic.csv", "Age").missing()).isEqualTo(177);
        assertThat(variable("titanic.csv", "Cabin").missing()).isEqualTo(687);
        assertThat(variable("titanic.csv", "Embarked").missing()).isEqualTo(2);
        assertThat(titanic.table().missingCells()).isEqualTo(177 + 687 + 2);
        assertThat(variable("titanic.csv", "PassengerId").type()).isEqualTo(VariableKind.IDENTIFIER);
        assertThat(variable("titanic.csv", "Sex").categories()).containsExactly("male", "female");
        assertThat(variable("titanic.csv", "Sex").top().getFirst().count()).isEqualTo(577);
        assertThat(variable("titanic.csv", "Survived").numeric().orElseThrow().mean())
                .isCloseTo(342.0 / 891, within());
        assertThat(variable("titanic.csv", "Age").numeric().orElseThrow().median())
                .isEqualTo(28.0);
        assertThat(variable("titanic.csv", "Fare").numeric().orElseThrow().max())
                .isEqualTo(512.3292);
        // Extreme values, most extreme first and each once: three fares of 512.3292, fifteen of 0.
        assertThat(variable("titanic.csv", "Fare").numeric().orElseThrow().largest())
                .hasSize(5)
                .startsWith(512.3292, 263.0);
        assertThat(variable("titanic.csv", "Fare").numeric().orElseThrow().smallest())
                .hasSize(5)
                .startsWith(0.0, 4.0125);
        assertThat(variable("titanic.csv", "Age").numeric().orElseThrow().smallest())
                .startsWith(0.42, 0.67, 0.75);

        assertThat(alerts("titanic.csv", AlertType.UNIQUE))
                .extracting(a -> a.column().orElseThrow())
                .contains("PassengerId", "Name");
        assertThat(alerts("titanic.csv", AlertType.HIGH_CARDINALITY))
                .extracting(a -> a.column().orElseThrow())
                .contains("Ticket");
        assertThat(alerts("titanic.csv", AlertType.MISSING))
                .extracting(a -> a.column().orElseThrow())
                .containsExactlyInAnyOrder("Age", "Cabin", "Embarked");
        assertThat(titanic.missing().patterns().getFirst().columns()).containsExactly("Cabin");
    }

    @Test
    void otherDatasetsFacts() {
        assertThat(profile("penguins.csv").table().rows()).isEqualTo(344);
        assertThat(variable("penguins.csv", "species").categories())
                .containsExactlyInAnyOrder("Adelie", "Gentoo", "Chinstrap");
        assertThat(variable("penguins.csv", "bill_length_mm").missing()).isEqualTo(2);
        assertThat(variable("penguins.csv", "sex").missing()).isEqualTo(11);

        assertThat(profile("mpg.csv").table().rows()).isEqualTo(398);
        assertThat(variable("mpg.csv", "horsepower").missing()).isEqualTo(6);
        assertThat(variable("mpg.csv", "horsepower").storage()).isEqualTo(ColumnType.DECIMAL);

        Profile diamonds = profile("diamonds.csv");
        assertThat(diamonds.table().rows() + diamonds.ingest().duplicatesDropped())
                .isEqualTo(53_940);
        assertThat(diamonds.ingest().duplicatesDropped()).isEqualTo(146);
        // The most repeated rows, most first, each with its cells as read and how often it appeared.
        var repeated = diamonds.ingest().repeatedRows();
        assertThat(repeated).isNotEmpty().hasSizeLessThanOrEqualTo(10);
        assertThat(repeated.getFirst().count())
                .isGreaterThanOrEqualTo(repeated.getLast().count())
                .isGreaterThanOrEqualTo(2);
        assertThat(repeated.getFirst().values()).hasSize(10);
        assertThat(repeated.stream().mapToLong(r -> r.count() - 1).sum()).isLessThanOrEqualTo(146);
        assertThat(profile("titanic.csv").ingest().repeatedRows()).isEmpty();
        assertThat(alerts("diamonds.csv", AlertType.HIGH_CORRELATION)).isNotEmpty();

        assertThat(profile("taxis.csv").table().rows()).isEqualTo(6433);
        assertThat(variable("taxis.csv", "pickup").storage()).isEqualTo(ColumnType.DATETIME);
        assertThat(variable("taxis.csv", "pickup").date().orElseThrow().min()).startsWith("2019-02-28");
        assertThat(variable("taxis.csv", "payment").missing()).isEqualTo(44);

        assertThat(profile("tips.csv").table().rows()
                        + profile("tips.csv").ingest().duplicatesDropped())
                .isEqualTo(244);
        assertThat(variable("tips.csv", "tip").numeric().orElseThrow().min()).isEqualTo(1.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"titanic.csv", "penguins.csv", "mpg.csv", "diamonds.csv", "taxis.csv", "tips.csv"})
    void everySuggestedActionIsAValidPlanForItsDataset(String file) {
        Profile profile = profile(file);
        for (Alert alert : profile.alerts()) {
            alert.suggestedAction()
                    .ifPresent(step -> assertThat(
                                    PlanValidator.check(new Plan(alert.message(), List.of(step)), profile.schema()))
                            .as("%s: %s", file, alert.message())
                            .isEmpty());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"titanic.csv", "penguins.csv", "mpg.csv", "diamonds.csv", "taxis.csv", "tips.csv"})
    void profileJsonIsStrictJsonAndReadsBack(String file) throws Exception {
        String json = Json.write(profile(file));

        // No bare NaN or Infinity as a number; the word "NaN" among the missing markers is a string, which is fine.
        assertThat(json).doesNotContainPattern("[:\\[,]-?(NaN|Infinity)");
        Profile back = Json.mapper().readValue(json, Profile.class);
        assertThat(back.variables().keySet())
                .containsExactlyElementsOf(profile(file).variables().keySet());
        assertThat(back.schema()).isEqualTo(profile(file).schema());
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
