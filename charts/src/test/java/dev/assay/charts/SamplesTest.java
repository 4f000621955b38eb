package dev.assay.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.dataset.ColumnInfo;
import dev.assay.model.dataset.ColumnType;
import dev.assay.model.dataset.DatasetSchema;
import dev.assay.model.dataset.VariableKind;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.validation.PlanReader;
import dev.assay.model.plan.validation.PlanValidator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample manifests people apply first must be accepted by the model that the runner validates with. */
class SamplesTest {

    /** Titanic as the profile sees it (891 rows; Age, Cabin and Embarked have gaps). */
    static final DatasetSchema TITANIC = new DatasetSchema(List.of(
            ColumnInfo.of("PassengerId", ColumnType.INTEGER, VariableKind.IDENTIFIER),
            new ColumnInfo("Survived", ColumnType.INTEGER, VariableKind.BOOLEAN, 0, 2, List.of("0", "1")),
            new ColumnInfo("Pclass", ColumnType.INTEGER, VariableKind.CATEGORICAL, 0, 3, List.of("1", "2", "3")),
            ColumnInfo.of("Name", ColumnType.STRING, VariableKind.TEXT),
            new ColumnInfo("Sex", ColumnType.STRING, VariableKind.CATEGORICAL, 0, 2, List.of("male", "female")),
            new ColumnInfo("Age", ColumnType.DECIMAL, VariableKind.NUMERIC, 177, 88, List.of()),
            ColumnInfo.of("SibSp", ColumnType.INTEGER, VariableKind.NUMERIC),
            ColumnInfo.of("Parch", ColumnType.INTEGER, VariableKind.NUMERIC),
            ColumnInfo.of("Ticket", ColumnType.STRING, VariableKind.TEXT),
            ColumnInfo.of("Fare", ColumnType.DECIMAL, VariableKind.NUMERIC),
            new ColumnInfo("Cabin", ColumnType.STRING, VariableKind.TEXT, 687, 147, List.of()),
            new ColumnInfo("Embarked", ColumnType.STRING, VariableKind.CATEGORICAL, 2, 3, List.of("S", "C", "Q"))));

    @Test
    void datasetJobProfilesTheTitanicSample() throws Exception {
        JsonNode job = sample("datasetjob-titanic.yaml");

        assertThat(job.path("apiVersion").asText()).isEqualTo("assay.dev/v1alpha1");
        assertThat(job.path("kind").asText()).isEqualTo("DatasetJob");
        assertThat(job.path("spec").path("source").asText()).isEqualTo("samples/titanic.csv");
        assertThat(job.path("spec").path("dropDuplicates").isBoolean()).isTrue();
    }

    @Test
    void assistantRunCarriesTheSeedPlanAndItValidatesAgainstTitanic() throws Exception {
        JsonNode run = sample("assistantrun-titanic.yaml");
        JsonNode job = sample("datasetjob-titanic.yaml");

        assertThat(run.path("apiVersion").asText()).isEqualTo("assay.dev/v1alpha1");
        assertThat(run.path("kind").asText()).isEqualTo("AssistantRun");
        assertThat(run.path("spec").path("datasetRef").asText())
                .isEqualTo(job.path("metadata").path("name").asText());
        assertThat(run.path("spec").path("prompt").asText()).isNotBlank();
        Plan plan = PlanReader.read(run.path("spec").path("plan").toString());
        assertThat(plan.actions())
                .extracting(step -> step.type().wireName())
                .containsExactly("impute", "encode", "train_model");
        assertThat(PlanValidator.check(plan, TITANIC)).isEmpty();
    }

    private static JsonNode sample(String name) throws Exception {
        return AssayChart.YAML.readTree(
                AssayChart.repoRoot().resolve("k8s/samples").resolve(name).toFile());
    }
}
