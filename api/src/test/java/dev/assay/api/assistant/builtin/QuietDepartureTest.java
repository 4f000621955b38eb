package dev.assay.api.assistant.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.assistant.RequestSet;
import dev.assay.api.assistant.planning.Conversation;
import dev.assay.api.assistant.planning.PlannerAnswer;
import dev.assay.api.assistant.planning.PlanningRequest;
import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.params.ActionType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: a plan never departs from the request without a word. Each test is a kind of quiet departure seen in a
 * held-out set, checked on other datasets and wordings: a cast of words to numbers, an empty scope for "the only …
 * column", inputs said with "off" and "&" dropped, an input said as a count that names no column dropped.
 */
class QuietDepartureTest {

    private final BuiltInPlanner planner = new BuiltInPlanner();

    private PlannerAnswer plan(String dataset, String prompt) {
        return planner.plan(
                new PlanningRequest(prompt, RequestSet.profile(dataset), null, new ArrayList<>(), Conversation.none()));
    }

    /** A follow-up: the request refines the current plan. */
    private PlannerAnswer planOn(String dataset, String prompt, List<PlanStep> current) {
        return planner.plan(new PlanningRequest(
                prompt, RequestSet.profile(dataset), null, new ArrayList<>(), new Conversation(current, List.of())));
    }

    private static List<PlanStep> steps(PlannerAnswer answer) {
        return answer.plan().actions();
    }

    @Test
    void wordsTurnedIntoNumbersAreEncodedNeverCast() {
        for (String[] said : List.of(
                new String[] {"penguins.csv", "make island numeric", "island"},
                new String[] {"diamonds.csv", "turn cut into numbers", "cut"},
                new String[] {"mpg.csv", "Turn the three-valued text column into numbers.", "origin"})) {
            PlannerAnswer answer = plan(said[0], said[1]);
            assertThat(steps(answer)).as(said[1]).noneMatch(s -> s.type() == ActionType.CAST);
            assertThat(steps(answer)).as(said[1]).singleElement().satisfies(s -> {
                assertThat(s.type()).isEqualTo(ActionType.ENCODE);
                assertThat(s.params().get("columns")).isEqualTo(List.of(said[2]));
            });
            assertThat(answer.warnings()).as(said[1]).anyMatch(w -> w.contains("holds words"));
        }
        // Numbers stored as text are still cast.
        assertThat(steps(plan("mpg.csv", "convert horsepower to numbers")))
                .singleElement()
                .satisfies(s -> assertThat(s.type()).isEqualTo(ActionType.CAST));
    }

    @Test
    void theOnlyColumnOfAKindIsThatColumnOrAQuestionNeverEveryColumn() {
        assertThat(steps(plan("iris.csv", "label-encode the only non-numeric column")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns")).isEqualTo(List.of("species")));
        assertThat(steps(plan("breast_cancer.csv", "one-hot encode the single non-numeric column")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns")).isEqualTo(List.of("diagnosis")));
        PlannerAnswer several = plan("tips.csv", "label-encode the only text column");
        assertThat(steps(several)).isEmpty();
        assertThat(several.warnings()).anyMatch(w -> w.contains("sex") && w.contains("day") && w.contains("time"));
    }

    @Test
    void describingWordsThatNameNoColumnAreAskedAboutNotReadAsEveryColumn() {
        for (String[] said : List.of(
                new String[] {"penguins.csv", "fill the empty Antarctic temperatures with the median"},
                new String[] {"stocks.csv", "fill the empty Zenith prices with 0"},
                new String[] {"diamonds.csv", "scale the only column that holds words"})) {
            PlannerAnswer answer = plan(said[0], said[1]);
            assertThat(steps(answer)).as(said[1]).isEmpty();
            assertThat(answer.warnings()).as(said[1]).anyMatch(w -> w.contains("could not find"));
        }
    }

    @Test
    void inputsSaidWithOffAndAmpersandAreKept() {
        assertThat(steps(plan("penguins.csv", "Guess body mass off the bill length & bill depth.")))
                .singleElement()
                .satisfies(s ->
                        assertThat(s.params().get("features")).isEqualTo(List.of("bill_length_mm", "bill_depth_mm")));
        assertThat(steps(plan("diamonds.csv", "estimate price off carat & depth")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("features")).isEqualTo(List.of("carat", "depth")));
    }

    @Test
    void anInputSaidAsACountThatNamesNoColumnIsNamedInTheAnswer() {
        PlannerAnswer answer =
                plan("tips.csv", "estimate tip from the bill and how many diners there were, nothing else");
        assertThat(steps(answer)).isEmpty();
        assertThat(answer.warnings()).anyMatch(w -> w.contains("how many diners there were") && w.contains("size"));
        PlannerAnswer age = plan("penguins.csv", "predict body mass from flipper length and how old the bird is");
        assertThat(steps(age)).isEmpty();
        assertThat(age.warnings()).anyMatch(w -> w.contains("age"));
    }

    @Test
    void aTargetSaidInWordsThatNameNoColumnIsNotTakenFromTheSentenceBefore() {
        PlannerAnswer answer = plan("diamonds.csv", "What drives the price? Predict the jeweller's margin.");
        assertThat(steps(answer)).isEmpty();
    }

    @Test
    void valuesFromOutsideTheFileAndForecastsPastTheDataAreRefused() {
        for (String[] said : List.of(
                new String[] {"taxis.csv", "fill the missing zones by looking them up on Google Maps"},
                new String[] {"macrodata.csv", "fill the gaps in cpi by downloading the series from the FRED website"},
                new String[] {"stocks.csv", "forecast AAPL for the next twelve months"},
                new String[] {"macrodata.csv", "predict unemp for the next 4 quarters"})) {
            assertThat(steps(plan(said[0], said[1]))).as(said[1]).isEmpty();
        }
    }

    @Test
    void inputsSaidByAQuestionOrRestrictedWithoutANameAreAskedAbout() {
        PlannerAnswer answer = plan("penguins.csv", "predict body mass with bill depth and how far the bird swam");
        assertThat(steps(answer)).isEmpty();
        assertThat(answer.warnings()).anyMatch(w -> w.contains("how far the bird swam"));
        PlannerAnswer only =
                plan("penguins.csv", "I'd like a model of body mass built on just the flipper and nothing else");
        assertThat(steps(only)).isEmpty();
        assertThat(only.warnings()).anyMatch(w -> w.contains("only some inputs"));
    }

    @Test
    void aListedColumnThatIsNoColumnOrACountThatDoesNotFitIsAskedAboutNeverDropped() {
        for (String[] said : List.of(
                new String[] {"penguins.csv", "scale bill depth and the beak curvature", "beak curvature"},
                new String[] {"diamonds.csv", "fill the missing carat and the retail markup with the median", "markup"},
                new String[] {"iris.csv", "standardise the three petal measurements", "petal width (cm)"},
                new String[] {"penguins.csv", "predict species from the four body measurements", "body_mass_g"},
                new String[] {"titanic.csv", "predict Survived from the family columns plus Pclass", "Pclass"})) {
            PlannerAnswer answer = plan(said[0], said[1]);
            assertThat(steps(answer)).as(said[1]).isEmpty();
            assertThat(answer.warnings()).as(said[1]).anyMatch(w -> w.contains(said[2]));
        }
        // Limits and a count that fits are no such list.
        assertThat(steps(plan("penguins.csv", "cap flipper length and body mass at the 1st and 99th percentiles")))
                .isNotEmpty();
        assertThat(steps(plan("wine.csv", "min-max scale the two phenol columns")))
                .isNotEmpty();
    }

    @Test
    void removingThingsByHowManyOfAColumnTheyHadIsARowFilterNotADroppedColumn() {
        assertThat(steps(plan("tips.csv", "Delete the tables that had zero smokers.")))
                .isEmpty();
        assertThat(steps(plan("mpg.csv", "drop the cars that have 8 cylinders")))
                .isEmpty();
        assertThat(steps(plan("stocks.csv", "drop the tickers with fewer than 100 prices")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns")).isEqualTo(List.of("DELL")));
    }

    @Test
    void aStepAskedForThatNoStepDoesIsNamedInTheAnswer() {
        PlannerAnswer answer = plan("tips.csv", "total_bill plus tip as grand, bucketed, then predict size");
        assertThat(steps(answer)).noneMatch(s -> "bin".equals(s.params().get("operation")));
        assertThat(answer.warnings()).anyMatch(w -> w.contains("binning") && w.contains("bucketed"));
    }

    @Test
    void itAfterACreatedColumnIsThatColumnAndAfterAClauseNotUnderstoodIsAQuestion() {
        assertThat(steps(plan("mpg.csv", "work out weight per cylinder, standardise that, then predict mpg")))
                .filteredOn(s -> s.type() == ActionType.SCALE)
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns")).isEqualTo(List.of("weight_per_cylinders")));
        PlannerAnswer unclear = plan("tips.csv", "get the tip share of the bill, z-score it and classify smoker");
        assertThat(steps(unclear)).noneMatch(s -> s.type() == ActionType.SCALE);
        assertThat(unclear.warnings()).anyMatch(w -> w.contains("z-score it"));
    }

    @Test
    void superlativesSaidByFarByTheTailOrByTheLargestValuesNameOneColumn() {
        assertThat(steps(plan("titanic.csv", "drop the field with by far the most gaps")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns")).isEqualTo(List.of("Cabin")));
        assertThat(steps(plan("macrodata.csv", "scale the column with the biggest values")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns")).isEqualTo(List.of("realgdp")));
        // A log of the column a phrase picks has no made-up name ("most_skewed").
        assertThat(steps(plan("mpg.csv", "log-transform the most skewed column")))
                .singleElement()
                .satisfies(s -> assertThat(s.params()).doesNotContainKey("new_column"));
    }

    @Test
    void anAmountPaidIsTheMoneyColumnNotAColumnOfWordsNamedOnTheWay() {
        assertThat(steps(plan("tips.csv", "model how much each table paid")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("target")).isEqualTo("total_bill"));
    }

    @Test
    void misspeltVerbsPassivesAndInputsSaidFirstAreRead() {
        assertThat(steps(plan("penguins.csv", "clasify species from bill length and flipper length")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("features"))
                        .isEqualTo(List.of("bill_length_mm", "flipper_length_mm")));
        assertThat(steps(plan("macrodata.csv", "I'd like realinv predicted on the basis of realgdp and tbilrate")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("target")).isEqualTo("realinv"));
        assertThat(steps(plan("penguins.csv", "With flipper length and bill depth as the inputs, predict body mass.")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("features"))
                        .isEqualTo(List.of("flipper_length_mm", "bill_depth_mm")));
    }

    @Test
    void aWordInsideALongerNameBeforeByLosesToTheWholeNameAfterIt() {
        assertThat(steps(plan("penguins.csv", "classify the body shapes by species")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("target")).isEqualTo("species"));
        assertThat(steps(plan("diamonds.csv", "model the clarity price")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("target")).isEqualTo("price"));
    }

    @Test
    void theValueAFollowUpReplacesIsNotReadAsTheNewOneAndAQuotedFillIsKept() {
        List<PlanStep> clipped = List.of(
                new PlanStep(ActionType.CLIP_OUTLIERS, java.util.Map.of("columns", List.of(), "method", "iqr")),
                new PlanStep(ActionType.TRAIN_MODEL, java.util.Map.of("target", "species")));
        PlannerAnswer factor = planner.plan(new PlanningRequest(
                "make the IQR factor 3 rather than 1.5",
                RequestSet.profile("iris.csv"),
                null,
                new ArrayList<>(),
                new Conversation(clipped, List.of())));
        assertThat(steps(factor).getFirst().params().get("factor")).isEqualTo(3.0);
        List<PlanStep> dropped = List.of(
                new PlanStep(ActionType.DROP_COLUMNS, java.util.Map.of("columns", List.of("payment"))),
                new PlanStep(ActionType.TRAIN_MODEL, java.util.Map.of("target", "fare")));
        PlannerAnswer fill = planner.plan(new PlanningRequest(
                "don't drop payment after all - fill it with 'unknown' instead",
                RequestSet.profile("taxis.csv"),
                null,
                new ArrayList<>(),
                new Conversation(dropped, List.of())));
        assertThat(steps(fill).getFirst().params())
                .containsEntry("strategy", "constant")
                .containsEntry("value", "unknown");
    }

    @Test
    void lettersAndMeasurementsSaidWithACountNameThoseColumnsOrAQuestion() {
        assertThat(steps(plan("penguins.csv", "predict species from the three Bs")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("features"))
                        .isEqualTo(List.of("bill_length_mm", "bill_depth_mm", "body_mass_g")));
        assertThat(steps(plan("penguins.csv", "standardise all four measurements, then predict species")))
                .filteredOn(s -> s.type() == ActionType.SCALE)
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns"))
                        .isEqualTo(List.of("bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g")));
        assertThat(steps(plan("iris.csv", "standardise the three measurements")))
                .isEmpty();
    }

    private PlannerAnswer followUp(String dataset, String prompt, List<PlanStep> current) {
        return planner.plan(new PlanningRequest(
                prompt, RequestSet.profile(dataset), null, new ArrayList<>(), new Conversation(current, List.of())));
    }

    @Test
    void severalColumnsRenamedTakeOneNewNameEachOrAQuestion() {
        assertThat(steps(plan("penguins.csv", "rename the bill columns to bill_len and bill_dep")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("renames"))
                        .isEqualTo(List.of(
                                java.util.Map.of("from", "bill_length_mm", "to", "bill_len"),
                                java.util.Map.of("from", "bill_depth_mm", "to", "bill_dep"))));
        PlannerAnswer one = plan("iris.csv", "rename the sepal columns to sepals");
        assertThat(steps(one)).isEmpty();
        assertThat(one.warnings()).anyMatch(w -> w.contains("sepal length (cm)") && w.contains("sepal width (cm)"));
    }

    @Test
    void foldsSaidAreUsedOrNamedNeverDropped() {
        assertThat(steps(plan(
                        "wine.csv",
                        "standardise proline, then a random forest on class with 5 cross-validation folds")))
                .filteredOn(s -> s.type() == ActionType.TRAIN_MODEL)
                .singleElement()
                .satisfies(s -> assertThat(s.params()).containsEntry("cv_folds", 5));
        assertThat(steps(plan("mpg.csv", "predict mpg with a decision tree and 10 CV folds")))
                .singleElement()
                .satisfies(s -> assertThat(s.params()).containsEntry("cv_folds", 10));
        PlannerAnswer vague = plan("wine.csv", "a random forest on class with several CV folds");
        assertThat(vague.warnings()).anyMatch(w -> w.contains("cross-validation folds"));
    }

    @Test
    void aKindOfStepTakenBackOutIsRemoved() {
        List<PlanStep> current = List.of(
                new PlanStep(ActionType.IMPUTE, java.util.Map.of("columns", List.of("Age"), "strategy", "median")),
                new PlanStep(ActionType.ENCODE, java.util.Map.of("columns", List.of("Sex"), "method", "onehot")),
                new PlanStep(ActionType.TRAIN_MODEL, java.util.Map.of("target", "Survived")));
        assertThat(steps(followUp("titanic.csv", "take the encoding step back out", current)))
                .extracting(PlanStep::type)
                .containsExactly(ActionType.IMPUTE, ActionType.TRAIN_MODEL);
        assertThat(steps(followUp("titanic.csv", "pull the fill step out again", current)))
                .extracting(PlanStep::type)
                .containsExactly(ActionType.ENCODE, ActionType.TRAIN_MODEL);
        assertThat(steps(followUp("titanic.csv", "forget the encoding, the model doesn't need it", current)))
                .extracting(PlanStep::type)
                .containsExactly(ActionType.IMPUTE, ActionType.TRAIN_MODEL);
    }

    @Test
    void aValueCountSaidAfterAProfilePhraseNarrowsItNeverWidens() {
        assertThat(steps(plan("penguins.csv", "one-hot encode the text columns that just have two values")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns")).isEqualTo(List.of("sex")));
        assertThat(steps(plan("titanic.csv", "label-encode the text columns that only take two values")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns")).isEqualTo(List.of("Sex")));
    }

    @Test
    void thingsRemovedByHowAColumnComparesWithANumberAreRefusedNeverAColumnDropped() {
        for (String[] said : List.of(
                new String[] {"diamonds.csv", "delete the diamonds whose price is above $5000"},
                new String[] {"mpg.csv", "remove the cars whose weight is over 4000"},
                new String[] {"titanic.csv", "get rid of the passengers whose fare was below 5"})) {
            PlannerAnswer answer = plan(said[0], said[1]);
            assertThat(steps(answer)).as(said[1]).isEmpty();
            assertThat(answer.warnings()).as(said[1]).anyMatch(w -> w.contains("by their values"));
        }
    }

    @Test
    void aSuperlativeTwoColumnsShareIsAskedAboutNeverOnePickedInSilence() {
        PlannerAnswer tie = plan("titanic.csv", "drop the column with the most distinct values");
        assertThat(steps(tie)).isEmpty();
        assertThat(tie.warnings()).anyMatch(w -> w.contains("PassengerId") && w.contains("Name"));
        assertThat(steps(plan("mpg.csv", "label-encode the column with the fewest distinct values")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns")).isEqualTo(List.of("origin")));
    }

    @Test
    void aCountOfColumnsSaidWithNoneNamedIsAQuestionNeverEveryColumn() {
        PlannerAnswer answer = plan("wine.csv", "standardise the two");
        assertThat(steps(answer)).isEmpty();
        assertThat(answer.warnings()).anyMatch(w -> w.contains("Which two columns"));
        // A count that fits the columns holding a word that is also one column's whole name names them all.
        assertThat(steps(plan("taxis.csv", "drop the three pickup columns")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns"))
                        .isEqualTo(List.of("pickup", "pickup_zone", "pickup_borough")));
        // A quoted name with an ellipsis is the word it keeps, never a sentence end that leaves "scale the two".
        assertThat(steps(plan("wine.csv", "standardise the two '... phenols' columns")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns"))
                        .isEqualTo(List.of("total_phenols", "nonflavanoid_phenols")));
    }

    @Test
    void inputsSaidByADemonstrativeAreTheColumnsBeforeOrAQuestion() {
        assertThat(steps(plan("titanic.csv", "fill Age and Fare with the median, then predict Survived from both")))
                .filteredOn(s -> s.type() == ActionType.TRAIN_MODEL)
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("features")).isEqualTo(List.of("Age", "Fare")));
        PlannerAnswer fewer = plan("tips.csv", "fill size with the median, then predict tip from those two");
        assertThat(steps(fewer)).noneMatch(s -> s.type() == ActionType.TRAIN_MODEL);
        assertThat(fewer.warnings()).anyMatch(w -> w.contains("model's inputs"));
    }

    @Test
    void aDescribingWordBeforeASuperlativeNarrowsItNeverDropsOut() {
        assertThat(steps(plan("taxis.csv", "label-encode whichever location column has the most distinct values")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns")).isEqualTo(List.of("dropoff_zone")));
    }

    @Test
    void aColumnWordDescribingTheNextColumnIsNoInputOfItsOwnAndIsSaid() {
        PlannerAnswer answer = plan("taxis.csv", "predict tip from the trip distance and the passenger fare");
        assertThat(steps(answer))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("features")).isEqualTo(List.of("distance", "fare")));
        assertThat(answer.warnings()).anyMatch(w -> w.contains("passenger"));
    }

    @Test
    void aTargetIsNeverTakenFromTheColumnsLeftOut() {
        assertThat(steps(plan("mpg.csv", "train a model on how the cars did, ignoring name and origin")))
                .isEmpty();
        assertThat(steps(plan(
                        "tips.csv", "build a model for whether a smoker was at the table, leaving out day and time")))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.params().get("target")).isEqualTo("smoker");
                    assertThat(s.params().get("features")).isEqualTo(List.of("total_bill", "tip", "sex", "size"));
                });
    }

    @Test
    void inputsSaidByAKindOfMeasurementNoColumnHoldsAreAskedAbout() {
        PlannerAnswer answer = plan("taxis.csv", "predict total from the trip metrics");
        assertThat(steps(answer)).isEmpty();
        assertThat(answer.warnings()).anyMatch(w -> w.contains("trip metrics"));
    }

    @Test
    void aTypeSaidAsWhatAColumnBecomesOrIsNowIsNoScope() {
        assertThat(steps(plan("taxis.csv", "convert the dropoff field into a real datetime column")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns")).isEqualTo(List.of("dropoff")));
        // How a column is stored now is no step; "it" after it is that column.
        assertThat(steps(plan("taxis.csv", "dropoff is currently a string, make it a datetime")))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.params().get("columns")).isEqualTo(List.of("dropoff"));
                    assertThat(s.params().get("to")).isEqualTo("datetime");
                });
    }

    @Test
    void aKindOfColumnBeforeASuperlativeRanksOnlyThatKind() {
        assertThat(steps(plan("tips.csv", "label-encode the categorical column with the most distinct values")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns")).isEqualTo(List.of("day")));
        assertThat(steps(plan("mpg.csv", "bin the numeric column with the fewest distinct values into 2 bins")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns")).isEqualTo(List.of("cylinders")));
    }

    @Test
    void missingFlagsSaidAfterTheFillAreKept() {
        assertThat(steps(plan("penguins.csv", "fill bill length with the mean plus missing-flags")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("add_indicator")).isEqualTo(true));
    }

    @Test
    void addBeforeALogMakesTheLogColumnsNeverASum() {
        assertThat(steps(plan("mpg.csv", "add log1p of weight and log1p of displacement")))
                .hasSize(2)
                .allSatisfy(s -> assertThat(s.params().get("operation")).isEqualTo("log1p"));
    }

    @Test
    void eachItemOfAListOfInputsIsUsedOrAskedAbout() {
        assertThat(steps(plan("statecrime.csv", "predict murder from poverty, high-school graduation, single parents")))
                .singleElement()
                .satisfies(s -> assertThat(new java.util.HashSet<Object>(
                                (List<?>) s.params().get("features")))
                        .isEqualTo(java.util.Set.of("poverty", "hs_grad", "single")));
        PlannerAnswer answer = plan("macrodata.csv", "predict infl from unemployment, interest rate, money supply");
        assertThat(steps(answer)).isEmpty();
        assertThat(answer.warnings()).anyMatch(w -> w.contains("interest rate"));
    }

    @Test
    void anOrdinalPercentileWithDecimalsIsAPercentNeverAColumnNotFound() {
        assertThat(steps(plan("penguins.csv", "clip the outliers at the 0.5th and 99.5th percentiles")))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.params().get("lower")).isEqualTo(0.005);
                    assertThat(s.params().get("upper")).isEqualTo(0.995);
                });
    }

    @Test
    void aCountOfAThingAfterTheCueIsAnInputOrAQuestion() {
        assertThat(steps(plan("taxis.csv", "predict total using only number of passengers, distance and tolls")))
                .singleElement()
                .satisfies(s ->
                        assertThat(s.params().get("features")).isEqualTo(List.of("passengers", "distance", "tolls")));
        PlannerAnswer answer = plan("tips.csv", "Regress tip using only number of diners, total bill and day");
        assertThat(steps(answer)).isEmpty();
        assertThat(answer.warnings()).anyMatch(w -> w.contains("number of diners"));
    }

    @Test
    void anItemToLeaveOutThatNamesNoColumnIsAskedAboutNeverDropped() {
        for (String[] said : List.of(
                new String[] {"statecrime.csv", "scale everything except murder and how rich the state is", "how rich"},
                new String[] {"titanic.csv", "fill gaps in every column except how rich they were", "how rich"},
                new String[] {"penguins.csv", "normalise everything other than the beak", "beak"})) {
            PlannerAnswer answer = plan(said[0], said[1]);
            assertThat(steps(answer)).as(said[1]).isEmpty();
            assertThat(answer.warnings()).as(said[1]).anyMatch(w -> w.contains(said[2]));
        }
        // "how urban the state is" names urban; the state is what one row is, not a column to leave out.
        assertThat(steps(plan("statecrime.csv", "scale everything but murder and how urban the state is")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns"))
                        .isEqualTo(List.of("violent", "hs_grad", "poverty", "single", "white")));
    }

    @Test
    void aSuperlativeSaysOneColumnRankedOrAsked() {
        assertThat(steps(plan("wine.csv", "clip outliers in the most skewed numerical variable")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns")).isEqualTo(List.of("magnesium")));
        PlannerAnswer answer = plan("penguins.csv", "scale the most bumpy numeric column");
        assertThat(steps(answer)).isEmpty();
        assertThat(answer.warnings()).anyMatch(w -> w.contains("most bumpy"));
    }

    @Test
    void aColumnThatQualifiesTheTargetIsNeverTheTarget() {
        assertThat(steps(plan("taxis.csv", "predict the fare before the tip and tolls using distance")))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.params().get("target")).isEqualTo("fare");
                    assertThat(s.params().get("features")).isEqualTo(List.of("distance"));
                });
        PlannerAnswer answer = plan("taxis.csv", "predict what a ride costs before the tip and tolls");
        assertThat(steps(answer))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("target")).isEqualTo("fare"));
        assertThat(answer.warnings()).anyMatch(w -> w.contains("fare"));
    }

    @Test
    void nothingButIsOnlyNeverEverythingElse() {
        assertThat(steps(plan("mpg.csv", "predict mpg using nothing but weight and horsepower")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("features")).isEqualTo(List.of("weight", "horsepower")));
    }

    @Test
    void aFormulaBeyondOneOperationIsRefusedNeverCutDown() {
        for (String[] said : List.of(
                new String[] {"mpg.csv", "add a column that is the square root of weight times horsepower"},
                new String[] {"iris.csv", "create a feature equal to petal length squared plus petal width"},
                new String[] {"mpg.csv", "add weight plus horsepower plus displacement"})) {
            PlannerAnswer answer = plan(said[0], said[1]);
            assertThat(steps(answer)).as(said[1]).isEmpty();
            assertThat(answer.warnings()).as(said[1]).anyMatch(w -> w.contains("formula"));
        }
        // A name that repeats an operand ("hp_per_lb") or a description before the formula is no third column.
        assertThat(steps(plan("mpg.csv", "compute horsepower divided by weight, name it hp_per_lb")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("new_column")).isEqualTo("hp_per_lb"));
        assertThat(steps(plan("tips.csv", "Add a column tip_rate that is tip divided by total bill")))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.params().get("operation")).isEqualTo("divide");
                    assertThat(s.params().get("columns")).isEqualTo(List.of("tip", "total_bill"));
                });
    }

    @Test
    void aCountOfDistinctValuesSaidInWordsBoundsTheColumns() {
        assertThat(steps(plan("titanic.csv", "drop the text columns with more than a hundred distinct values")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns")).isEqualTo(List.of("Name", "Ticket", "Cabin")));
    }

    @Test
    void aYearAfterTheDataIsAForecastAndRefused() {
        PlannerAnswer answer = plan("macrodata.csv", "forecast real GDP for 2015");
        assertThat(steps(answer)).isEmpty();
        assertThat(answer.warnings()).anyMatch(w -> w.contains("after the data ends"));
        // A year inside the data, or one that is a column's name, is no forecast.
        assertThat(steps(plan("fertility.csv", "predict 2011 from 2000 through 2010")))
                .isNotEmpty();
    }

    @Test
    void inputsSaidAfterTheTargetAreTheInputsNeverDropped() {
        assertThat(steps(plan("penguins.csv", "classify sex on bill depth and body mass alone")))
                .singleElement()
                .satisfies(
                        s -> assertThat(s.params().get("features")).isEqualTo(List.of("bill_depth_mm", "body_mass_g")));
        assertThat(steps(plan("macrodata.csv", "a linear regression of infl on unemp and tbilrate")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("features")).isEqualTo(List.of("unemp", "tbilrate")));
        // "train on Survived" keeps "on" for the target.
        assertThat(steps(plan("titanic.csv", "train a classifier on Survived")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("target")).isEqualTo("Survived"));
    }

    @Test
    void aPartOfADateOrAnItemThatNamesNothingIsAskedNeverEveryColumn() {
        PlannerAnswer encode = plan("tips.csv", "one-hot encode the day of the week");
        assertThat(steps(encode)).isEmpty();
        assertThat(encode.warnings()).anyMatch(w -> w.contains("weekday"));
        PlannerAnswer log = plan("mpg.csv", "take the log of displacement and of the car's oomph rating");
        assertThat(steps(log)).isEmpty();
        assertThat(log.warnings()).anyMatch(w -> w.contains("oomph"));
        PlannerAnswer model =
                plan("breast_cancer.csv", "predict diagnosis from every column except the worst-case ones");
        assertThat(steps(model)).isEmpty();
        assertThat(model.warnings()).anyMatch(w -> w.contains("worst-case"));
    }

    @Test
    void aFollowUpThatSwapsAFillForADropReplacesTheFill() {
        List<PlanStep> current = List.of(
                new PlanStep(
                        ActionType.IMPUTE,
                        new java.util.LinkedHashMap<>(
                                java.util.Map.of("strategy", "median", "columns", List.of("Age")))),
                new PlanStep(
                        ActionType.TRAIN_MODEL, new java.util.LinkedHashMap<>(java.util.Map.of("target", "Survived"))));
        PlannerAnswer answer = planner.plan(new PlanningRequest(
                "rather than imputing, just remove the passengers whose age is missing",
                RequestSet.profile("titanic.csv"),
                null,
                new ArrayList<>(),
                new Conversation(current, List.of())));
        assertThat(steps(answer))
                .extracting(PlanStep::type)
                .containsExactly(ActionType.DROP_MISSING_ROWS, ActionType.TRAIN_MODEL);
        assertThat(steps(answer).getFirst().params().get("columns")).isEqualTo(List.of("Age"));
    }

    @Test
    void whatTheAnswerSaysWasLeftOutIsWhatThePlanLeftOut() {
        // The api's scope check names the columns left out as asked; "nothing but" leaves none out.
        assertThat(BuiltInPlanner.excludedColumns(
                        "predict mpg using nothing but weight and horsepower", RequestSet.profile("mpg.csv")))
                .isEmpty();
        assertThat(BuiltInPlanner.excludedColumns(
                        "predict mpg from everything except weight", RequestSet.profile("mpg.csv")))
                .containsExactly("weight");
    }

    @Test
    void aStepBeforeADateSplitIsKeptAsItsOwnStep() {
        // "split the Date into year and month" begins a step: the drop before it had been swallowed (or widened to
        // Date).
        assertThat(steps(plan("stocks.csv", "drop DELL, split the Date into year and month")))
                .extracting(PlanStep::type)
                .containsExactly(ActionType.DROP_COLUMNS, ActionType.FEATURE_ENGINEER);
        assertThat(steps(plan("stocks.csv", "drop DELL, split the Date into year and month"))
                        .getFirst()
                        .params()
                        .get("columns"))
                .isEqualTo(List.of("DELL"));
    }

    @Test
    void aPluralHeadBeforeOfGoesWithEachWordAfterIt() {
        // "the boroughs of pick up and drop off" are the two borough columns, not also pickup and dropoff.
        assertThat(steps(plan("taxis.csv", "estimate the fare from the boroughs of pick up and drop off"))
                        .getFirst()
                        .params()
                        .get("features"))
                .isEqualTo(List.of("pickup_borough", "dropoff_borough"));
    }

    @Test
    void columnsThatHoldOneValueOnEveryRowAreTheConstantColumnsNotARowFilter() {
        for (String prompt : List.of(
                "drop every column where all the rows hold the same value",
                "remove the columns that never change from row to row",
                "get rid of columns which have the same value in every single row")) {
            assertThat(steps(plan("fertility.csv", prompt)).getFirst().params().get("columns"))
                    .as(prompt)
                    .isEqualTo(List.of("Indicator Name", "Indicator Code"));
        }
    }

    @Test
    void aStatementNamesWhatTheNextClausesThemStandsForAndTheAnswerSaysSo() {
        PlannerAnswer model =
                plan("mpg.csv", "Fuel use depends mostly on weight and horsepower. Predict mpg from those two only.");
        assertThat(steps(model).getFirst().params().get("features")).isEqualTo(List.of("weight", "horsepower"));
        assertThat(model.warnings())
                .anyMatch(w -> w.startsWith("I read \"Fuel use depends mostly on weight and horsepower\""));
        // A demonstrative followed by other words is still those columns, never every column.
        assertThat(steps(plan(
                                "penguins.csv",
                                "Bill length, bill depth and flipper length are what the field team measured. Classify"
                                        + " the species from these three alone."))
                        .getFirst()
                        .params()
                        .get("features"))
                .isEqualTo(List.of("bill_length_mm", "bill_depth_mm", "flipper_length_mm"));
        // A clause that asks for something it could not do is no statement: "it" after it is asked about.
        assertThat(steps(plan("tips.csv", "get the tip share of the bill, z-score it")))
                .isEmpty();
    }

    @Test
    void inputsSaidWithUseInTheirOwnSentenceGoToTheModelBeforeThem() {
        assertThat(steps(plan("statecrime.csv", "what predicts murder across the states? use poverty and single"))
                        .getFirst()
                        .params()
                        .get("features"))
                .isEqualTo(List.of("poverty", "single"));
    }

    @Test
    void aSharePriceIsAPriceAndAHeadCountIsThePartySize() {
        assertThat(steps(plan("stocks.csv", "fit a regression of Microsoft's share price"))
                        .getFirst()
                        .params()
                        .get("target"))
                .isEqualTo("MSFT");
        // A share of something is still a formula, refused with the reason.
        assertThat(steps(plan("tips.csv", "predict the tip as a share of the total bill")))
                .isEmpty();
        PlannerAnswer party =
                plan("tips.csv", "can you guess how many people were at the table from the rest of the bill details?");
        assertThat(steps(party).getFirst().params())
                .containsEntry("target", "size")
                .doesNotContainKey("features");
        assertThat(party.warnings()).anyMatch(w -> w.contains("\"people\"") && w.contains("size"));
    }

    @Test
    void theColumnWithTheWidestRangeIsOneColumnFromTheProfile() {
        assertThat(steps(plan(
                                "mpg.csv",
                                "clip outliers in the column whose values span the biggest range, only that one"))
                        .getFirst()
                        .params()
                        .get("columns"))
                .isEqualTo(List.of("weight"));
        assertThat(steps(plan("wine.csv", "scale the variable with the largest range of values"))
                        .getFirst()
                        .params()
                        .get("columns"))
                .isEqualTo(List.of("proline"));
    }

    @Test
    void aFollowUpMovesAStepOrNarrowsTheDatePartsAndNothingElse() {
        List<PlanStep> current = List.of(
                new PlanStep(
                        ActionType.SCALE,
                        new java.util.LinkedHashMap<>(
                                java.util.Map.of("columns", List.of("Age", "Fare"), "method", "standard"))),
                new PlanStep(
                        ActionType.IMPUTE,
                        new java.util.LinkedHashMap<>(
                                java.util.Map.of("columns", List.of("Age"), "strategy", "median"))),
                new PlanStep(
                        ActionType.TRAIN_MODEL, new java.util.LinkedHashMap<>(java.util.Map.of("target", "Survived"))));
        assertThat(steps(followUp("titanic.csv", "fill in the ages before the scaling, not after", current)))
                .containsExactly(current.get(1), current.get(0), current.get(2));
        // Words that also ask for something else are no move: the fill's new way is kept.
        List<PlanStep> meanFill = List.of(
                new PlanStep(
                        ActionType.IMPUTE,
                        new java.util.LinkedHashMap<>(java.util.Map.of("columns", List.of("Age"), "strategy", "mean"))),
                current.get(2));
        assertThat(steps(followUp("titanic.csv", "fill Age with the median before training", meanFill))
                        .getFirst()
                        .params())
                .containsEntry("strategy", "median");
        // Already in that order: unchanged, and said.
        PlannerAnswer already = followUp("titanic.csv", "do the fill after the scaling", current);
        assertThat(steps(already)).isEqualTo(current);
        assertThat(already.warnings()).anyMatch(w -> w.contains("already after"));
        List<PlanStep> dates = List.of(
                new PlanStep(
                        ActionType.FEATURE_ENGINEER,
                        new java.util.LinkedHashMap<>(
                                java.util.Map.of("operation", "date_parts", "columns", List.of("Date")))),
                new PlanStep(ActionType.TRAIN_MODEL, new java.util.LinkedHashMap<>(java.util.Map.of("target", "IBM"))));
        PlanStep narrowed = steps(followUp("stocks.csv", "just the year from Date, not the rest", dates))
                .getFirst();
        assertThat(narrowed.params()).containsEntry("parts", List.of("year")).containsEntry("columns", List.of("Date"));
    }

    @Test
    void aPartOfAWholeBetweenTwoColumnsDividesThemAndAPreambleIsNoStep() {
        assertThat(steps(plan("tips.csv", "add tip as a share of total_bill"))
                        .getFirst()
                        .params())
                .containsEntry("operation", "divide")
                .containsEntry("columns", List.of("tip", "total_bill"));
        assertThat(steps(plan("taxis.csv", "Two things: make tip as a fraction of fare, and label-encode payment.")))
                .extracting(PlanStep::type)
                .containsExactly(ActionType.FEATURE_ENGINEER, ActionType.ENCODE);
    }

    @Test
    void aGroupSaidWithItsMembersInBracketsIsThoseMembersAndAPluralIsLeftOutAsAGroup() {
        assertThat(steps(plan("penguins.csv", "predict body mass from the bill measurements only (length and depth)"))
                        .getFirst()
                        .params()
                        .get("features"))
                .isEqualTo(List.of("bill_length_mm", "bill_depth_mm"));
        // "the sepals" is both sepal columns, here left out; before, the plural named no column at all.
        assertThat(steps(
                                plan(
                                        "iris.csv",
                                        "classify species from the petal dimensions only (length and width), ignore the sepals"))
                        .getFirst()
                        .params()
                        .get("features"))
                .isEqualTo(List.of("petal length (cm)", "petal width (cm)"));
        assertThat(steps(plan("iris.csv", "species from the petal measurements alone, nothing about the sepals"))
                        .getFirst()
                        .params()
                        .get("features"))
                .isEqualTo(List.of("petal length (cm)", "petal width (cm)"));
        assertThat(Words.stem("sepals")).isEqualTo(Words.stem("sepal"));
    }

    @Test
    void aModelAskedAsAQuestionAndASentenceAfterADashAreRead() {
        assertThat(steps(plan("tips.csv", "can the smokers be identified from the bill and the tip"))
                        .getFirst()
                        .params())
                .containsEntry("target", "smoker")
                .containsEntry("features", List.of("total_bill", "tip"));
        // The words before the dash are context: "wines" in them had become the target.
        assertThat(steps(plan(
                                "wine.csv",
                                "we have chemical analyses of wines from three cultivars - i'd like a model that"
                                        + " recognises which cultivar a wine comes from"))
                        .getFirst()
                        .params())
                .containsEntry("target", "class")
                .doesNotContainKey("features");
    }

    @Test
    void theSizeOfABillIsTheBillNeverThePartySize() {
        assertThat(steps(plan("tips.csv", "could you forecast the size of the bill before tipping"))
                        .getFirst()
                        .params()
                        .get("target"))
                .isEqualTo("total_bill");
        // "the check" names no column here: asked, never the size column read from "how big".
        assertThat(steps(plan("tips.csv", "can we predict how big the check is before the tip")))
                .isEmpty();
    }

    @Test
    void inputsSaidAsTheOnlyOnesThatNameNoColumnAreAskedAboutHoweverLongTheList() {
        PlannerAnswer answer = plan(
                "macrodata.csv",
                "Real GDP as the target, with consumption, investment and government spending as the only inputs.");
        assertThat(steps(answer)).isEmpty();
        assertThat(answer.warnings()).anyMatch(w -> w.contains("realcons"));
        // A list item after a described column ("the body mass value and …") that names nothing is asked about.
        PlannerAnswer logs = plan("penguins.csv", "take logs of the body mass value and of the feather shine");
        assertThat(steps(logs)).isEmpty();
        assertThat(logs.warnings()).anyMatch(w -> w.contains("feather shine"));
    }

    @Test
    void aStatementThatAlsoDescribesAProfileGroupNamesNothingForThemAndItIsOneColumn() {
        // "have gaps" is also the profile's group of columns with gaps: dropping "them" would widen to Embarked.
        assertThat(steps(plan("titanic.csv", "Cabin and Age have gaps. Drop them.")))
                .isEmpty();
        assertThat(steps(plan("titanic.csv", "These two columns are useless: Ticket and Cabin. Drop it.")))
                .isEmpty();
        assertThat(steps(plan("titanic.csv", "These two columns are useless: Ticket and Cabin. Drop them."))
                        .getFirst()
                        .params()
                        .get("columns"))
                .isEqualTo(List.of("Ticket", "Cabin"));
    }

    @Test
    void butOnlyGivesTheInputsAndAnApproximateCountIsWithinAFifth() {
        // "but only give it …" had been read as "every column but …": the model trained on the complement.
        assertThat(steps(plan("mpg.csv", "Train an mpg model, but only give it the weight and the horsepower."))
                        .getFirst()
                        .params())
                .containsEntry("target", "mpg")
                .containsEntry("features", List.of("weight", "horsepower"));
        // "roughly 200" had been dropped from the phrase, leaving every text column.
        assertThat(steps(plan("taxis.csv", "drop the text columns that have roughly 200 unique values each"))
                        .getFirst()
                        .params()
                        .get("columns"))
                .isEqualTo(List.of("pickup_zone", "dropoff_zone"));
        assertThat(steps(plan("fertility.csv", "drop whichever columns are entirely empty"))
                        .getFirst()
                        .params()
                        .get("columns"))
                .isEqualTo(List.of("2012", "2013"));
    }

    @Test
    void aNameThatFitsSeveralColumnsIsTheOneTheWordsAfterItSay() {
        assertThat(steps(plan("taxis.csv", "label encode the zone where each ride was dropped off"))
                        .getFirst()
                        .params()
                        .get("columns"))
                .isEqualTo(List.of("dropoff_zone"));
        assertThat(steps(plan("taxis.csv", "one-hot encode the borough"))).isEmpty();
    }

    @Test
    void aListAfterIeOrNamelyIsTheInputsAndThatOneIsTheColumnJustNamed() {
        assertThat(steps(plan(
                                "breast_cancer.csv",
                                "predict diagnosis from the size measures only, namely mean radius, mean perimeter and"
                                        + " mean area"))
                        .getFirst()
                        .params()
                        .get("features"))
                .isEqualTo(List.of("mean radius", "mean perimeter", "mean area"));
        PlannerAnswer drop = plan("titanic.csv", "which column has the most gaps? remove that one");
        assertThat(steps(drop).getFirst().params().get("columns")).isEqualTo(List.of("Cabin"));
        assertThat(drop.warnings()).anyMatch(w -> w.contains("as naming Cabin") && w.endsWith("acting on it."));
    }

    @Test
    void wordsThatSayWhatTheTargetHoldsAreNeverTheTarget() {
        assertThat(steps(plan("tips.csv", "predict the whole bill, tip included")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("target")).isEqualTo("total_bill"));
        assertThat(steps(plan("taxis.csv", "forecast the fare, tolls not included")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("target")).isEqualTo("fare"));
        // With no column named for what is predicted, the words after the comma are no fallback target.
        PlannerAnswer unnamed = plan("taxis.csv", "model what riders paid in the end, including the tip");
        assertThat(steps(unnamed)).isEmpty();
        assertThat(unnamed.warnings()).isNotEmpty();
    }

    @Test
    void membersInBracketsAfterAPluralAreThoseColumnsOnly() {
        assertThat(steps(plan("taxis.csv", "one-hot encode the zones (pickup and dropoff)"))
                        .getFirst()
                        .params()
                        .get("columns"))
                .isEqualTo(List.of("pickup_zone", "dropoff_zone"));
        assertThat(steps(plan("taxis.csv", "Fill in the missing boroughs (pickup, dropoff) with 'Unknown'."))
                        .getFirst()
                        .params()
                        .get("columns"))
                .isEqualTo(List.of("pickup_borough", "dropoff_borough"));
    }

    @Test
    void oneColumnSaidOfAWordSeveralColumnsShareIsAskedAbout() {
        PlannerAnswer phenols = plan("wine.csv", "Scale the phenols column.");
        assertThat(steps(phenols)).isEmpty();
        assertThat(phenols.warnings()).anyMatch(w -> w.contains("total_phenols") && w.contains("nonflavanoid_phenols"));
        PlannerAnswer timestamp = plan("taxis.csv", "pull the hour out of the timestamp column");
        assertThat(steps(timestamp)).isEmpty();
        assertThat(timestamp.warnings()).anyMatch(w -> w.contains("pickup") && w.contains("dropoff"));
        // Said in the plural, the word is every column that holds it.
        assertThat(steps(plan("wine.csv", "scale the phenols"))
                        .getFirst()
                        .params()
                        .get("columns"))
                .isEqualTo(List.of("total_phenols", "nonflavanoid_phenols"));
    }

    @Test
    void aTailSaidWithItsSideIsTheColumnsSkewedThatWayNeverEveryColumn() {
        assertThat(steps(plan("statecrime.csv", "clip the outliers in the columns that have a long right tail"))
                        .getFirst()
                        .params()
                        .get("columns"))
                .isEqualTo(List.of("violent", "murder", "single"));
        assertThat(steps(plan("statecrime.csv", "scale the columns that are skewed to the left"))
                        .getFirst()
                        .params()
                        .get("columns"))
                .isEqualTo(List.of("white"));
    }

    @Test
    void valuesLookedUpOnlineAreRefusedNeverReadAsAStep() {
        for (String[] said : List.of(
                new String[] {"mpg.csv", "look up each car's current resale value online and add it as a column"},
                new String[] {"diamonds.csv", "search the web for each stone's market value and put it in a column"})) {
            PlannerAnswer answer = plan(said[0], said[1]);
            assertThat(steps(answer)).as(said[1]).isEmpty();
            assertThat(answer.warnings()).as(said[1]).anyMatch(w -> w.contains("only on the data in this file"));
        }
    }

    @Test
    void whereAThingWasMadeIsItsOriginAmongTheColumnsLeftOut() {
        assertThat(steps(plan(
                                "mpg.csv",
                                "predict horsepower from everything but the model name and the country it comes from"))
                        .getFirst()
                        .params()
                        .get("features"))
                .isEqualTo(List.of("mpg", "cylinders", "displacement", "weight", "acceleration", "model_year"));
    }

    @Test
    void aFollowUpPlacedBeforeAStepLeavesThatStepAsItWas() {
        List<PlanStep> scaled = List.of(
                new PlanStep(
                        ActionType.SCALE,
                        java.util.Map.of("method", "minmax", "columns", List.of("alcohol", "proline"))),
                new PlanStep(ActionType.TRAIN_MODEL, java.util.Map.of("target", "class")));
        List<PlanStep> out =
                steps(followUp("wine.csv", "Before the scaling, clip the outliers in hue and ash.", scaled));
        assertThat(out)
                .extracting(PlanStep::type)
                .containsExactly(ActionType.CLIP_OUTLIERS, ActionType.SCALE, ActionType.TRAIN_MODEL);
        assertThat(out.getFirst().params().get("columns")).isEqualTo(List.of("hue", "ash"));
        assertThat(out.get(1)).isEqualTo(scaled.getFirst());
    }

    @Test
    void keepOneJustDropTheOtherTakesBackOnlyTheKeptColumn() {
        List<PlanStep> dropped = List.of(
                new PlanStep(ActionType.DROP_COLUMNS, java.util.Map.of("columns", List.of("island", "sex"))),
                new PlanStep(ActionType.TRAIN_MODEL, java.util.Map.of("target", "species")));
        assertThat(steps(followUp("penguins.csv", "keep the island, just drop sex", dropped))
                        .getFirst()
                        .params()
                        .get("columns"))
                .isEqualTo(List.of("sex"));
    }

    @Test
    void noMoreDroppingOfRowsTurnsTheDropIntoAFill() {
        List<PlanStep> dropped = List.of(
                new PlanStep(ActionType.DROP_MISSING_ROWS, java.util.Map.of("columns", List.of())),
                new PlanStep(ActionType.TRAIN_MODEL, java.util.Map.of("target", "Survived")));
        for (String said : List.of(
                "no dropping of rows - impute the median instead",
                "Don't throw rows away, fill the gaps with the median instead.")) {
            assertThat(steps(followUp("titanic.csv", said, dropped)))
                    .as(said)
                    .extracting(PlanStep::type)
                    .containsExactly(ActionType.IMPUTE, ActionType.TRAIN_MODEL);
        }
    }

    @Test
    void columnsLeftAloneLeaveTheStep() {
        assertThat(steps(plan("iris.csv", "min-max the sepal measurements, leave the petals alone"))
                        .getFirst()
                        .params()
                        .get("columns"))
                .isEqualTo(List.of("sepal length (cm)", "sepal width (cm)"));
        assertThat(steps(plan("mpg.csv", "scale every numeric column, leave weight untouched"))
                        .getFirst()
                        .params()
                        .get("columns"))
                .isEqualTo(List.of("mpg", "cylinders", "displacement", "horsepower", "acceleration", "model_year"));
    }

    @Test
    void allOfAKindThatNamesNothingIsAskedAboutNeverEveryColumn() {
        PlannerAnswer answer = plan("diamonds.csv", "scale all of the gemological features");
        assertThat(steps(answer)).isEmpty();
        assertThat(answer.warnings()).anyMatch(w -> w.contains("gemological"));
        // A count is no name: "all thirty measurements" still reads as the measurements.
        assertThat(steps(plan("breast_cancer.csv", "Standardize all thirty measurements")))
                .isNotEmpty();
    }

    @Test
    void aPronounListedWithAColumnIsTheColumnTheClauseBeforeNamed() {
        assertThat(steps(plan("titanic.csv", "convert Pclass to text, then one-hot encode it along with Sex"))
                        .get(1)
                        .params()
                        .get("columns"))
                .isEqualTo(List.of("Pclass", "Sex"));
    }

    @Test
    void rowsWhoseValueIsNotKnownAreRowsMissingItNeverTheColumn() {
        assertThat(steps(plan("titanic.csv", "remove the passengers where we don't know the age")))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.type()).isEqualTo(ActionType.DROP_MISSING_ROWS);
                    assertThat(s.params().get("columns")).isEqualTo(List.of("Age"));
                });
    }

    @Test
    void aWordSeveralColumnsMeanIsAskedAboutInTheSingularAndIsAllOfThemInThePlural() {
        PlannerAnswer rate = plan("statecrime.csv", "predict the crime rate");
        assertThat(steps(rate)).isEmpty();
        assertThat(rate.warnings()).anyMatch(w -> w.contains("violent") && w.contains("murder"));
        // Said right after one of those columns, the word is that column.
        assertThat(steps(plan("statecrime.csv", "regress violent crime on poverty"))
                        .getFirst()
                        .params()
                        .get("target"))
                .isEqualTo("violent");
        assertThat(steps(plan("stocks.csv", "min-max scale the market indices"))
                        .getFirst()
                        .params()
                        .get("columns"))
                .isEqualTo(List.of("^GSPC", "^IXIC"));
    }

    @Test
    void anInputThatFitsSeveralColumnsOrNoneIsAskedAboutNeverLeftOut() {
        PlannerAnswer rate = plan("macrodata.csv", "predict inflation from the interest rate and unemployment");
        assertThat(steps(rate)).isEmpty();
        assertThat(rate.warnings()).anyMatch(w -> w.contains("tbilrate") && w.contains("realint"));
        PlannerAnswer gizmo = plan("macrodata.csv", "regress inflation on the gizmo index");
        assertThat(steps(gizmo)).isEmpty();
        assertThat(gizmo.warnings()).anyMatch(w -> w.contains("gizmo index"));
    }

    @Test
    void columnsSaidAndThenExcludedLeaveTheInputs() {
        assertThat(steps(plan("titanic.csv", "predict Survived, Age excluded"))
                        .getFirst()
                        .params()
                        .get("features"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .doesNotContain("Age")
                .contains("Fare");
    }

    @Test
    void anItemBeforeAColumnThatNamesNothingIsAskedAboutNeverDropped() {
        for (String[] said : List.of(
                new String[] {"tips.csv", "regress tip on the gizmo and size", "gizmo"},
                new String[] {"mpg.csv", "predict mpg from the zorblax and weight", "zorblax"},
                new String[] {"tips.csv", "fill the gizmo and size with the median", "gizmo"})) {
            PlannerAnswer answer = plan(said[0], said[1]);
            assertThat(steps(answer)).as(said[1]).isEmpty();
            assertThat(answer.warnings()).as(said[1]).anyMatch(w -> w.contains(said[2]));
        }
        // Words right after a column describe it: "the passenger count" is passengers, no item of its own.
        assertThat(steps(plan("taxis.csv", "predict the tip from the passenger count and the fare"))
                        .getFirst()
                        .params()
                        .get("features"))
                .isEqualTo(List.of("passengers", "fare"));
    }

    @Test
    void aFillWithNoWaySaidFillsWordsWithTheCommonestValueAndSaysSo() {
        PlannerAnswer answer = plan("titanic.csv", "fill Age and Embarked");
        assertThat(steps(answer)).extracting(s -> s.params().get("strategy")).containsExactly("median", "mode");
        assertThat(steps(answer))
                .extracting(s -> s.params().get("columns"))
                .containsExactly(List.of("Age"), List.of("Embarked"));
        assertThat(answer.warnings()).anyMatch(w -> w.contains("Embarked with the most common value"));
        // A way that was said is kept, so the validator names the column it cannot fill.
        assertThat(steps(plan("penguins.csv", "fill sex with the median")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("strategy")).isEqualTo("median"));
    }

    @Test
    void aValueSaidWithoutQuotesIsWrittenNeverReplacedByAMedian() {
        assertThat(steps(plan("titanic.csv", "fill Age with 30")))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.params().get("strategy")).isEqualTo("constant");
                    assertThat(s.params().get("value")).isEqualTo("30");
                });
        assertThat(steps(plan("titanic.csv", "replace missing Embarked with C")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("value")).isEqualTo("C"));
        assertThat(steps(plan("mpg.csv", "fill horsepower with means")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("strategy")).isEqualTo("mean"));
    }

    @Test
    void aPluralSaidOfTheOneColumnItsWordNamesIsSaid() {
        PlannerAnswer answer = plan("penguins.csv", "classify species using the body measurements");
        assertThat(answer.warnings()).anyMatch(w -> w.contains("Only body_mass_g has \"body\""));
        assertThat(plan("penguins.csv", "scale the bill measurements").warnings())
                .isEmpty();
    }

    @Test
    void theSameAgainRepeatsThePlansLastStepNeverAnOlderOne() {
        List<PlanStep> current = List.of(
                new PlanStep(
                        ActionType.SCALE,
                        new java.util.LinkedHashMap<>(java.util.Map.of("method", "standard", "columns", List.of("x")))),
                new PlanStep(
                        ActionType.FEATURE_ENGINEER,
                        new java.util.LinkedHashMap<>(
                                java.util.Map.of("operation", "log1p", "columns", List.of("price")))));
        PlannerAnswer answer = planOn("diamonds.csv", "do the same for carat", current);
        assertThat(steps(answer)).hasSize(3);
        assertThat(steps(answer).get(0).params().get("columns")).isEqualTo(List.of("x"));
        assertThat(steps(answer).getLast().type()).isEqualTo(ActionType.FEATURE_ENGINEER);
        assertThat(steps(answer).getLast().params().get("columns")).isEqualTo(List.of("carat"));
    }

    @Test
    void aColumnListedWithTheDuplicatesIsDroppedNeverTheKeyOfTheDuplicates() {
        assertThat(steps(plan("mpg.csv", "get rid of the name column and the duplicates")))
                .extracting(PlanStep::type)
                .containsExactly(ActionType.DROP_COLUMNS, ActionType.DROP_DUPLICATES);
        // Duplicates said with the columns they are judged on keep that reading.
        assertThat(steps(plan("mpg.csv", "remove duplicates judged on name")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns")).isEqualTo(List.of("name")));
    }

    @Test
    void howFarIsTheDistanceNeverTheFare() {
        assertThat(steps(plan("taxis.csv", "predict how far each trip goes"))
                        .getFirst()
                        .params()
                        .get("target"))
                .isEqualTo("distance");
    }

    @Test
    void aChangeSaidOfAColumnTheStepDoesNotHoldLeavesTheStepAsItIs() {
        List<PlanStep> current = List.of(new PlanStep(
                ActionType.IMPUTE,
                new java.util.LinkedHashMap<>(java.util.Map.of("strategy", "median", "columns", List.of("Age")))));
        PlannerAnswer answer = planOn("titanic.csv", "actually use the mode for Embarked", current);
        assertThat(steps(answer)).extracting(s -> s.params().get("strategy")).containsExactly("median", "mode");
        assertThat(steps(answer))
                .extracting(s -> s.params().get("columns"))
                .containsExactly(List.of("Age"), List.of("Embarked"));
    }

    @Test
    void aWayAssayDoesNotHaveIsSaidNeverQuietlySwappedForTheDefault() {
        PlannerAnswer knn = plan("titanic.csv", "fill Age using KNN");
        assertThat(steps(knn))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns")).isEqualTo(List.of("Age")));
        assertThat(knn.warnings())
                .anySatisfy(w -> assertThat(w).contains("K-nearest-neighbour imputation", "median, mean, mode"));
        List<PlanStep> scaled = List.of(new PlanStep(
                ActionType.SCALE,
                new java.util.LinkedHashMap<>(
                        java.util.Map.of("method", "standard", "columns", List.of("proline", "magnesium")))));
        PlannerAnswer robust = planOn("wine.csv", "use robust scaling", scaled);
        assertThat(steps(robust)).isEqualTo(scaled);
        assertThat(robust.warnings()).anySatisfy(w -> assertThat(w).contains("Robust scaling", "standard, minmax"));
        // A model word beside a fill is the model's: "a k-nearest neighbours classifier" is no way of filling.
        assertThat(plan(
                                "titanic.csv",
                                "fill missing ages with the median and predict Survived with a k-nearest neighbours"
                                        + " classifier")
                        .warnings())
                .singleElement()
                .satisfies(w -> assertThat(w).startsWith("A k-nearest-neighbours model"));
        // Z-scores said as a scaling are one, also in the clause after a clipping.
        assertThat(plan("tips.csv", "z-score the bill and clip outliers in tip").warnings())
                .isEmpty();
        assertThat(plan("titanic.csv", "clip outliers in Fare and standardise Age with z-scores")
                        .warnings())
                .isEmpty();
        assertThat(plan("titanic.csv", "not xgboost, a random forest to predict Survived")
                        .warnings())
                .noneSatisfy(w -> assertThat(w).contains("XGBoost"));
        // A value per group is not one value for the column: said. "Per" in a ratio is no fill.
        assertThat(plan("titanic.csv", "fill Age with the median per class").warnings())
                .anySatisfy(w -> assertThat(w).startsWith("Filling by group"));
        assertThat(plan("taxis.csv", "add fare per mile and fill the missing payment with the mode")
                        .warnings())
                .noneSatisfy(w -> assertThat(w).startsWith("Filling by group"));
        // Two fills: the answer names the way of each, not the last one's alone.
        assertThat(plan("titanic.csv", "fill Age using KNN, and fill Embarked with the mode")
                        .warnings())
                .anySatisfy(w -> assertThat(w).contains("median for Age", "mode for Embarked"));
    }

    @Test
    void theGapsOfOneKindOfColumnAreFilledNeverEveryColumns() {
        assertThat(steps(plan("titanic.csv", "fill the numeric gaps with the median")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns")).isEqualTo(List.of("Age")));
        assertThat(steps(plan("penguins.csv", "fill in the categorical blanks with the most common value")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns")).isEqualTo(List.of("sex")));
        // Dropping every row with any gap would drop the rows missing only sex as well.
        assertThat(steps(plan("penguins.csv", "drop rows missing any numeric value")))
                .noneSatisfy(s -> assertThat(s.params().get("columns")).isEqualTo(List.of()));
    }

    @Test
    void startingOverReplacesThePlanAndARequestAfterAMoveIsNotLost() {
        List<PlanStep> filled = List.of(new PlanStep(
                ActionType.IMPUTE,
                new java.util.LinkedHashMap<>(java.util.Map.of("strategy", "median", "columns", List.of("Age")))));
        PlannerAnswer restarted = planOn("titanic.csv", "start over and just drop Cabin", filled);
        assertThat(steps(restarted))
                .singleElement()
                .satisfies(s -> assertThat(s.type()).isEqualTo(ActionType.DROP_COLUMNS));
        assertThat(restarted.warnings())
                .anySatisfy(w -> assertThat(w).contains("previous plan (1 step) was set aside"));
        // "drop everything except …" is a drop, never a new plan that loses the fill.
        assertThat(steps(planOn("titanic.csv", "drop everything except Age, Fare and Survived", filled)))
                .extracting(PlanStep::type)
                .containsExactly(ActionType.IMPUTE, ActionType.DROP_COLUMNS);
        List<PlanStep> encodedThenScaled = List.of(
                new PlanStep(
                        ActionType.ENCODE,
                        new java.util.LinkedHashMap<>(java.util.Map.of("method", "onehot", "columns", List.of("Sex")))),
                new PlanStep(
                        ActionType.SCALE,
                        new java.util.LinkedHashMap<>(
                                java.util.Map.of("method", "standard", "columns", List.of("Fare")))));
        assertThat(steps(planOn(
                        "titanic.csv", "put the scaling before the encoding and drop Cabin first", encodedThenScaled)))
                .anySatisfy(s -> assertThat(s.type()).isEqualTo(ActionType.DROP_COLUMNS));
    }

    @Test
    void theOthersAfterANamedStepOfTheSameKindNeverRedoItsColumns() {
        List<PlanStep> steps = steps(plan("wine.csv", "min-max proline, standardise the other columns"));
        assertThat(steps).hasSize(2);
        assertThat(FollowUps.names(steps.get(1).params().get("columns")))
                .isNotEmpty()
                .doesNotContain("proline");
        // "and everything else with standard scaling" was lost in silence.
        assertThat(steps(plan("wine.csv", "scale proline with min-max and everything else with standard scaling")))
                .extracting(s -> s.params().get("method"))
                .containsExactly("minmax", "standard");
        // "and the others" after a named column is every column the step takes, not the named one alone.
        assertThat(steps(plan("tips.csv", "encode sex and the others too")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns")).isEqualTo(List.of()));
    }

    @Test
    void aColumnKeptAsItIsIsLeftOutNeverTheOnlyOneActedOn() {
        assertThat(steps(plan("tips.csv", "encode everything categorical but keep sex as is")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns")).isEqualTo(List.of("smoker", "day", "time")));
        assertThat(steps(plan("tips.csv", "scale everything numeric but keep size untouched")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns")).isEqualTo(List.of("total_bill", "tip")));
    }

    @Test
    void columnsDescribedByAWordNoColumnHoldsAreAskedAboutEvenWithAnExclusion() {
        // Found by the trust check: with "except weight", "the gizmo columns" had become every other numeric column.
        assertThat(steps(plan("mpg.csv", "fill the gizmo columns with the median, but keep weight untouched")))
                .isEmpty();
    }

    @Test
    void anIdentifierLeftOutOfEveryOtherColumnIsSaid() {
        PlannerAnswer answer = plan("titanic.csv", "predict Survived from all columns except Name, Ticket and Cabin");
        assertThat(FollowUps.names(steps(answer).getFirst().params().get("features")))
                .doesNotContain("PassengerId");
        assertThat(answer.warnings()).anySatisfy(w -> assertThat(w).startsWith("PassengerId is left out"));
    }

    @Test
    void thingsWithAMissingColumnAreTheRowsMissingThatColumnOnly() {
        // Read as "the columns with gaps", this dropped the rows missing Cabin or Embarked too: 708 rows, not 177.
        assertThat(steps(plan("titanic.csv", "remove passengers with missing age")))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.type()).isEqualTo(ActionType.DROP_MISSING_ROWS);
                    assertThat(s.params().get("columns")).isEqualTo(List.of("Age"));
                });
        // Penguins missing a measurement are rows, not the measurement columns.
        assertThat(steps(plan("penguins.csv", "remove penguins with missing measurements")))
                .singleElement()
                .satisfies(s -> assertThat(s.type()).isEqualTo(ActionType.DROP_MISSING_ROWS));
        // "Correlated with realgdp" dropped realgdp itself.
        assertThat(steps(plan("macrodata.csv", "drop the columns highly correlated with realgdp")))
                .isEmpty();
        // Two ways of filling said for one step: asked, never the first for all.
        assertThat(steps(plan("titanic.csv", "fill age with median, fare with mean")))
                .isEmpty();
    }

    @Test
    void notScalingAColumnLeavesTheModelsInputsAloneAndARestatedScopeReplacesTheStep() {
        List<String> four = List.of("bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g");
        List<PlanStep> current = List.of(
                new PlanStep(
                        ActionType.SCALE,
                        new java.util.LinkedHashMap<>(java.util.Map.of("method", "standard", "columns", four))),
                new PlanStep(
                        ActionType.TRAIN_MODEL,
                        new java.util.LinkedHashMap<>(
                                java.util.Map.of("target", "species", "task", "classification", "features", four))));
        List<PlanStep> unscaled = steps(planOn("penguins.csv", "don't scale body mass", current));
        assertThat(unscaled.get(0).params().get("columns")).isEqualTo(four.subList(0, 3));
        assertThat(unscaled.get(1).params().get("features")).isEqualTo(four);
        // Said as a new scope of the scaling: it replaces the step, never sits beside it still scaling body mass.
        assertThat(steps(planOn("penguins.csv", "scale everything except body mass", current)))
                .filteredOn(s -> s.type() == ActionType.SCALE)
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns")).isEqualTo(four.subList(0, 3)));
        // "From the other measurements" is the other measured columns, not every column with species and sex.
        assertThat(steps(plan("penguins.csv", "predict body mass from the other measurements")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("features")).isEqualTo(four.subList(0, 3)));
    }

    @Test
    void itAfterAMadeColumnIsThatColumnAndAMisspeltModelIsNeverTheBestModel() {
        // "It" had been total_bill, the last column named, so the model predicted the bill.
        assertThat(steps(plan("tips.csv", "add tip over total bill and predict it from day, time and size"))
                        .getLast()
                        .params()
                        .get("target"))
                .isEqualTo("tip_per_total_bill");
        assertThat(steps(plan("titanic.csv", "train a random forrest on Survived"))
                        .getFirst()
                        .params()
                        .get("model"))
                .isEqualTo("random_forest");
        // "To mean zero" is standardising, whatever the verb.
        assertThat(steps(plan("penguins.csv", "normalise everything numeric to mean zero"))
                        .getFirst()
                        .params()
                        .get("method"))
                .isEqualTo("standard");
    }

    @Test
    void aColumnMadeEarlierAndNamedAmongTheInputsIsOneOfThem() {
        // family_size was left out of the model's inputs without a word: trained on Sex and Pclass alone.
        assertThat(steps(
                                plan(
                                        "titanic.csv",
                                        "add SibSp plus Parch as family_size, then predict Survived from family_size, Sex and Pclass"))
                        .getLast()
                        .params()
                        .get("features"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder("family_size", "Sex", "Pclass");
        assertThat(steps(plan(
                                "mpg.csv",
                                "make horsepower divided by weight as power_to_weight, and then predict mpg using"
                                        + " power_to_weight and cylinders"))
                        .getLast()
                        .params()
                        .get("features"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder("power_to_weight", "cylinders");
    }

    @Test
    void gapsSaidByTheirKindAreThoseColumnsGapsNeverEveryColumns() {
        // "The missing numbers" filled every gap, the words with their mode.
        assertThat(steps(plan("titanic.csv", "fill all the missing numbers with the mean")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns")).isEqualTo(List.of("Age")));
        // "The text gaps" of a file whose free text has none are its columns of words.
        assertThat(steps(plan("titanic.csv", "fill the text gaps with the most common value")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns")).isEqualTo(List.of("Cabin", "Embarked")));
        // Rows missing a numeric value are rows: never the columns dropped.
        assertThat(steps(plan("titanic.csv", "drop rows missing any numeric value")))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.type()).isEqualTo(ActionType.DROP_MISSING_ROWS);
                    assertThat(s.params().get("columns")).isEqualTo(List.of("Age"));
                });
        // A follow-up that fills "the missing measurements" instead of dropping incomplete rows fills those columns,
        // and says which gaps are left.
        List<PlanStep> current = List.of(
                new PlanStep(
                        ActionType.DROP_MISSING_ROWS,
                        new java.util.LinkedHashMap<>(java.util.Map.of("columns", List.of()))),
                new PlanStep(
                        ActionType.TRAIN_MODEL, new java.util.LinkedHashMap<>(java.util.Map.of("target", "species"))));
        PlannerAnswer filled = planOn(
                "penguins.csv",
                "instead of dropping incomplete rows, fill the missing measurements with the mean",
                current);
        assertThat(steps(filled).getFirst().params().get("columns"))
                .isEqualTo(List.of("bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"));
        assertThat(steps(filled)).noneMatch(s -> s.type() == ActionType.DROP_MISSING_ROWS);
        assertThat(filled.warnings()).anyMatch(w -> w.contains("sex"));
    }

    @Test
    void aMistypedWordOfAStepIsReadAsThatWord() {
        assertThat(steps(plan("titanic.csv", "fil the age colum with the medain")))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.type()).isEqualTo(ActionType.IMPUTE);
                    assertThat(s.params().get("strategy")).isEqualTo("median");
                    assertThat(s.params().get("columns")).isEqualTo(List.of("Age"));
                });
        // A word of its own one slip from such a word is left as it is: "integer-valued" is no "integer-values".
        assertThat(steps(plan("wine.csv", "Standardise the integer-valued columns.")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns")).isEqualTo(List.of("magnesium", "proline")));
    }

    @Test
    void operandsKeepTheOrderTheWordsSay() {
        // The request sets compare columns as sets; the order is what makes "total - tip" and "tip - total" differ.
        for (String[] said : List.of(
                new String[] {"taxis.csv", "subtract tip from total", "subtract", "total", "tip"},
                new String[] {
                    "mpg.csv", "subtract acceleration from horsepower", "subtract", "horsepower", "acceleration"
                },
                new String[] {
                    "mpg.csv",
                    "power to weight ratio: horsepower / weight, call it pw_ratio",
                    "divide",
                    "horsepower",
                    "weight"
                },
                new String[] {"tips.csv", "add a column tip / total_bill", "divide", "tip", "total_bill"},
                new String[] {"diamonds.csv", "depth minus table as depth_gap", "subtract", "depth", "table"})) {
            assertThat(steps(plan(said[0], said[1])))
                    .as(said[1])
                    .singleElement()
                    .satisfies(s -> {
                        assertThat(s.params().get("operation")).isEqualTo(said[2]);
                        assertThat(s.params().get("columns")).isEqualTo(List.of(said[3], said[4]));
                    });
        }
    }

    @Test
    void theExplanationOfANewColumnShowsTheFormulaInItsOrder() {
        assertThat(plan("taxis.csv", "subtract tip from total, call it rest")
                        .plan()
                        .explanation())
                .contains("rest = total − tip");
    }

    @Test
    void stepsSaidAfterOnceOrBeforeRunInTheOrderMeant() {
        // "before you train … on Survived" had trained a model predicting Age, and the fill was gone.
        List<PlanStep> filledFirst =
                steps(plan("titanic.csv", "fill Age with the median before you train a random forest on Survived"));
        assertThat(filledFirst).extracting(PlanStep::type).containsExactly(ActionType.IMPUTE, ActionType.TRAIN_MODEL);
        assertThat(filledFirst.getLast().params().get("target")).isEqualTo("Survived");
        // "after filling Age and dropping Cabin": both steps were lost.
        assertThat(steps(plan("titanic.csv", "train a random forest on Survived after filling Age and dropping Cabin")))
                .extracting(PlanStep::type)
                .containsExactly(ActionType.IMPUTE, ActionType.DROP_COLUMNS, ActionType.TRAIN_MODEL);
        assertThat(steps(plan(
                        "mpg.csv", "predict mpg with a random forest once horsepower has been filled with the median")))
                .extracting(PlanStep::type)
                .containsExactly(ActionType.IMPUTE, ActionType.TRAIN_MODEL);
        // "Before encoding Embarked, fill it": the fill first, on Embarked.
        List<PlanStep> fronted = steps(plan("titanic.csv", "before encoding Embarked, fill it with the mode"));
        assertThat(fronted).extracting(PlanStep::type).containsExactly(ActionType.IMPUTE, ActionType.ENCODE);
        assertThat(fronted.getFirst().params().get("columns")).isEqualTo(List.of("Embarked"));
    }

    @Test
    void aFollowUpThatNarrowsAStepNarrowsItNeverAddsAnother() {
        List<PlanStep> encoded = List.of(
                new PlanStep(
                        ActionType.DROP_COLUMNS,
                        new java.util.LinkedHashMap<>(java.util.Map.of("columns", List.of("Cabin")))),
                new PlanStep(
                        ActionType.ENCODE,
                        new java.util.LinkedHashMap<>(
                                java.util.Map.of("columns", List.of("Sex", "Embarked"), "method", "onehot"))));
        for (String said : List.of("remove Embarked from the encoding step", "only encode Sex, not Embarked")) {
            assertThat(steps(planOn("titanic.csv", said, encoded)))
                    .as(said)
                    .filteredOn(s -> s.type() == ActionType.ENCODE)
                    .singleElement()
                    .satisfies(s -> assertThat(s.params().get("columns")).isEqualTo(List.of("Sex")));
        }
        List<PlanStep> scaled = List.of(new PlanStep(
                ActionType.SCALE,
                new java.util.LinkedHashMap<>(
                        java.util.Map.of("columns", List.of("Age", "Fare"), "method", "standard"))));
        assertThat(steps(planOn("titanic.csv", "only scale Age", scaled)))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns")).isEqualTo(List.of("Age")));
    }

    @Test
    void inputsLeftOutByNoOrWithoutAreLeftOutAndAnInputIsNeverTheTarget() {
        assertThat(steps(plan("diamonds.csv", "predict price, no x, no y, no z"))
                        .getFirst()
                        .params()
                        .get("features"))
                .isEqualTo(List.of("carat", "cut", "color", "clarity", "depth", "table"));
        assertThat(steps(plan("tips.csv", "predict tip w/o sex and smoker"))
                        .getFirst()
                        .params()
                        .get("features"))
                .isEqualTo(List.of("total_bill", "day", "time", "size"));
        // "Using how much they paid" names an input: the model had predicted Fare.
        assertThat(steps(plan("titanic.csv", "predict Survived using how much they paid and where they embarked")))
                .noneMatch(s -> "Fare".equals(s.params().get("target")));
    }

    @Test
    void aQuestionOfWhatDrivesAColumnIsAModelOfItAndSaysWhatItShows() {
        PlannerAnswer answer = plan("tips.csv", "what drives the tip?");
        assertThat(steps(answer))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("target")).isEqualTo("tip"));
        assertThat(answer.warnings()).anyMatch(w -> w.contains("association, not cause"));
        // With a model asked for in so many words, the question is framing: the other target is not replaced.
        assertThat(steps(plan("diamonds.csv", "What drives the price? Predict the jeweller's margin.")))
                .isEmpty();
    }

    @Test
    void aFillOfEveryColumnWithANumericWaySaysWhatTheWordsGet() {
        assertThat(plan("titanic.csv", "fill missing values with the mean")
                        .plan()
                        .explanation())
                .contains("columns of words get their most frequent value");
        assertThat(plan("titanic.csv", "fill Age with the mean").plan().explanation())
                .doesNotContain("most frequent");
    }

    @Test
    void aGroupEncodedBeforeAModelLeavesItsTargetOutAndSaysSo() {
        // Species was one-hot encoded with the others, so the model on it was left out of the plan.
        PlannerAnswer answer = plan("penguins.csv", "one-hot encode all categorical columns, then predict species");
        assertThat(steps(answer)).extracting(PlanStep::type).containsExactly(ActionType.ENCODE, ActionType.TRAIN_MODEL);
        assertThat(steps(answer).getFirst().params().get("columns")).isEqualTo(List.of("island", "sex"));
        assertThat(answer.warnings()).anyMatch(w -> w.contains("Left species out of the encoding"));
    }

    @Test
    void profilePhrasesSaidTogetherOrByCountAreReadAsSaid() {
        // "Skewed" was dropped and every numeric column clipped.
        assertThat(steps(plan("titanic.csv", "clip the skewed numeric columns")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns")).isEqualTo(List.of("SibSp", "Parch", "Fare")));
        // "The columns with the most gaps" without a count filled every column.
        PlannerAnswer most = plan("titanic.csv", "fill the columns with the most gaps");
        assertThat(steps(most)).isEmpty();
        assertThat(most.warnings()).anyMatch(w -> w.startsWith("How many columns"));
        // "More than 300 missing values" is a count: the answer had said no column has that many.
        assertThat(steps(plan("stocks.csv", "drop the columns that have more than 300 missing values")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns")).isEqualTo(List.of("DELL", "GOOGL")));
        // "Missing in fewer than 150 rows" is few gaps, never few values.
        assertThat(steps(
                        plan("stocks.csv", "fill the columns that are missing in fewer than 150 rows with the median")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns"))
                        .isEqualTo(List.of("IBM", "AAPL", "MSFT", "XRX", "ADBE", "^GSPC", "^IXIC")));
    }

    @Test
    void aWaySaidAfterACommaBelongsToTheStepBeforeAndADatePatternIsKept() {
        // ", minmax" had been a second step that min-maxed every column, the excluded alcohol too.
        assertThat(steps(plan("wine.csv", "scale the numeric columns except alcohol, minmax")))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.params().get("method")).isEqualTo("minmax");
                    assertThat(s.params().get("columns"))
                            .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(String.class))
                            .isNotEmpty()
                            .doesNotContain("alcohol");
                });
        assertThat(steps(plan("stocks.csv", "cast Date to datetime with format yyyy-MM-dd")))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("format")).isEqualTo("yyyy-MM-dd"));
    }

    @Test
    void aModelsTargetIsNeitherScaledWithAGroupNorGivenToItSilentlyAsAMadeColumn() {
        PlannerAnswer scaled =
                plan("titanic.csv", "standardize the numeric columns before training a decision tree to predict Fare");
        assertThat(steps(scaled).getFirst().params().get("columns"))
                .isEqualTo(List.of("Pclass", "Age", "SibSp", "Parch"));
        assertThat(scaled.warnings()).anyMatch(w -> w.startsWith("Left Fare out of the scaling"));
        // A log of the target among every input hands the model its answer: said.
        assertThat(plan("diamonds.csv", "drop x, y, z; log the price; then train linear regression on price")
                        .warnings())
                .anyMatch(w -> w.startsWith("log1p_price is made from the target price"));
        // Ridge is the linear regression Assay trains: no line calls it unavailable.
        assertThat(plan("mpg.csv", "train ridge on mpg").warnings()).noneMatch(w -> w.contains("not available"));
    }

    @Test
    void inputsLeftOutAfterTheModelAreLeftOutOfItNeverDroppedOrIgnored() {
        // "Don't use violent" had trained on every column, violent too, without a word.
        assertThat(steps(plan("statecrime.csv", "predict murder, don't use violent"))
                        .getFirst()
                        .params()
                        .get("features"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(String.class))
                .isNotEmpty()
                .doesNotContain("violent", "murder");
        // "Leave out smoker" in a clause of its own had dropped the column from the data.
        List<PlanStep> tip = steps(plan("tips.csv", "what affects the tip? leave out smoker"));
        assertThat(tip)
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("features"))
                        .isEqualTo(List.of("total_bill", "sex", "day", "time", "size")));
        // "Once the gaps are filled, regress …" said first: the fill had been lost.
        assertThat(steps(plan(
                        "mpg.csv",
                        "once the horsepower gaps are filled with the mean, regress mpg on weight and horsepower")))
                .extracting(PlanStep::type)
                .containsExactly(ActionType.IMPUTE, ActionType.TRAIN_MODEL);
    }

    @Test
    void whatAStepCannotDoAsAskedIsSaidNeverCutDownInSilence() {
        // "Fare - Age*2" had become Fare - Age.
        assertThat(steps(plan("titanic.csv", "new column: Fare - Age*2"))).isEmpty();
        // Two models named: one step, model auto, said; the forest alone had been trained.
        PlannerAnswer two = plan("mpg.csv", "train on mpg with a random forest and gradient boosting, compare them");
        assertThat(steps(two))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("model")).isEqualTo("auto"));
        assertThat(two.warnings()).anyMatch(w -> w.startsWith("Two or more models were named"));
        // "All columns except Cabin with median": the columns with gaps; Embarked, which a median cannot fill, named.
        PlannerAnswer except =
                plan("titanic.csv", "fill in the missing values for all columns except Cabin with median");
        assertThat(steps(except))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("columns")).isEqualTo(List.of("Age")));
        assertThat(except.warnings()).anyMatch(w -> w.startsWith("Left out Embarked"));
        // A fill of a column without gaps is kept as asked, and said to change nothing.
        assertThat(plan("macrodata.csv", "fill unemp with the median").warnings())
                .anyMatch(w -> w.startsWith("unemp has no missing values"));
        // "Fill the target" with no model had filled every column with gaps.
        assertThat(steps(plan("titanic.csv", "fill the target"))).isEmpty();
        // "And the dimensions" names no column of diamonds: the model had learnt from carat and cut alone.
        PlannerAnswer dimensions = plan("diamonds.csv", "predict price from carat, cut and the dimensions");
        assertThat(steps(dimensions)).isEmpty();
        assertThat(dimensions.warnings()).anyMatch(w -> w.contains("\"the dimensions\""));
    }
}
