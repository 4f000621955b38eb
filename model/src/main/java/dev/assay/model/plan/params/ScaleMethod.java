package dev.assay.model.plan.params;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum ScaleMethod {
    @JsonProperty("standard")
    STANDARD,
    @JsonProperty("minmax")
    MINMAX;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
