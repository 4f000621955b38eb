package dev.assay.model.plan.params;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.assay.model.dataset.ColumnInfo;
import dev.assay.model.dataset.ColumnType;
import dev.assay.model.dataset.DatasetSchema;
import dev.assay.model.dataset.VariableKind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;

@JsonClassDescription("Parameters of feature_engineer: one declarative operation that adds columns.")
public record FeatureEngineerParams(
        @NotNull
        @JsonPropertyDescription(
                "add, subtract, multiply, divide (two numeric columns); log1p, bin (one numeric column); "
                        + "date_parts (one datetime column); text_length, regex_extract (one text column).")
        FeatureOperation operation,

        @NotNull
        @Size(min = 1, max = 2)
        @JsonPropertyDescription(
                "Input columns: two for add/subtract/multiply/divide (first op second), one otherwise.")
        List<String> columns,

        @Size(min = 1, max = 128)
        @JsonPropertyDescription("Name of the new column. Default derived from the inputs, e.g. SibSp_plus_Parch. "
                + "date_parts always names its columns <column>_<part>.")
        String newColumn,

        @Min(2) @Max(100) @JsonPropertyDescription("bin only: number of bins. Default 5.")
        Integer bins,

        @JsonPropertyDescription("bin only: quantile (equal counts) or equal_width. Default quantile.")
        BinStrategy binning,

        @Size(min = 1, max = 5)
        @JsonPropertyDescription(
                "date_parts only: which of year, month, day, weekday, hour. Default year, month, day, weekday.")
        List<DatePart> parts,

        @Size(min = 1, max = MAX_PATTERN)
        @JsonPropertyDescription("regex_extract only: an RE2 regular expression (linear time; no backreferences).")
        String pattern,

        @Min(0)
        @Max(9)
        @JsonPropertyDescription("regex_extract only: the capturing group to keep. Default 1, or 0 without groups.")
        Integer group)
        implements ActionParams {

    public static final int MAX_PATTERN = 200;
    public static final int DEFAULT_BINS = 5;
    public static final List<DatePart> DEFAULT_PARTS =
            List.of(DatePart.YEAR, DatePart.MONTH, DatePart.DAY, DatePart.WEEKDAY);

    public FeatureEngineerParams {
        columns = columns == null ? List.of() : List.copyOf(columns);
        parts = parts == null || parts.isEmpty() ? DEFAULT_PARTS : List.copyOf(parts);
        binning = binning == null ? BinStrategy.QUANTILE : binning;
    }

    public int binCount() {
        return bins == null ? DEFAULT_BINS : bins;
    }

    /** The capturing group to keep: the given one, else 1 when the pattern has groups, else the whole match. */
    public int groupIndex() {
        if (group != null) {
            return group;
        }
        return pattern != null && Pattern.compile(pattern).groupCount() > 0 ? 1 : 0;
    }

    /** Names of the columns this step adds. */
    public List<String> outputColumns() {
        if (operation == FeatureOperation.DATE_PARTS) {
            return parts.stream()
                    .map(p -> columns.getFirst() + "_" + p.wireName())
                    .toList();
        }
        if (newColumn != null) {
            return List.of(newColumn);
        }
        if (operation.arithmetic() && columns.size() == 2) {
            return List.of(columns.get(0) + "_" + operation.word() + "_" + columns.get(1));
        }
        if (operation == FeatureOperation.LOG1P) {
            return List.of("log1p_" + columns.getFirst());
        }
        return List.of(columns.getFirst() + "_" + operation.word());
    }

    @Override
    public void check(DatasetSchema schema, StepContext context, Problems problems) {
        if (columns.size() != operation.inputs()) {
            problems.add(
                    "columns",
                    operation.wireName() + " takes " + operation.inputs()
                            + (operation.inputs() == 1 ? " column" : " columns") + ", not " + columns.size());
            return;
        }
        List<ColumnInfo> inputs = problems.columns("columns", columns, schema);
        if (inputs.size() != columns.size()) {
            return;
        }
        switch (operation) {
            case ADD, SUBTRACT, MULTIPLY, DIVIDE, LOG1P, BIN ->
                problems.requireNumeric("columns", inputs, operation.wireName() + " needs numbers");
            case DATE_PARTS -> {
                if (!inputs.getFirst().type().isTemporal()) {
                    problems.add(
                            "columns",
                            "column '" + columns.getFirst() + "' is "
                                    + inputs.getFirst().type().wireName()
                                    + "; date_parts needs a date or datetime column (cast it to datetime first)");
                }
            }
            case TEXT_LENGTH, REGEX_EXTRACT -> {
                if (inputs.getFirst().type() != ColumnType.STRING) {
                    problems.add(
                            "columns",
                            "column '" + columns.getFirst() + "' is "
                                    + inputs.getFirst().type().wireName() + "; " + operation.wireName()
                                    + " needs a text column");
                }
            }
        }
        checkOptions(problems);
        for (String output : outputColumns()) {
            if (schema.has(output)) {
                problems.add(
                        operation == FeatureOperation.DATE_PARTS ? "parts" : "new_column",
                        "column '" + output + "' already exists; choose another new_column");
            }
        }
    }

    private void checkOptions(Problems problems) {
        if (operation != FeatureOperation.BIN && bins != null) {
            problems.add("bins", "bins is only used with operation bin");
        }
        if (operation == FeatureOperation.DATE_PARTS && newColumn != null) {
            problems.add("new_column", "date_parts names its columns <column>_<part>; leave new_column out");
        }
        if (operation == FeatureOperation.REGEX_EXTRACT) {
            if (pattern == null) {
                problems.add("pattern", "regex_extract needs a pattern");
                return;
            }
            try {
                int groups = Pattern.compile(pattern).groupCount();
                if (group != null && group > groups) {
                    problems.add(
                            "group",
                            "the pattern has " + groups + " capturing groups; group " + group + " does not exist");
                }
            } catch (PatternSyntaxException e) {
                problems.add("pattern", "not a valid RE2 pattern: " + e.getDescription());
            }
        } else if (pattern != null || group != null) {
            problems.add(pattern != null ? "pattern" : "group", "pattern and group are only used with regex_extract");
        }
    }

    @Override
    public DatasetSchema project(DatasetSchema schema, StepContext context) {
        ColumnInfo input = schema.find(columns.getFirst()).orElseThrow();
        List<ColumnInfo> added = switch (operation) {
            case ADD, SUBTRACT, MULTIPLY, DIVIDE, LOG1P ->
                List.of(numeric(outputColumns().getFirst(), ColumnType.DECIMAL));
            case BIN -> List.of(numeric(outputColumns().getFirst(), ColumnType.INTEGER));
            case DATE_PARTS ->
                outputColumns().stream()
                        .map(name -> numeric(name, ColumnType.INTEGER))
                        .toList();
            case TEXT_LENGTH ->
                List.of(new ColumnInfo(
                        outputColumns().getFirst(),
                        ColumnType.INTEGER,
                        VariableKind.NUMERIC,
                        input.missing(),
                        0,
                        List.of()));
            case REGEX_EXTRACT ->
                List.of(ColumnInfo.of(outputColumns().getFirst(), ColumnType.STRING, VariableKind.CATEGORICAL));
        };
        return schema.with(added);
    }

    private static ColumnInfo numeric(String name, ColumnType type) {
        return ColumnInfo.of(name, type, VariableKind.NUMERIC);
    }

    public Optional<String> regex() {
        return Optional.ofNullable(pattern);
    }
}
