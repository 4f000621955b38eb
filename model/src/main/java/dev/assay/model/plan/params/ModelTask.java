package dev.assay.model.plan.params;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum ModelTask {
    @JsonProperty("classification")
    CLASSIFICATION,
    @JsonProperty("regression")
    REGRESSION;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
