package dev.assay.model.profile;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum AlertType {
    @JsonProperty("constant")
    CONSTANT,
    @JsonProperty("unique")
    UNIQUE,
    @JsonProperty("high_cardinality")
    HIGH_CARDINALITY,
    @JsonProperty("missing")
    MISSING,
    @JsonProperty("skewed")
    SKEWED,
    @JsonProperty("zeros")
    ZEROS,
    @JsonProperty("imbalance")
    IMBALANCE,
    @JsonProperty("high_correlation")
    HIGH_CORRELATION,
    @JsonProperty("duplicates")
    DUPLICATES,
    @JsonProperty("date_as_text")
    DATE_AS_TEXT,
    @JsonProperty("missing_marker")
    MISSING_MARKER,
    @JsonProperty("mixed_types")
    MIXED_TYPES,
    @JsonProperty("infinite")
    INFINITE,
    @JsonProperty("empty")
    EMPTY;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
