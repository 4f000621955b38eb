package dev.assay.model.plan.params;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum BinStrategy {
    @JsonProperty("quantile")
    QUANTILE,
    @JsonProperty("equal_width")
    EQUAL_WIDTH;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
