package dev.assay.runner.actions;

import static dev.assay.runner.testing.Datasets.run;
import static dev.assay.runner.testing.Datasets.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.result.StepLog;
import dev.assay.runner.apply.PlanRunner;
import dev.assay.runner.testing.Datasets;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class CastActionTest {

    @Test
    void ticketsThatAreNotNumbersFailToConvertAndAreCountedWithExamples() {
        Table titanic = Datasets.read("titanic.csv");
        long numeric = titanic.stringColumn("Ticket").asList().stream()
                .filter(t -> t.matches("\\d+"))
                .count();

        PlanRunner.Outcome outcome = run(titanic, step("cast", """
                {"columns": ["Ticket"], "to": "int"}"""));

        StepLog log = outcome.steps().getFirst();
        IntColumn tickets = outcome.table().intColumn("Ticket");
        assertThat(tickets.size() - tickets.countMissing()).isEqualTo(numeric);
        assertThat(log.params().get("failed_to_convert")).isEqualTo(Map.of("Ticket", 891 - numeric));
        assertThat(log.warnings())
                .singleElement()
                .asString()
                .startsWith((891 - numeric) + " values of 'Ticket' could not be converted to int")
                .contains("'A/5 21171'");
        assertThat(log.cellsChanged()).isEqualTo(891 - numeric);
        assertThat(log.missingAfter() - log.missingBefore()).isEqualTo(891 - numeric);
    }

    @Test
    void fractionalFaresCastToIntAreRoundedAndSaid() {
        Table titanic = Datasets.read("titanic.csv");
        long fractional = titanic.doubleColumn("Fare").asList().stream()
                .filter(f -> f != Math.rint(f))
                .count();

        PlanRunner.Outcome outcome = run(titanic, step("cast", """
                {"columns": ["Fare"], "to": "int"}"""));

        assertThat(outcome.table().column("Fare")).isInstanceOf(IntColumn.class);
        assertThat(outcome.table().intColumn("Fare").get(0)).isEqualTo(7); // 7.25
        assertThat(outcome.steps().getFirst().warnings())
                .singleElement()
                .asString()
                .startsWith(fractional + " values of 'Fare' had a fractional part");
    }

    @Test
    void numbersBecomeTextAndBackWithoutChangingAValue() {
        Table titanic = Datasets.read("titanic.csv");

        PlanRunner.Outcome text = run(titanic, step("cast", """
                {"columns": ["Pclass", "Survived"], "to": "string"}"""));
        assertThat(text.table().column("Pclass")).isInstanceOf(StringColumn.class);
        assertThat(text.table().stringColumn("Pclass").get(0)).isEqualTo("3");
        assertThat(text.steps().getFirst().cellsChanged()).isZero();

        PlanRunner.Outcome flags = run(titanic, step("cast", """
                {"columns": ["Survived"], "to": "boolean"}"""));
        BooleanColumn survived = (BooleanColumn) flags.table().column("Survived");
        assertThat(survived.countTrue())
                .isEqualTo(titanic.intColumn("Survived").isEqualTo(1).size());
        assertThat(flags.steps().getFirst().warnings()).isEmpty();
    }

    @Test
    void textBecomesNumbersWhereItCan() {
        Table table = Datasets.fromText("t", "v\n3.5\nabc\n-2e3\n\n7\n");

        PlanRunner.Outcome outcome = run(table, step("cast", """
                {"columns": ["v"], "to": "float"}"""));

        DoubleColumn v = outcome.table().doubleColumn("v");
        assertThat(v.get(0)).isEqualTo(3.5);
        assertThat(v.isMissing(1)).isTrue();
        assertThat(v.get(2)).isEqualTo(-2000.0);
        assertThat(outcome.steps().getFirst().warnings())
                .singleElement()
                .asString()
                .startsWith("1 value of 'v' could not be converted to float")
                .contains("'abc'");
    }

    @Test
    void datesAreReadWithAGivenPatternOrTheOneThatFitsMostValues() {
        Table table = Datasets.fromText("d", "when\n24/11/2026\n01/02/2026\nsoon\n31/12/2025\n");

        PlanRunner.Outcome guessed = run(table, step("cast", """
                {"columns": ["when"], "to": "datetime"}"""));
        DateTimeColumn when = (DateTimeColumn) guessed.table().column("when");
        assertThat(when.get(0)).isEqualTo(LocalDateTime.of(2026, 11, 24, 0, 0));
        assertThat(when.get(1)).isEqualTo(LocalDateTime.of(2026, 2, 1, 0, 0));
        assertThat(when.isMissing(2)).isTrue();
        assertThat(guessed.steps().getFirst().params().get("formats_used")).isEqualTo(Map.of("when", "dd/MM/yyyy"));
        assertThat(guessed.steps().getFirst().warnings())
                .singleElement()
                .asString()
                .contains("'soon'");

        PlanRunner.Outcome given = run(table, step("cast", """
                {"columns": ["when"], "to": "datetime", "format": "MM/dd/yyyy"}"""));
        DateTimeColumn american = (DateTimeColumn) given.table().column("when");
        assertThat(american.get(1)).isEqualTo(LocalDateTime.of(2026, 1, 2, 0, 0));
        assertThat(american.isMissing(0)).isTrue(); // month 24 does not exist
        assertThat(given.steps().getFirst().warnings())
                .singleElement()
                .asString()
                .startsWith("3 values");
    }

    @Test
    void aColumnWithoutValuesCastsToAnEmptyColumnOfTheNewType() {
        Table table = Datasets.fromText("e", "a,b\n1,\n2,\n");

        PlanRunner.Outcome outcome = run(table, step("cast", """
                {"columns": ["b"], "to": "int"}"""));

        assertThat(outcome.table().column("b")).isInstanceOf(IntColumn.class);
        assertThat(outcome.table().column("b").countMissing()).isEqualTo(2);
        assertThat(outcome.steps().getFirst().warnings()).isEmpty();
    }
}
