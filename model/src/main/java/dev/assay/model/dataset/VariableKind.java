package dev.assay.model.dataset;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a column means for analysis, inferred from its values (a column of integers may be an identifier,
 * a column of strings may be categories or free text).
 */
public enum VariableKind {
    @JsonProperty("numeric")
    NUMERIC,
    @JsonProperty("categorical")
    CATEGORICAL,
    @JsonProperty("boolean")
    BOOLEAN,
    @JsonProperty("datetime")
    DATETIME,
    @JsonProperty("text")
    TEXT,
    @JsonProperty("identifier")
    IDENTIFIER;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
