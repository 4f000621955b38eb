package dev.assay.model.plan.params;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The closed set of feature operations: each is declarative, none evaluates an expression. */
public enum FeatureOperation {
    @JsonProperty("add")
    ADD(2, "plus"),
    @JsonProperty("subtract")
    SUBTRACT(2, "minus"),
    @JsonProperty("multiply")
    MULTIPLY(2, "times"),
    @JsonProperty("divide")
    DIVIDE(2, "per"),
    @JsonProperty("log1p")
    LOG1P(1, "log1p"),
    @JsonProperty("bin")
    BIN(1, "bin"),
    @JsonProperty("date_parts")
    DATE_PARTS(1, "parts"),
    @JsonProperty("text_length")
    TEXT_LENGTH(1, "length"),
    @JsonProperty("regex_extract")
    REGEX_EXTRACT(1, "extract");

    private final int inputs;
    private final String word;

    FeatureOperation(int inputs, String word) {
        this.inputs = inputs;
        this.word = word;
    }

    /** How many input columns the operation takes. */
    public int inputs() {
        return inputs;
    }

    /** Used to name the new column when the plan does not. */
    public String word() {
        return word;
    }

    public boolean arithmetic() {
        return inputs == 2;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
