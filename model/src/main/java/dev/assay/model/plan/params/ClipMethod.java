package dev.assay.model.plan.params;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum ClipMethod {
    @JsonProperty("iqr")
    IQR,
    @JsonProperty("percentile")
    PERCENTILE;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
