package dev.assay.model.plan.params;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum ImputeStrategy {
    @JsonProperty("median")
    MEDIAN,
    @JsonProperty("mean")
    MEAN,
    @JsonProperty("mode")
    MODE,
    @JsonProperty("zero")
    ZERO,
    @JsonProperty("constant")
    CONSTANT;

    /** Whether the strategy only makes sense for numbers. */
    public boolean numericOnly() {
        return this == MEDIAN || this == MEAN || this == ZERO;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
