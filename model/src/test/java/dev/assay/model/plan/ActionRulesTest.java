package dev.assay.model.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.dataset.DatasetSchema;
import dev.assay.model.json.Json;
import dev.assay.model.plan.params.ActionType;
import dev.assay.model.plan.validation.PlanError;
import dev.assay.model.plan.validation.PlanValidator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every validation rule of every action, one row each: the plan (on Titanic's schema), and the problem a person
 * is shown for it — the step, the field and a fragment of the sentence — or no problem at all. The shape rules come
 * from the constraints on the action records (through the JSON Schema), the others from each record's
 * {@code check}. A rule added to an action gets a row here; a valid neighbour shows the rule does not fire on
 * plans that are fine.
 */
class ActionRulesTest {

    private static final DatasetSchema TITANIC = Schemas.titanic();

    /** The problem expected: on step {@code step} (-1 for the plan as a whole), this field, a sentence with this. */
    record Expected(int step, String field, String fragment) {}

    record Case(String rule, String explanation, List<PlanStep> steps, Optional<Expected> expected) {
        @Override
        public String toString() {
            return rule;
        }
    }

    static Stream<Case> rules() {
        return Stream.of(
                // The plan as a whole
                fails("plan: no actions", -1, "actions", "the plan has no actions"),
                fails(
                        "plan: more than 30 actions",
                        -1,
                        "actions",
                        "at most 30 are allowed",
                        Collections.nCopies(Plan.MAX_ACTIONS + 1, step("drop_duplicates", "{}"))
                                .toArray(PlanStep[]::new)),
                fails(
                        "plan: a second train_model",
                        1,
                        "",
                        "a plan trains at most one model",
                        step("train_model", "{\"target\": \"Survived\"}"),
                        step("train_model", "{\"target\": \"Fare\"}")),
                new Case(
                        "plan: an explanation over 2000 characters",
                        "x".repeat(Plan.MAX_EXPLANATION + 1),
                        List.of(step("drop_duplicates", "{}")),
                        Optional.of(new Expected(-1, "explanation", "is longer than 2000 characters"))),
                fails(
                        "plan: an unknown parameter",
                        0,
                        "keep",
                        "'keep' is not defined",
                        step("drop_duplicates", "{\"columns\": [], \"keep\": \"last\"}")),

                // drop_columns
                ok("drop_columns: an existing column", step("drop_columns", "{\"columns\": [\"Cabin\"]}")),
                fails(
                        "drop_columns: columns is required",
                        0,
                        "columns",
                        "required property 'columns'",
                        step("drop_columns", "{}")),
                fails(
                        "drop_columns: at least one column",
                        0,
                        "columns",
                        "at least 1 items",
                        step("drop_columns", "{\"columns\": []}")),
                fails(
                        "drop_columns: an unknown column, with the closest name",
                        0,
                        "columns",
                        "'Ticekt' does not exist (did you mean 'Ticket'?)",
                        step("drop_columns", "{\"columns\": [\"Ticekt\"]}")),
                fails(
                        "drop_columns: a column listed twice",
                        0,
                        "columns",
                        "column 'Cabin' is listed twice",
                        step("drop_columns", "{\"columns\": [\"Cabin\", \"Cabin\"]}")),
                fails(
                        "drop_columns: every column",
                        0,
                        "columns",
                        "this would remove every column",
                        step("drop_columns", "{\"columns\": " + quoted(TITANIC.names()) + "}")),

                // impute
                ok(
                        "impute: median of a numeric column",
                        step("impute", "{\"strategy\": \"median\", \"columns\": [\"Age\"]}")),
                ok(
                        "impute: mode of a text column",
                        step("impute", "{\"strategy\": \"mode\", \"columns\": [\"Embarked\"]}")),
                ok(
                        "impute: a constant number for a numeric column",
                        step("impute", "{\"strategy\": \"constant\", \"columns\": [\"Age\"], \"value\": \"0\"}")),
                fails(
                        "impute: an unknown strategy",
                        0,
                        "strategy",
                        "median",
                        step("impute", "{\"strategy\": \"average\"}")),
                fails(
                        "impute: an unknown column",
                        0,
                        "columns",
                        "'Agee' does not exist",
                        step("impute", "{\"columns\": [\"Agee\"]}")),
                fails(
                        "impute: a column listed twice",
                        0,
                        "columns",
                        "listed twice",
                        step("impute", "{\"columns\": [\"Age\", \"Age\"]}")),
                fails(
                        "impute: a numeric strategy on a text column",
                        0,
                        "columns",
                        "column 'Embarked' is string; median needs numbers; use mode or constant",
                        step("impute", "{\"strategy\": \"median\", \"columns\": [\"Embarked\"]}")),
                fails(
                        "impute: constant without a value",
                        0,
                        "value",
                        "strategy constant needs a value",
                        step("impute", "{\"strategy\": \"constant\", \"columns\": [\"Embarked\"]}")),
                fails(
                        "impute: a constant that is not a number for a numeric column",
                        0,
                        "value",
                        "'unknown' is not a number, but column 'Age' is",
                        step("impute", "{\"strategy\": \"constant\", \"columns\": [\"Age\"], \"value\": \"unknown\"}")),
                fails(
                        "impute: a value without strategy constant",
                        0,
                        "value",
                        "value is only used with strategy constant",
                        step("impute", "{\"strategy\": \"mode\", \"columns\": [\"Embarked\"], \"value\": \"S\"}")),
                fails(
                        "impute: an indicator column that already exists",
                        1,
                        "add_indicator",
                        "column 'Age_missing' already exists",
                        step("rename_columns", "{\"renames\": [{\"from\": \"Fare\", \"to\": \"Age_missing\"}]}"),
                        step("impute", "{\"columns\": [\"Age\"], \"add_indicator\": true}")),

                // cast
                ok("cast: to string", step("cast", "{\"columns\": [\"Pclass\"], \"to\": \"string\"}")),
                ok(
                        "cast: to datetime with a pattern",
                        step("cast", "{\"columns\": [\"Ticket\"], \"to\": \"datetime\", \"format\": \"dd/MM/yyyy\"}")),
                fails(
                        "cast: to is required",
                        0,
                        "to",
                        "required property 'to'",
                        step("cast", "{\"columns\": [\"Pclass\"]}")),
                fails(
                        "cast: an unknown type",
                        0,
                        "to",
                        "\"int\", \"float\", \"datetime\", \"string\", \"boolean\"",
                        step("cast", "{\"columns\": [\"Pclass\"], \"to\": \"money\"}")),
                fails(
                        "cast: at least one column",
                        0,
                        "columns",
                        "at least 1 items",
                        step("cast", "{\"columns\": [], \"to\": \"string\"}")),
                fails(
                        "cast: an unknown column",
                        0,
                        "columns",
                        "'Klass' does not exist",
                        step("cast", "{\"columns\": [\"Klass\"], \"to\": \"string\"}")),
                fails(
                        "cast: a column listed twice",
                        0,
                        "columns",
                        "listed twice",
                        step("cast", "{\"columns\": [\"Pclass\", \"Pclass\"], \"to\": \"string\"}")),
                fails(
                        "cast: a format when not casting to datetime",
                        0,
                        "format",
                        "format is only used when casting to datetime",
                        step("cast", "{\"columns\": [\"Pclass\"], \"to\": \"string\", \"format\": \"yyyy\"}")),
                fails(
                        "cast: a format that is not a date pattern",
                        0,
                        "format",
                        "'yyyy-{' is not a date pattern",
                        step("cast", "{\"columns\": [\"Ticket\"], \"to\": \"datetime\", \"format\": \"yyyy-{\"}")),
                fails(
                        "cast: a format longer than 64 characters",
                        0,
                        "format",
                        "at most 64 characters",
                        step(
                                "cast",
                                "{\"columns\": [\"Ticket\"], \"to\": \"datetime\", \"format\": \"" + "y".repeat(65)
                                        + "\"}")),

                // encode
                ok(
                        "encode: onehot with a cap",
                        step("encode", "{\"columns\": [\"Sex\"], \"method\": \"onehot\", \"max_categories\": 5}")),
                fails(
                        "encode: an unknown method",
                        0,
                        "method",
                        "\"onehot\", \"label\"",
                        step("encode", "{\"columns\": [\"Sex\"], \"method\": \"binary\"}")),
                fails(
                        "encode: max_categories below 1",
                        0,
                        "max_categories",
                        "minimum value of 1",
                        step("encode", "{\"columns\": [\"Sex\"], \"max_categories\": 0}")),
                fails(
                        "encode: max_categories above 200",
                        0,
                        "max_categories",
                        "maximum value of 200",
                        step("encode", "{\"columns\": [\"Sex\"], \"max_categories\": 201}")),
                fails(
                        "encode: max_categories without onehot",
                        0,
                        "max_categories",
                        "max_categories is only used with method onehot",
                        step("encode", "{\"columns\": [\"Sex\"], \"method\": \"label\", \"max_categories\": 5}")),
                fails(
                        "encode: an unknown column",
                        0,
                        "columns",
                        "'Gender' does not exist",
                        step("encode", "{\"columns\": [\"Gender\"]}")),
                fails(
                        "encode: a column listed twice",
                        0,
                        "columns",
                        "listed twice",
                        step("encode", "{\"columns\": [\"Sex\", \"Sex\"]}")),

                // scale
                ok("scale: a numeric column", step("scale", "{\"columns\": [\"Fare\"], \"method\": \"minmax\"}")),
                fails(
                        "scale: an unknown method",
                        0,
                        "method",
                        "\"standard\", \"minmax\"",
                        step("scale", "{\"columns\": [\"Fare\"], \"method\": \"robust\"}")),
                fails(
                        "scale: a text column",
                        0,
                        "columns",
                        "column 'Name' is string; scale needs numbers",
                        step("scale", "{\"columns\": [\"Name\"]}")),
                fails(
                        "scale: an unknown column",
                        0,
                        "columns",
                        "'Fair' does not exist",
                        step("scale", "{\"columns\": [\"Fair\"]}")),
                fails(
                        "scale: a column listed twice",
                        0,
                        "columns",
                        "listed twice",
                        step("scale", "{\"columns\": [\"Fare\", \"Fare\"]}")),

                // feature_engineer
                ok(
                        "feature_engineer: add two numeric columns",
                        step("feature_engineer", "{\"operation\": \"add\", \"columns\": [\"SibSp\", \"Parch\"]}")),
                ok(
                        "feature_engineer: date parts of a column cast to datetime",
                        step("cast", "{\"columns\": [\"Ticket\"], \"to\": \"datetime\"}"),
                        step(
                                "feature_engineer",
                                "{\"operation\": \"date_parts\", \"columns\": [\"Ticket\"], \"parts\": [\"year\"]}")),
                ok(
                        "feature_engineer: regex_extract with an existing group",
                        step(
                                "feature_engineer",
                                "{\"operation\": \"regex_extract\", \"columns\": [\"Name\"], "
                                        + "\"pattern\": \"(Mr|Mrs)\\\\.\", \"group\": 1}")),
                fails(
                        "feature_engineer: operation is required",
                        0,
                        "operation",
                        "required property 'operation'",
                        step("feature_engineer", "{\"columns\": [\"Age\"]}")),
                fails(
                        "feature_engineer: an unknown operation",
                        0,
                        "operation",
                        "\"regex_extract\"",
                        step("feature_engineer", "{\"operation\": \"power\", \"columns\": [\"Age\"]}")),
                fails(
                        "feature_engineer: more than two columns",
                        0,
                        "columns",
                        "at most 2 items",
                        step(
                                "feature_engineer",
                                "{\"operation\": \"add\", \"columns\": [\"Age\", \"Fare\", \"SibSp\"]}")),
                fails(
                        "feature_engineer: the wrong number of columns",
                        0,
                        "columns",
                        "add takes 2 columns, not 1",
                        step("feature_engineer", "{\"operation\": \"add\", \"columns\": [\"Age\"]}")),
                fails(
                        "feature_engineer: an unknown column",
                        0,
                        "columns",
                        "'Sibsp' does not exist",
                        step("feature_engineer", "{\"operation\": \"log1p\", \"columns\": [\"Sibsp\"]}")),
                fails(
                        "feature_engineer: arithmetic on text",
                        0,
                        "columns",
                        "column 'Name' is string; multiply needs numbers",
                        step("feature_engineer", "{\"operation\": \"multiply\", \"columns\": [\"Name\", \"Fare\"]}")),
                fails(
                        "feature_engineer: date_parts of a column that is no date",
                        0,
                        "columns",
                        "date_parts needs a date or datetime column",
                        step("feature_engineer", "{\"operation\": \"date_parts\", \"columns\": [\"Ticket\"]}")),
                fails(
                        "feature_engineer: text_length of a number",
                        0,
                        "columns",
                        "text_length needs a text column",
                        step("feature_engineer", "{\"operation\": \"text_length\", \"columns\": [\"Fare\"]}")),
                fails(
                        "feature_engineer: a new column that already exists",
                        0,
                        "new_column",
                        "column 'Age' already exists; choose another new_column",
                        step(
                                "feature_engineer",
                                "{\"operation\": \"log1p\", \"columns\": [\"Fare\"], \"new_column\": \"Age\"}")),
                fails(
                        "feature_engineer: a date part column that already exists",
                        2,
                        "parts",
                        "column 'Ticket_year' already exists",
                        step("rename_columns", "{\"renames\": [{\"from\": \"Fare\", \"to\": \"Ticket_year\"}]}"),
                        step("cast", "{\"columns\": [\"Ticket\"], \"to\": \"datetime\"}"),
                        step(
                                "feature_engineer",
                                "{\"operation\": \"date_parts\", \"columns\": [\"Ticket\"], \"parts\": [\"year\"]}")),
                fails(
                        "feature_engineer: a new column name longer than 128",
                        0,
                        "new_column",
                        "at most 128 characters",
                        step(
                                "feature_engineer",
                                "{\"operation\": \"log1p\", \"columns\": [\"Fare\"], \"new_column\": \""
                                        + "f".repeat(129) + "\"}")),
                fails(
                        "feature_engineer: bins without operation bin",
                        0,
                        "bins",
                        "bins is only used with operation bin",
                        step("feature_engineer", "{\"operation\": \"log1p\", \"columns\": [\"Fare\"], \"bins\": 4}")),
                fails(
                        "feature_engineer: fewer than 2 bins",
                        0,
                        "bins",
                        "minimum value of 2",
                        step("feature_engineer", "{\"operation\": \"bin\", \"columns\": [\"Fare\"], \"bins\": 1}")),
                fails(
                        "feature_engineer: more than 100 bins",
                        0,
                        "bins",
                        "maximum value of 100",
                        step("feature_engineer", "{\"operation\": \"bin\", \"columns\": [\"Fare\"], \"bins\": 101}")),
                fails(
                        "feature_engineer: date_parts with a new_column",
                        1,
                        "new_column",
                        "leave new_column out",
                        step("cast", "{\"columns\": [\"Ticket\"], \"to\": \"datetime\"}"),
                        step(
                                "feature_engineer",
                                "{\"operation\": \"date_parts\", \"columns\": [\"Ticket\"], \"new_column\": \"when\"}")),
                fails(
                        "feature_engineer: more than 5 date parts",
                        1,
                        "parts",
                        "at most 5 items",
                        step("cast", "{\"columns\": [\"Ticket\"], \"to\": \"datetime\"}"),
                        step(
                                "feature_engineer",
                                "{\"operation\": \"date_parts\", \"columns\": [\"Ticket\"], "
                                        + "\"parts\": [\"year\", \"month\", \"day\", \"weekday\", \"hour\", \"year\"]}")),
                fails(
                        "feature_engineer: regex_extract without a pattern",
                        0,
                        "pattern",
                        "regex_extract needs a pattern",
                        step("feature_engineer", "{\"operation\": \"regex_extract\", \"columns\": [\"Name\"]}")),
                fails(
                        "feature_engineer: a pattern that is not RE2",
                        0,
                        "pattern",
                        "not a valid RE2 pattern",
                        step(
                                "feature_engineer",
                                "{\"operation\": \"regex_extract\", \"columns\": [\"Name\"], "
                                        + "\"pattern\": \"(a+)+\\\\1\"}")),
                fails(
                        "feature_engineer: a group the pattern does not have",
                        0,
                        "group",
                        "the pattern has 1 capturing groups; group 2 does not exist",
                        step(
                                "feature_engineer",
                                "{\"operation\": \"regex_extract\", \"columns\": [\"Name\"], "
                                        + "\"pattern\": \"(Mr)\", \"group\": 2}")),
                fails(
                        "feature_engineer: a group above 9",
                        0,
                        "group",
                        "maximum value of 9",
                        step(
                                "feature_engineer",
                                "{\"operation\": \"regex_extract\", \"columns\": [\"Name\"], "
                                        + "\"pattern\": \"(Mr)\", \"group\": 10}")),
                fails(
                        "feature_engineer: a pattern longer than 200",
                        0,
                        "pattern",
                        "at most 200 characters",
                        step(
                                "feature_engineer",
                                "{\"operation\": \"regex_extract\", \"columns\": [\"Name\"], " + "\"pattern\": \""
                                        + "a".repeat(201) + "\"}")),
                fails(
                        "feature_engineer: a pattern without regex_extract",
                        0,
                        "pattern",
                        "pattern and group are only used with regex_extract",
                        step(
                                "feature_engineer",
                                "{\"operation\": \"text_length\", \"columns\": [\"Name\"], \"pattern\": \"M\"}")),
                fails(
                        "feature_engineer: a group without regex_extract",
                        0,
                        "group",
                        "pattern and group are only used with regex_extract",
                        step(
                                "feature_engineer",
                                "{\"operation\": \"text_length\", \"columns\": [\"Name\"], \"group\": 1}")),

                // train_model
                ok(
                        "train_model: a target and its features",
                        step(
                                "train_model",
                                "{\"target\": \"Survived\", \"features\": [\"Age\", \"Fare\"], "
                                        + "\"test_size\": 0.3, \"cv_folds\": 3}")),
                fails(
                        "train_model: target is required",
                        0,
                        "target",
                        "required property 'target'",
                        step("train_model", "{}")),
                fails(
                        "train_model: not the last step",
                        0,
                        "",
                        "train_model must be the last action of the plan",
                        step("train_model", "{\"target\": \"Survived\"}"),
                        step("drop_duplicates", "{}")),
                fails(
                        "train_model: an unknown target",
                        0,
                        "target",
                        "'Survival' does not exist (did you mean 'Survived'?)",
                        step("train_model", "{\"target\": \"Survival\"}")),
                fails(
                        "train_model: an unknown feature",
                        0,
                        "features",
                        "'Fair' does not exist",
                        step("train_model", "{\"target\": \"Survived\", \"features\": [\"Fair\", \"Age\"]}")),
                fails(
                        "train_model: a feature listed twice",
                        0,
                        "features",
                        "listed twice",
                        step("train_model", "{\"target\": \"Survived\", \"features\": [\"Age\", \"Age\"]}")),
                fails(
                        "train_model: the target as a feature",
                        0,
                        "features",
                        "the target 'Survived' cannot also be a feature",
                        step("train_model", "{\"target\": \"Survived\", \"features\": [\"Survived\", \"Age\"]}")),
                fails(
                        "train_model: a model for the other task",
                        0,
                        "model",
                        "linear_regression does regression, but the task is classification",
                        step(
                                "train_model",
                                "{\"target\": \"Survived\", \"task\": \"classification\", "
                                        + "\"model\": \"linear_regression\"}")),
                fails(
                        "train_model: regression of a text target",
                        0,
                        "task",
                        "regression needs a numeric target; 'Sex' is string",
                        step("train_model", "{\"target\": \"Sex\", \"task\": \"regression\"}")),
                fails(
                        "train_model: no column left to learn from",
                        1,
                        "features",
                        "there is no column left to learn from",
                        step(
                                "drop_columns",
                                "{\"columns\": "
                                        + quoted(TITANIC.names().stream()
                                                .filter(n -> !n.equals("Survived"))
                                                .toList()) + "}"),
                        step("train_model", "{\"target\": \"Survived\"}")),
                fails(
                        "train_model: none of the features exist",
                        0,
                        "features",
                        "none of the features exist",
                        step("train_model", "{\"target\": \"Survived\", \"features\": [\"Fair\"]}")),
                fails(
                        "train_model: test_size above 0.5",
                        0,
                        "test_size",
                        "maximum value of 0.5",
                        step("train_model", "{\"target\": \"Survived\", \"test_size\": 0.6}")),
                fails(
                        "train_model: test_size below 0.1",
                        0,
                        "test_size",
                        "minimum value of 0.1",
                        step("train_model", "{\"target\": \"Survived\", \"test_size\": 0.05}")),
                fails(
                        "train_model: fewer than 2 folds",
                        0,
                        "cv_folds",
                        "minimum value of 2",
                        step("train_model", "{\"target\": \"Survived\", \"cv_folds\": 1}")),
                fails(
                        "train_model: more than 10 folds",
                        0,
                        "cv_folds",
                        "maximum value of 10",
                        step("train_model", "{\"target\": \"Survived\", \"cv_folds\": 11}")),
                fails(
                        "train_model: an unknown model",
                        0,
                        "model",
                        "\"random_forest\"",
                        step("train_model", "{\"target\": \"Survived\", \"model\": \"svm\"}")),

                // drop_duplicates
                ok(
                        "drop_duplicates: in some columns",
                        step("drop_duplicates", "{\"columns\": [\"Name\", \"Ticket\"]}")),
                fails(
                        "drop_duplicates: an unknown column",
                        0,
                        "columns",
                        "'Tickt' does not exist",
                        step("drop_duplicates", "{\"columns\": [\"Tickt\"]}")),
                fails(
                        "drop_duplicates: a column listed twice",
                        0,
                        "columns",
                        "listed twice",
                        step("drop_duplicates", "{\"columns\": [\"Name\", \"Name\"]}")),

                // drop_missing_rows
                ok(
                        "drop_missing_rows: where one column is missing",
                        step("drop_missing_rows", "{\"columns\": [\"Embarked\"]}")),
                fails(
                        "drop_missing_rows: an unknown column",
                        0,
                        "columns",
                        "'Embark' does not exist",
                        step("drop_missing_rows", "{\"columns\": [\"Embark\"]}")),
                fails(
                        "drop_missing_rows: a column listed twice",
                        0,
                        "columns",
                        "listed twice",
                        step("drop_missing_rows", "{\"columns\": [\"Embarked\", \"Embarked\"]}")),

                // rename_columns
                ok(
                        "rename_columns: a rename",
                        step("rename_columns", "{\"renames\": [{\"from\": \"SibSp\", \"to\": \"siblings\"}]}")),
                ok(
                        "rename_columns: a swap",
                        step(
                                "rename_columns",
                                "{\"renames\": [{\"from\": \"SibSp\", \"to\": \"Parch\"}, "
                                        + "{\"from\": \"Parch\", \"to\": \"SibSp\"}]}")),
                fails(
                        "rename_columns: renames is required",
                        0,
                        "renames",
                        "required property 'renames'",
                        step("rename_columns", "{}")),
                fails(
                        "rename_columns: at least one rename",
                        0,
                        "renames",
                        "at least 1 items",
                        step("rename_columns", "{\"renames\": []}")),
                fails(
                        "rename_columns: a new name longer than 128",
                        0,
                        "renames",
                        "at most 128 characters",
                        step(
                                "rename_columns",
                                "{\"renames\": [{\"from\": \"SibSp\", \"to\": \"" + "s".repeat(129) + "\"}]}")),
                fails(
                        "rename_columns: an unknown column",
                        0,
                        "renames",
                        "'Sibsp' does not exist",
                        step("rename_columns", "{\"renames\": [{\"from\": \"Sibsp\", \"to\": \"siblings\"}]}")),
                fails(
                        "rename_columns: a column renamed twice",
                        0,
                        "renames",
                        "column 'SibSp' is renamed twice",
                        step(
                                "rename_columns",
                                "{\"renames\": [{\"from\": \"SibSp\", \"to\": \"a\"}, {\"from\": \"SibSp\", \"to\": \"b\"}]}")),
                fails(
                        "rename_columns: two columns to one name",
                        0,
                        "renames",
                        "two columns would be named 'family'",
                        step(
                                "rename_columns",
                                "{\"renames\": [{\"from\": \"SibSp\", \"to\": \"family\"}, "
                                        + "{\"from\": \"Parch\", \"to\": \"family\"}]}")),
                fails(
                        "rename_columns: a blank name",
                        0,
                        "renames",
                        "is not a usable column name",
                        step("rename_columns", "{\"renames\": [{\"from\": \"SibSp\", \"to\": \"  \"}]}")),
                fails(
                        "rename_columns: a name with a control character",
                        0,
                        "renames",
                        "is not a usable column name",
                        step("rename_columns", "{\"renames\": [{\"from\": \"SibSp\", \"to\": \"a\\u0007b\"}]}")),
                fails(
                        "rename_columns: a name that is taken",
                        0,
                        "renames",
                        "column 'Age' already exists",
                        step("rename_columns", "{\"renames\": [{\"from\": \"SibSp\", \"to\": \"Age\"}]}")),

                // clip_outliers
                ok(
                        "clip_outliers: iqr with a factor",
                        step("clip_outliers", "{\"columns\": [\"Fare\"], \"factor\": 3}")),
                ok(
                        "clip_outliers: percentiles",
                        step(
                                "clip_outliers",
                                "{\"columns\": [\"Fare\"], \"method\": \"percentile\", "
                                        + "\"lower\": 0.05, \"upper\": 0.95}")),
                fails(
                        "clip_outliers: a text column",
                        0,
                        "columns",
                        "column 'Name' is string; clip_outliers needs numbers",
                        step("clip_outliers", "{\"columns\": [\"Name\"]}")),
                fails(
                        "clip_outliers: an unknown column",
                        0,
                        "columns",
                        "'Fair' does not exist",
                        step("clip_outliers", "{\"columns\": [\"Fair\"]}")),
                fails(
                        "clip_outliers: a column listed twice",
                        0,
                        "columns",
                        "listed twice",
                        step("clip_outliers", "{\"columns\": [\"Fare\", \"Fare\"]}")),
                fails(
                        "clip_outliers: lower with iqr",
                        0,
                        "lower",
                        "lower and upper are only used with method percentile",
                        step("clip_outliers", "{\"columns\": [\"Fare\"], \"lower\": 0.05}")),
                fails(
                        "clip_outliers: upper with iqr",
                        0,
                        "upper",
                        "lower and upper are only used with method percentile",
                        step("clip_outliers", "{\"columns\": [\"Fare\"], \"upper\": 0.95}")),
                fails(
                        "clip_outliers: factor with percentile",
                        0,
                        "factor",
                        "factor is only used with method iqr",
                        step("clip_outliers", "{\"columns\": [\"Fare\"], \"method\": \"percentile\", \"factor\": 2}")),
                fails(
                        "clip_outliers: lower not below upper",
                        0,
                        "lower",
                        "lower must be below upper",
                        step(
                                "clip_outliers",
                                "{\"columns\": [\"Fare\"], \"method\": \"percentile\", "
                                        + "\"lower\": 0.5, \"upper\": 0.5}")),
                fails(
                        "clip_outliers: a factor above 10",
                        0,
                        "factor",
                        "maximum value of 10",
                        step("clip_outliers", "{\"factor\": 11}")),
                fails(
                        "clip_outliers: a factor below 0.5",
                        0,
                        "factor",
                        "minimum value of 0.5",
                        step("clip_outliers", "{\"factor\": 0.4}")),
                fails(
                        "clip_outliers: lower above 0.5",
                        0,
                        "lower",
                        "maximum value of 0.5",
                        step("clip_outliers", "{\"method\": \"percentile\", \"lower\": 0.6}")),
                fails(
                        "clip_outliers: upper below 0.5",
                        0,
                        "upper",
                        "minimum value of 0.5",
                        step("clip_outliers", "{\"method\": \"percentile\", \"upper\": 0.4}")),
                fails(
                        "clip_outliers: an unknown method",
                        0,
                        "method",
                        "\"iqr\", \"percentile\"",
                        step("clip_outliers", "{\"method\": \"zscore\"}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleNamesTheStepTheFieldAndTheProblem(Case rule) {
        List<PlanError> errors = PlanValidator.check(new Plan(rule.explanation(), rule.steps()), TITANIC);

        if (rule.expected().isEmpty()) {
            assertThat(errors).as("a valid plan").isEmpty();
            return;
        }
        Expected expected = rule.expected().get();
        OptionalInt step = expected.step() < 0 ? OptionalInt.empty() : OptionalInt.of(expected.step());
        assertThat(errors).as("the problems of: %s", rule.rule()).anySatisfy(error -> {
            assertThat(error.actionIndex()).isEqualTo(step);
            assertThat(error.field()).isEqualTo(expected.field());
            assertThat(error.message()).isNotBlank().contains(expected.fragment());
            if (step.isPresent()) {
                assertThat(error.action())
                        .isEqualTo(rule.steps().get(step.getAsInt()).type().wireName());
            }
        });
    }

    private static Case ok(String rule, PlanStep... steps) {
        return new Case(rule, "test", List.of(steps), Optional.empty());
    }

    private static Case fails(String rule, int step, String field, String fragment, PlanStep... steps) {
        return new Case(rule, "test", List.of(steps), Optional.of(new Expected(step, field, fragment)));
    }

    @SuppressWarnings("unchecked")
    private static PlanStep step(String type, String paramsJson) {
        try {
            return new PlanStep(
                    ActionType.fromWireName(type).orElseThrow(), Json.mapper().readValue(paramsJson, Map.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(paramsJson, e);
        }
    }

    private static String quoted(List<String> names) {
        List<String> quoted = new ArrayList<>();
        names.forEach(n -> quoted.add("\"" + n + "\""));
        return "[" + String.join(", ", quoted) + "]";
    }
}
