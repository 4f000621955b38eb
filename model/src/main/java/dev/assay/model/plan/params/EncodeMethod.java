package dev.assay.model.plan.params;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum EncodeMethod {
    @JsonProperty("onehot")
    ONEHOT,
    @JsonProperty("label")
    LABEL;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
